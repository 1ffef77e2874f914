import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decommissionBatchListSchema, decommissionBatchSchema, replacementForecastSchema, reusePartnersSchema } from '../../src/shared/infra/decommission-api';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { addDevice, moveDevice, uploadPdf, wipe } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const batchesUrl = (schoolId: string) => `/api/schools/${schoolId}/decommission-batches`;
const sanitisation = (certificateFileId: string | null = null) => ({
  method: 'purge',
  performedBy: 'Out of Use',
  performedOn: '2026-11-20',
  verification: 'Wisrapport van de partner per serienummer',
  certificateRef: 'OOU-2026-1142',
  certificateFileId,
});

describe('ICT park: decommission batches and replacement', () => {
  let t: TestApp;
  let w: SchoolWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  const create = (client: TestClient, schoolId: string, body: Record<string, unknown>) => client.request({ method: 'POST', url: batchesUrl(schoolId), payload: body });
  const stateOf = async (deviceId: string) => (await w.ictA.request({ method: 'GET', url: `/api/devices/${deviceId}` })).json();

  it('lists the partners reuse before recycling, with the routes in their order', async () => {
    const partners = reusePartnersSchema.parse((await w.teacherA.request({ method: 'GET', url: '/api/reuse-partners' })).json());
    expect(partners.routes).toEqual(['redeploy', 'reuse', 'recycle']);
    expect(partners.partners.map((p) => p.route)).toEqual(['reuse', 'reuse', 'reuse', 'recycle']);
    expect((await t.app.inject({ method: 'GET', url: '/api/reuse-partners' })).statusCode).toBe(401);
  });

  it('recycles a batch: each device wiped, through decommissioned to disposed, with the batch certificate', async () => {
    const a = await addDevice(w.ictA, w.schoolA, { assetTag: 'DC-01' });
    const b = await addDevice(w.ictA, w.schoolA, { assetTag: 'DC-02' }, 'in_repair');
    const certificate = await uploadPdf(w.ictA, w.schoolA);
    const response = await create(w.ictA, w.schoolA, {
      partnerId: 'recupel',
      handedOverOn: '2026-11-21',
      sanitisation: sanitisation(certificate),
      devices: [{ assetTag: 'DC-01' }, { assetTag: 'DC-02', method: 'destroy', certificateRef: 'OOU-2026-1142-2' }],
    });
    expect(response.statusCode).toBe(201);
    const batch = decommissionBatchSchema.parse(response.json());
    expect(batch.partner.id).toBe('recupel');
    expect(batch.certificate?.id).toBe(certificate);
    expect(batch.devices.map((d) => [d.assetTag, d.from, d.state, d.sanitisation.method, d.sanitisation.certificateRef, d.sanitisation.certificate?.id])).toEqual([
      ['DC-01', 'in_stock', 'disposed', 'purge', 'OOU-2026-1142', certificate],
      ['DC-02', 'in_repair', 'disposed', 'destroy', 'OOU-2026-1142-2', certificate],
    ]);
    const detail = await stateOf(b.id);
    expect(detail.history.slice(-2).map((e: { from: string; to: string }) => [e.from, e.to])).toEqual([
      ['in_repair', 'decommissioned'],
      ['decommissioned', 'disposed'],
    ]);
    expect(detail.sanitisation).toMatchObject({ method: 'destroy', performedBy: 'Out of Use' });
    expect((await stateOf(a.id)).device.state).toBe('disposed');

    const list = decommissionBatchListSchema.parse((await w.boardAdmin.request({ method: 'GET', url: batchesUrl(w.schoolA) })).json());
    expect(list.items.find((item) => item.id === batch.id)).toMatchObject({ devices: 2, certified: true });
    expect(list.canManage).toBe(false);
    expect((await w.boardAdmin.request({ method: 'GET', url: `/api/decommission-batches/${batch.id}` })).statusCode).toBe(200);
  });

  it('hands devices to a reuse partner as donated, uncertified until a file is attached', async () => {
    await addDevice(w.ictA, w.schoolA, { assetTag: 'DF-01' });
    const batch = decommissionBatchSchema.parse(
      (await create(w.principalA, w.schoolA, { partnerId: 'digitalforyouth', handedOverOn: '2026-11-21', sanitisation: sanitisation(), devices: [{ assetTag: 'DF-01' }] })).json(),
    );
    expect(batch.devices[0].state).toBe('donated');
    const list = decommissionBatchListSchema.parse((await w.ictA.request({ method: 'GET', url: batchesUrl(w.schoolA) })).json());
    expect(list.items.find((item) => item.id === batch.id)?.certified).toBe(false);
  });

  it('gives a batch handed over without a certificate one later, or one device its own; once given it stays', async () => {
    await addDevice(w.ictA, w.schoolA, { assetTag: 'LATE-01' });
    await addDevice(w.ictA, w.schoolA, { assetTag: 'LATE-02' });
    const batch = decommissionBatchSchema.parse(
      (
        await create(w.ictA, w.schoolA, {
          partnerId: 'close-the-gap',
          handedOverOn: '2026-11-21',
          sanitisation: sanitisation(),
          devices: [{ assetTag: 'LATE-01' }, { assetTag: 'LATE-02' }],
        })
      ).json(),
    );
    expect(batch).toMatchObject({ certificate: null, canManage: true });
    const attach = (client: TestClient, payload: Record<string, unknown>, batchId = batch.id) =>
      client.request({ method: 'POST', url: `/api/decommission-batches/${batchId}/certificate`, payload });
    const certified = async () =>
      decommissionBatchListSchema.parse((await w.ictA.request({ method: 'GET', url: batchesUrl(w.schoolA) })).json()).items.find((i) => i.id === batch.id)!.certified;

    const own = await uploadPdf(w.ictA, w.schoolA, 'wisrapport-LATE-02.pdf');
    const perDevice = decommissionBatchSchema.parse((await attach(w.ictA, { fileId: own, deviceId: batch.devices[1].id })).json());
    expect(perDevice.devices.map((d) => d.sanitisation.certificate?.name ?? null)).toEqual([null, 'wisrapport-LATE-02.pdf']);
    expect(await certified()).toBe(false);

    const whole = await uploadPdf(w.principalA, w.schoolA, 'certificaat-batch.pdf');
    const response = await attach(w.principalA, { fileId: whole });
    expect(response.statusCode).toBe(200);
    const after = decommissionBatchSchema.parse(response.json());
    expect(after.certificate?.name).toBe('certificaat-batch.pdf');
    expect(after.devices.map((d) => d.sanitisation.certificate?.name)).toEqual(['certificaat-batch.pdf', 'wisrapport-LATE-02.pdf']);
    expect(await certified()).toBe(true);
    const logged = await t.app.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'decommission_certificate_attached').execute();
    expect(logged).toHaveLength(2);

    // Given once, it stays; bad input names its field; only the school's managers may.
    expect(errorOf(await attach(w.ictA, { fileId: own }))).toEqual({ status: 409, id: 'conflict', field: 'body.fileId' });
    expect(errorOf(await attach(w.ictA, { fileId: whole, deviceId: batch.devices[1].id }))).toEqual({ status: 409, id: 'conflict', field: 'body.deviceId' });
    const fresh = decommissionBatchSchema.parse(
      (
        await create(w.ictA, w.schoolA, {
          partnerId: 'recupel',
          handedOverOn: '2026-11-22',
          sanitisation: sanitisation(),
          devices: [{ assetTag: (await addDevice(w.ictA, w.schoolA)).assetTag }],
        })
      ).json(),
    );
    expect(errorOf(await attach(w.ictA, { fileId: whole, deviceId: batch.devices[0].id }, fresh.id))).toEqual({ status: 400, id: 'validation_error', field: 'body.deviceId' });
    const othersFile = await uploadPdf(w.principalOther, w.other);
    expect(errorOf(await attach(w.ictA, { fileId: othersFile }, fresh.id))).toEqual({ status: 400, id: 'validation_error', field: 'body.fileId' });
    expect(errorOf(await attach(w.ictA, {}, fresh.id))).toMatchObject({ status: 400, field: 'body.fileId' });
    expect(errorOf(await attach(w.boardAdmin, { fileId: whole }, fresh.id))).toMatchObject({ status: 403 });
    expect(errorOf(await attach(w.teacherA, { fileId: whole }, fresh.id))).toMatchObject({ status: 403 });
    expect(errorOf(await attach(w.principalOther, { fileId: othersFile }, fresh.id))).toMatchObject({ status: 404, field: 'batchId' });
    expect((await t.app.inject({ method: 'POST', url: `/api/decommission-batches/${fresh.id}/certificate`, payload: { fileId: whole } })).statusCode).toBe(401);
    expect(decommissionBatchSchema.parse((await w.boardAdmin.request({ method: 'GET', url: `/api/decommission-batches/${fresh.id}` })).json())).toMatchObject({
      certificate: null,
      canManage: false,
    });
  });

  it('refuses the whole batch when one device cannot go, naming every refused device, and changes nothing', async () => {
    const ok = await addDevice(w.ictA, w.schoolA, { assetTag: 'DR-01' });
    await addDevice(w.ictA, w.schoolA, { assetTag: 'DR-02' }, 'in_use');
    await addDevice(w.ictA, w.schoolA, { assetTag: 'DR-03' });
    await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/loans`, payload: { className: '6B', loans: [{ assetTag: 'DR-03', borrower: 'L-9' }] } });
    const response = await create(w.ictA, w.schoolA, {
      partnerId: 'close-the-gap',
      handedOverOn: '2026-11-21',
      sanitisation: sanitisation(),
      devices: [{ assetTag: 'DR-01' }, { assetTag: 'DR-02' }, { assetTag: 'DR-03' }, { assetTag: 'NOPE' }],
    });
    expect(errorOf(response)).toEqual({ status: 422, id: 'decommission_rejected', field: 'body.devices.1.assetTag' });
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.devices.1.assetTag', 'body.devices.2.assetTag', 'body.devices.3.assetTag']);
    expect(response.json().error.details[0].message).toMatch(/DR-02 is in_use, which cannot move to donated/);
    expect((await stateOf(ok.id)).device.state).toBe('in_stock');
  });

  it('refuses bad input with the field at fault: partner, dates, wipe record, another school’s certificate', async () => {
    await addDevice(w.ictA, w.schoolA, { assetTag: 'DB-01' });
    const base = { partnerId: 'recupel', handedOverOn: '2026-11-21', sanitisation: sanitisation(), devices: [{ assetTag: 'DB-01' }] };
    expect(errorOf(await create(w.ictA, w.schoolA, { ...base, partnerId: 'nobody' }))).toMatchObject({ status: 400, field: 'body.partnerId' });
    expect(errorOf(await create(w.ictA, w.schoolA, { ...base, handedOverOn: '2026-02-30' }))).toMatchObject({ status: 400, field: 'body.handedOverOn' });
    expect(errorOf(await create(w.ictA, w.schoolA, { ...base, sanitisation: { ...sanitisation(), method: 'shred' } }))).toMatchObject({
      status: 400,
      field: 'body.sanitisation.method',
    });
    expect(errorOf(await create(w.ictA, w.schoolA, { ...base, sanitisation: { ...sanitisation(), verification: '' } }))).toMatchObject({
      status: 400,
      field: 'body.sanitisation.verification',
    });
    expect(errorOf(await create(w.ictA, w.schoolA, { ...base, devices: [] }))).toMatchObject({ status: 400, field: 'body.devices' });
    const foreign = await uploadPdf(w.principalOther, w.other);
    expect(errorOf(await create(w.ictA, w.schoolA, { ...base, sanitisation: sanitisation(foreign) }))).toMatchObject({ status: 400, field: 'body.sanitisation.certificateFileId' });
    expect(errorOf(await create(w.ictA, w.schoolA, { ...base, devices: [{ assetTag: 'DB-01', certificateFileId: foreign }] }))).toMatchObject({
      status: 400,
      field: 'body.devices.0.certificateFileId',
    });
  });

  it('lets only the school’s managers create; board reads, teachers and other schools get nothing', async () => {
    await addDevice(w.ictA, w.schoolA, { assetTag: 'DA-01' });
    const body = { partnerId: 'recupel', handedOverOn: '2026-11-21', sanitisation: sanitisation(), devices: [{ assetTag: 'DA-01' }] };
    expect(errorOf(await create(w.boardAdmin, w.schoolA, body))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await create(w.teacherA, w.schoolA, body))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await create(w.principalOther, w.schoolA, body)).status).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: batchesUrl(w.schoolA), payload: body })).statusCode).toBe(401);
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: batchesUrl(w.schoolA) })).status).toBe(403);
    const batch = (await create(w.ictA, w.schoolA, body)).json();
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: `/api/decommission-batches/${batch.id}` }))).toMatchObject({ status: 404, field: 'batchId' });
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: `/api/decommission-batches/${batch.id}` })).status).toBe(403);
  });

  it('forecasts replacement: past its life, or out of warranty and twice in repair; the cost at price or model average', async () => {
    const schoolId = w.schoolB;
    const principalB = await t.user('principal', { schoolId });
    await addDevice(principalB, schoolId, { assetTag: 'RF-01', purchaseDate: '2019-09-01', priceCents: 40_000, modelName: 'Oud model', expectedLifeMonths: 48 });
    const worn = await addDevice(principalB, schoolId, { assetTag: 'RF-02', purchaseDate: '2022-01-10', priceCents: 60_000, warrantyMonths: 12 });
    for (let i = 0; i < 2; i++) {
      await moveDevice(principalB, worn.id, { to: 'in_repair' });
      await moveDevice(principalB, worn.id, { to: 'in_stock' });
    }
    await addDevice(principalB, schoolId, { assetTag: 'RF-03', purchaseDate: '2026-10-01', priceCents: 50_000 });
    const gone = await addDevice(principalB, schoolId, { assetTag: 'RF-04', purchaseDate: '2015-01-01' });
    await moveDevice(principalB, gone.id, { to: 'decommissioned', sanitisation: wipe });
    const forecast = replacementForecastSchema.parse((await w.boardAdmin.request({ method: 'GET', url: `/api/schools/${schoolId}/replacement-forecast` })).json());
    expect(forecast.due.map((d) => [d.assetTag, d.reason, d.repairs])).toEqual([
      ['RF-01', 'past_life', 0],
      ['RF-02', 'repairs_out_of_warranty', 2],
    ]);
    expect(forecast.years).toHaveLength(5);
    expect(forecast.years[0]).toMatchObject({ devices: 2, costCents: 100_000 });
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/replacement-forecast` })).status).toBe(403);
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: `/api/schools/${w.schoolA}/replacement-forecast` })).status).toBe(404);
  });

  it('tells the cyber check what the park knows, through its seam: complete records and wiped devices that left', async () => {
    const schoolId = w.other;
    const client = w.principalOther;
    await addDevice(client, schoolId, { assetTag: 'CY-01' });
    await addDevice(client, schoolId, { assetTag: 'CY-02', serial: null });
    await addDevice(client, schoolId, { assetTag: 'CY-03', campus: null, room: null });
    const gone = await addDevice(client, schoolId, { assetTag: 'CY-04' });
    await moveDevice(client, gone.id, { to: 'decommissioned', sanitisation: wipe });
    const facts = (await client.request({ method: 'GET', url: `/api/schools/${schoolId}/cyber-check-park-facts` })).json();
    expect(facts).toEqual({
      inventory: { reference: 'ID.AM-01.1', devices: 3, complete: 1 },
      disposal: { reference: 'PR.DS-01.9', leftSchool: 1, sanitised: 1 },
    });
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/cyber-check-park-facts` })).status).toBe(403);
    expect(errorOf(await w.principalA.request({ method: 'GET', url: `/api/schools/${schoolId}/cyber-check-park-facts` })).status).toBe(404);
    expect((await w.boardAdmin.request({ method: 'GET', url: `/api/schools/${w.schoolA}/cyber-check-park-facts` })).statusCode).toBe(200);
  });
});
