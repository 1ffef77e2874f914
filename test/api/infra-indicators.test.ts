import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfraTables } from '../../src/server/infra/infra.tables';
import { ParkVersions } from '../../src/server/infra/park-versions';
import { PupilCountRepository } from '../../src/server/infra/pupil-count.repository';
import { addMonths } from '../../src/shared/infra/device-types';
import { boardInfraIndicatorsSchema, infraIndicatorsSchema } from '../../src/shared/infra/indicator-api';
import { brusselsDate } from '../../src/shared/platform/brussels-time';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { addDevice, moveDevice, wipe } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const indicatorsUrl = (schoolId: string) => `/api/schools/${schoolId}/infra/indicators`;
const boardUrl = (boardId: string) => `/api/boards/${boardId}/infra/indicators`;

describe('ICT park: indicators', () => {
  let t: TestApp;
  let w: SchoolWorld;
  const today = brusselsDate(new Date());
  const yearsAgo = (years: number) => addMonths(today, -12 * years);

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  it('answers an empty park with zeros and nulls, and asks for pupil counts', async () => {
    const response = await w.principalA.request({ method: 'GET', url: indicatorsUrl(w.schoolA) });
    expect(response.statusCode).toBe(200);
    const body = infraIndicatorsSchema.parse(response.json());
    expect(body.asOf).toBe(today);
    expect(body.indicators).toMatchObject({ devices: 0, averageAgeYears: null, pupilCountsMissing: true, youngerThanFourYears: { share: null } });
    expect(body.reference.mictivo.devicesPer100Pupils).toEqual({ primary: 54, secondary: 118 });
    expect(body.reference.co2.productionShare).toBe(0.75);
  });

  it('counts the park anew after every device write, loan and lifecycle move', async () => {
    await addDevice(w.ictA, w.schoolA, { assetTag: 'IND-1', purchaseDate: yearsAgo(1), priceCents: 40_000 });
    await addDevice(w.ictA, w.schoolA, { assetTag: 'IND-2', purchaseDate: yearsAgo(6), priceCents: 60_000 });
    await addDevice(w.ictA, w.schoolA, { assetTag: 'IND-3', purchaseDate: yearsAgo(4), type: 'printer', modelName: 'LaserJet', priceCents: null });
    const read = async () => infraIndicatorsSchema.parse((await w.ictA.request({ method: 'GET', url: indicatorsUrl(w.schoolA) })).json()).indicators;
    const first = await read();
    expect(first).toMatchObject({ devices: 3, computers: 2, youngerThanFourYears: { devices: 1, dated: 3 }, costPerPupil: { totalCents: 100_000, cents: null } });
    expect(first.averageAgeYears).toBeCloseTo(11 / 3, 1);
    // Two years past the usual four, a 300 kg laptop avoided half of its 225 kg production.
    expect(first.co2Avoided.devices).toBe(1);
    expect(Math.abs(first.co2Avoided.kg - 112.5)).toBeLessThanOrEqual(1);

    expect(
      (await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/loans`, payload: { className: '6A', loans: [{ assetTag: 'IND-1', borrower: 'L-01' }] } })).statusCode,
    ).toBe(201);
    expect((await read()).pupilsWithDevice).toEqual({ pupils: 1, eligible: 0, share: null });

    const lost = await addDevice(w.ictA, w.schoolA, { assetTag: 'IND-4', purchaseDate: yearsAgo(2) });
    expect((await read()).devices).toBe(4);
    expect((await moveDevice(w.ictA, lost.id, { to: 'lost_or_stolen' })).statusCode).toBe(200);
    expect((await read()).devices).toBe(3);
    expect(
      (await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/loans/returns`, payload: { returns: [{ assetTag: 'IND-1', condition: 'good' }] } })).statusCode,
    ).toBe(200);
    expect(await read()).toMatchObject({ devices: 3, pupilsWithDevice: { pupils: 0 } });
    // Lent again for the year: the pupil has a device once more.
    expect(
      (await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/loans`, payload: { className: '6A', loans: [{ assetTag: 'IND-1', borrower: 'L-01' }] } })).statusCode,
    ).toBe(201);
    expect((await read()).pupilsWithDevice.pupils).toBe(1);
    const gone = await addDevice(w.ictA, w.schoolA, { assetTag: 'IND-5', purchaseDate: yearsAgo(7) });
    await moveDevice(w.ictA, gone.id, { to: 'decommissioned', sanitisation: wipe });
    expect((await read()).devices).toBe(3);
  });

  it('divides by the pupil counts once the school entered them, and counts anew when they change', async () => {
    // Written as another process would: its triggers tell this server's kept versions (ParkVersions).
    const kysely = t.app.db.kysely.withTables<InfraTables>();
    const counts = new PupilCountRepository(kysely, new ParkVersions(kysely, t.app.db));
    const read = async () => infraIndicatorsSchema.parse((await w.ictA.request({ method: 'GET', url: indicatorsUrl(w.schoolA) })).json()).indicators;
    const before = await read();
    await counts.setCounts(
      w.schoolA,
      [
        { group: 'pre_primary', countingDay: '2026-02-01', pupils: 50 },
        { group: 'primary_1_4', countingDay: '2026-02-01', pupils: 10 },
        { group: 'primary_5_6', countingDay: '2026-02-01', pupils: 2 },
      ],
      null,
      new Date().toISOString(),
    );
    const after = await read();
    expect(after.pupilCountsMissing).toBe(false);
    expect(after.devicesPer100Pupils.primary).toEqual({ computers: before.computers, pupils: 12, value: (100 * before.computers) / 12 });
    expect(after.devicesPer100Pupils.secondary.value).toBeNull();
    expect(after.pupilsWithDevice).toEqual({ pupils: 1, eligible: 2, share: 0.5 });
    expect(after.costPerPupil).toEqual({ totalCents: before.costPerPupil.totalCents, pupils: 62, cents: Math.round(before.costPerPupil.totalCents / 62) });
  });

  it('gives the board its schools’ figures one by one and together, read only', async () => {
    const principalB = await t.user('principal', { schoolId: w.schoolB });
    await addDevice(principalB, w.schoolB, { assetTag: 'IND-B1', purchaseDate: yearsAgo(2) });
    await addDevice(w.principalOther, w.other, { assetTag: 'IND-X1', purchaseDate: yearsAgo(2) });
    const response = await w.boardAdmin.request({ method: 'GET', url: boardUrl(w.boardId) });
    expect(response.statusCode).toBe(200);
    const board = boardInfraIndicatorsSchema.parse(response.json());
    expect(board.schools.map((school) => school.schoolName.replace(/ \w+$/, '')).sort()).toEqual(['VBS De Linde', 'VBS Het Anker']);
    const perSchool = board.schools.reduce((sum, school) => sum + school.indicators.devices, 0);
    expect(board.indicators.devices).toBe(perSchool);
    expect(board.schools.find((school) => school.schoolId === w.schoolB)?.indicators.devices).toBe(1);
    // The board admin reads each school's own page too.
    expect((await w.boardAdmin.request({ method: 'GET', url: indicatorsUrl(w.schoolB) })).statusCode).toBe(200);
    // Another device at school B shows on the board's next answer.
    await addDevice(principalB, w.schoolB, { assetTag: 'IND-B2', purchaseDate: yearsAgo(1) });
    const again = boardInfraIndicatorsSchema.parse((await w.boardAdmin.request({ method: 'GET', url: boardUrl(w.boardId) })).json());
    expect(again.indicators.devices).toBe(board.indicators.devices + 1);
  });

  it('refuses bad input, teachers, other schools, other boards and callers without a valid session', async () => {
    expect(errorOf(await w.principalA.request({ method: 'GET', url: indicatorsUrl('x'.repeat(101)) }))).toMatchObject({ status: 400, id: 'validation_error' });
    expect(errorOf(await w.boardAdmin.request({ method: 'GET', url: boardUrl('x'.repeat(101)) }))).toMatchObject({ status: 400, id: 'validation_error' });
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: indicatorsUrl(w.schoolA) }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: indicatorsUrl(w.schoolA) }))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await w.principalA.request({ method: 'GET', url: boardUrl(w.boardId) }))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await w.boardAdmin.request({ method: 'GET', url: indicatorsUrl(w.other) }))).toMatchObject({ status: 404, id: 'not_found' });
    for (const url of [indicatorsUrl(w.schoolA), boardUrl(w.boardId)]) {
      expect(errorOf(await t.app.inject({ method: 'GET', url }))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect(errorOf(await t.app.inject({ method: 'GET', url, headers: { cookie: 'ds_session=not-a-session' } }))).toMatchObject({ status: 401 });
    }
  });
});
