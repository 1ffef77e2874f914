import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardFundingSummarySchema, fundingSummarySchema, spendingLineResponseSchema } from '../../src/shared/infra/funding-api';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { addDevice, PDF_BYTES, uploadPdf } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const fundingUrl = (schoolId: string, rest = '') => `/api/schools/${schoolId}/funding${rest}`;

/** A spending line as the form sends it; `overrides` change any field. */
const spending = (overrides: Record<string, unknown> = {}) => ({
  scheme: 'digisprong',
  category: 'devices',
  description: '48 Chromebooks voor het 5de en 6de leerjaar',
  supplier: 'Signpost',
  amountCents: 13_920_00,
  invoiceReference: 'F-2022-0456',
  invoiceDate: '2022-08-24',
  notDoubleFinanced: true,
  procurementProcedure: 'framework_agreement',
  procurementReference: 'Raamcontract KOV 2021/07',
  ...overrides,
});

describe('ICT park: funding', () => {
  let t: TestApp;
  let w: SchoolWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  const setCounts = (client: TestClient, schoolId: string, counts: unknown) => client.request({ method: 'PUT', url: `/api/schools/${schoolId}/pupil-counts`, payload: { counts } });
  const record = (client: TestClient, schoolId: string, body: Record<string, unknown>) => client.request({ method: 'POST', url: fundingUrl(schoolId, '/spending'), payload: body });

  it('computes the budget per measure from the counts entered, less the emergency devices, and charges spending with its checks', async () => {
    const counted = await setCounts(w.ictA, w.schoolA, [
      { group: 'pre_primary', countingDay: '2020-02-01', pupils: 100 },
      { group: 'primary_1_4', countingDay: '2020-02-01', pupils: 133 },
      { group: 'primary_5_6', countingDay: '2020-02-01', pupils: 48 },
    ]);
    expect(counted.statusCode).toBe(200);
    const terms = await w.principalA.request({
      method: 'PUT',
      url: fundingUrl(w.schoolA, '/terms'),
      payload: { scheme: 'digisprong', rentScheme: false, deductionBases: { emergency_devices_2020: 1_000_01 } },
    });
    expect(terms.statusCode).toBe(200);
    const summary = fundingSummarySchema.parse(terms.json());
    const budget = (code: string) => summary.measures.find((m) => m.code === code)!;
    expect(budget('infrastructure').budgetCents).toBe(281 * 4200);
    expect(budget('shared_devices').budgetCents).toBe(233 * 2500);
    // 75% of €1,000.01 is €750.0075: €750.01 off the 5th and 6th year's devices.
    expect(budget('devices_primary_5_6')).toMatchObject({ grossCents: 48 * 29000, deductedCents: 750_01, budgetCents: 48 * 29000 - 750_01 });
    expect(summary.deadline).toBe('2024-08-31');
    expect(summary.deviceGoal).toEqual({ goal: 48, bought: 0, met: false });

    await addDevice(w.ictA, w.schoolA, { type: 'chromebook', fundingSource: 'digisprong' });
    const fileId = await uploadPdf(w.ictA, w.schoolA, 'factuur-F-2022-0456.pdf');
    const recorded = await record(w.ictA, w.schoolA, spending({ evidenceFileIds: [fileId] }));
    expect(recorded.statusCode).toBe(201);
    const { line } = spendingLineResponseSchema.parse(recorded.json());
    expect(line).toMatchObject({ part: 'devices', amountCents: 13_920_00, checks: { eligible: true, noDoubleFinancing: true, procurement: true, evidence: true } });
    expect(line.evidence.map((f) => f.name)).toEqual(['factuur-F-2022-0456.pdf']);

    const unchecked = spendingLineResponseSchema.parse(
      (
        await record(
          w.ictA,
          w.schoolA,
          spending({ category: 'network', amountCents: 2_000_00, notDoubleFinanced: false, procurementProcedure: 'open_procedure', procurementReference: null }),
        )
      ).json(),
    ).line;
    expect(unchecked.checks).toEqual({ eligible: true, noDoubleFinancing: false, procurement: false, evidence: false });
    const attached = await w.ictA.request({ method: 'POST', url: `/api/funding/spending/${unchecked.id}/evidence`, payload: { fileIds: [await uploadPdf(w.ictA, w.schoolA)] } });
    expect(spendingLineResponseSchema.parse(attached.json()).line.checks.evidence).toBe(true);

    const after = fundingSummarySchema.parse((await w.boardAdmin.request({ method: 'GET', url: fundingUrl(w.schoolA) })).json());
    expect(after.canManage).toBe(false);
    expect(after.deviceGoal).toEqual({ goal: 48, bought: 1, met: false });
    expect(after.ledger.spentCents).toBe(15_920_00);
    expect(after.ledger.parts.devices.spentCents).toBe(13_920_00);
    expect(after.ledger.parts.infrastructure.spentCents).toBe(2_000_00);
    expect(after.ledger.leftCents).toBe(after.ledger.budgetCents! - 15_920_00);
    expect(after.spending).toHaveLength(2);
  });

  it('keeps an invoice while a spending line names it: the database refuses to remove the file, and frees it with the line', async () => {
    const fileId = await uploadPdf(w.ictA, w.schoolA, 'factuur-bewaard.pdf');
    const { line } = spendingLineResponseSchema.parse((await record(w.ictA, w.schoolA, spending({ invoiceReference: 'F-KEEP', evidenceFileIds: [fileId] }))).json());
    const db = t.app.db.kysely;
    const removeFile = () => db.deleteFrom('infra_files').where('id', '=', fileId).execute();
    await expect(removeFile()).rejects.toThrow(/foreign key/i);
    expect(await db.selectFrom('funding_evidence').select('file_id').where('spending_id', '=', line.id).execute()).toEqual([{ file_id: fileId }]);
    await db.deleteFrom('funding_spending').where('id', '=', line.id).execute();
    await removeFile();
    expect(await db.selectFrom('infra_files').select('id').where('id', '=', fileId).execute()).toEqual([]);
  });

  it('refuses internet and telephony with the reason, and invoices outside the window, on their field; nothing is written', async () => {
    const internet = await record(w.ictA, w.schoolA, spending({ category: 'internet_subscription' }));
    expect(errorOf(internet)).toEqual({ status: 422, id: 'spending_refused', field: 'body.category' });
    expect(internet.json().error.message).toMatch(/running costs/);
    expect(errorOf(await record(w.ictA, w.schoolA, spending({ category: 'telephony' })))).toEqual({ status: 422, id: 'spending_refused', field: 'body.category' });
    expect(errorOf(await record(w.ictA, w.schoolA, spending({ invoiceDate: '2020-12-31' })))).toEqual({ status: 422, id: 'spending_refused', field: 'body.invoiceDate' });
    expect(errorOf(await record(w.ictA, w.schoolA, spending({ invoiceDate: '2024-09-01' })))).toEqual({ status: 422, id: 'spending_refused', field: 'body.invoiceDate' });
    expect(errorOf(await record(w.ictA, w.schoolA, spending({ amountCents: 0 })))).toEqual({ status: 400, id: 'validation_error', field: 'body.amountCents' });
    expect(errorOf(await record(w.ictA, w.schoolA, spending({ scheme: 'nope' })))).toEqual({ status: 400, id: 'validation_error', field: 'body.scheme' });
    const othersFile = await uploadPdf(w.principalOther, w.other);
    expect(errorOf(await record(w.ictA, w.schoolA, spending({ evidenceFileIds: [othersFile] })))).toEqual({ status: 400, id: 'validation_error', field: 'body.evidenceFileIds.0' });
    // A board with a rent scheme spends a year longer.
    await w.ictA.request({
      method: 'PUT',
      url: fundingUrl(w.schoolA, '/terms'),
      payload: { scheme: 'digisprong', rentScheme: true, deductionBases: { emergency_devices_2020: 1_000_01 } },
    });
    expect((await record(w.ictA, w.schoolA, spending({ invoiceDate: '2024-09-01' }))).statusCode).toBe(201);
    expect(
      errorOf(await w.ictA.request({ method: 'PUT', url: fundingUrl(w.schoolA, '/terms'), payload: { scheme: 'digisprong', rentScheme: true, deductionBases: { pizza: 1 } } })),
    ).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.deductionBases.pizza',
    });
    expect(errorOf(await setCounts(w.ictA, w.schoolA, [{ group: 'primary_5_6', countingDay: '2020-02-30', pupils: 1 }]))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.counts.0.countingDay',
    });
    expect(errorOf(await setCounts(w.ictA, w.schoolA, [{ group: 'primary_5_6', countingDay: '2020-02-01', pupils: -1 }]))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.counts.0.pupils',
    });
  });

  it('imports pupil counts from a table all or nothing, reporting every bad line', async () => {
    const ictB = await t.user('ict_coordinator', { schoolId: w.schoolB });
    const importCounts = (csv: string) => ictB.request({ method: 'POST', url: `/api/schools/${w.schoolB}/pupil-counts/import`, headers: { 'content-type': 'text/csv' }, payload: csv });
    const bad = await importCounts('groep;teldag;leerlingen\nprimary_5_6;01/02/2020;48\nsixth_form;01/02/2020;12\nprimary_1_4;31/02/2020;veel\nprimary_5_6;2020-02-01;50\n');
    expect(errorOf(bad)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['line 3: groep', 'line 4: teldag', 'line 4: leerlingen', 'line 5: groep']);
    expect(await t.app.services.funding.summary(w.boardAdmin.userId, w.schoolB, 'digisprong').then((s) => s.counts)).toEqual([]);
    const good = await importCounts('\uFEFFgroep;teldag;leerlingen\r\nprimary_5_6;01/02/2020;1.048\r\nsecondary_2_4_6_other;2021-10-01;12\r\n');
    expect(good.statusCode).toBe(200);
    expect(fundingSummarySchema.parse(good.json()).counts.map((c) => [c.group, c.countingDay, c.pupils])).toEqual([
      ['primary_5_6', '2020-02-01', 1048],
      ['secondary_2_4_6_other', '2021-10-01', 12],
    ]);
  });

  it('shows the board every school’s budget, spent and left, and exports a sample’s evidence as one ZIP', async () => {
    const board = boardFundingSummarySchema.parse((await w.boardAdmin.request({ method: 'GET', url: `/api/boards/${w.boardId}/funding` })).json());
    expect(board.schools.map((s) => s.schoolId).sort()).toEqual([w.schoolA, w.schoolB].sort());
    const a = board.schools.find((s) => s.schoolId === w.schoolA)!;
    expect(a).toMatchObject({ lines: 3, auditReady: 1, deadline: '2025-08-31' });
    expect(board.totals.spentCents).toBe(board.schools.reduce((sum, s) => sum + s.spentCents, 0));

    const drawn = await w.boardAdmin.request({ method: 'GET', url: `/api/boards/${w.boardId}/funding/evidence?size=2` });
    expect(drawn.statusCode).toBe(200);
    expect(drawn.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(drawn.rawPayload));
    const index = new TextDecoder().decode(files['index.csv']);
    expect(index.trim().split(/\r?\n/)).toHaveLength(3);

    const ready = board.spending.find((line) => line.checks.evidence && line.evidence[0]?.name === 'factuur-F-2022-0456.pdf')!;
    const picked = unzipSync(new Uint8Array((await w.boardAdmin.request({ method: 'GET', url: `/api/boards/${w.boardId}/funding/evidence?ids=${ready.id}` })).rawPayload));
    expect(Buffer.from(picked[`bewijsstukken/${ready.id}/factuur-F-2022-0456.pdf`])).toEqual(PDF_BYTES);
    expect(new TextDecoder().decode(picked['index.csv'])).toContain('F-2022-0456');
    expect(errorOf(await w.boardAdmin.request({ method: 'GET', url: `/api/boards/${w.boardId}/funding/evidence?ids=${ready.id},not-ours` }))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'query.ids.1',
    });
    expect(errorOf(await w.boardAdmin.request({ method: 'GET', url: `/api/boards/${w.boardId}/funding/evidence` }))).toMatchObject({ status: 400, id: 'validation_error' });
  });

  it('answers who may not: no session 401, teacher 403, board read only 403, another school 404, another board 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: fundingUrl(w.schoolA) })).statusCode).toBe(401);
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: fundingUrl(w.schoolA) }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await record(w.boardAdmin, w.schoolA, spending()))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await setCounts(w.boardAdmin, w.schoolA, [{ group: 'primary_5_6', countingDay: '2020-02-01', pupils: 1 }]))).toMatchObject({ status: 403 });
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: fundingUrl(w.schoolA) }))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await record(w.principalOther, w.schoolA, spending()))).toMatchObject({ status: 404 });
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: `/api/boards/${w.boardId}/funding` }))).toMatchObject({ status: 404 });
    expect(errorOf(await w.principalA.request({ method: 'GET', url: `/api/boards/${w.boardId}/funding/evidence?size=1` }))).toMatchObject({ status: 404 });
    const line = (await t.app.services.funding.summary(w.ictA.userId, w.schoolA, 'digisprong')).spending[0];
    expect(errorOf(await w.principalOther.request({ method: 'POST', url: `/api/funding/spending/${line.id}/evidence`, payload: { fileIds: ['x'] } }))).toEqual({
      status: 404,
      id: 'not_found',
      field: 'spendingId',
    });
    const forged = await w.ictA.request({ method: 'POST', url: fundingUrl(w.schoolA, '/spending'), payload: spending(), csrf: false });
    expect(forged.statusCode).toBe(403);
  });

  it('shows Digiplan as unverified, with no budget until its rates are sourced', async () => {
    const summary = fundingSummarySchema.parse((await w.ictA.request({ method: 'GET', url: fundingUrl(w.schoolA, '?scheme=digiplan') })).json());
    expect(summary.scheme.verified).toBe(false);
    expect(summary.ledger.budgetCents).toBeNull();
    expect(summary.schemes.map((s) => [s.id, s.verified])).toEqual(
      expect.arrayContaining([
        ['digisprong', true],
        ['digiplan', false],
      ]),
    );
  });
});
