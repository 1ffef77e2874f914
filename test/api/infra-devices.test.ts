import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceDetailSchema, deviceListSchema } from '../../src/shared/infra/api';
import { allowedTransitions } from '../../src/shared/infra/lifecycle';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { addDevice, deviceInput, devicesUrl, moveDevice, wipe } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

describe('ICT park: devices and their lifecycle', () => {
  let t: TestApp;
  let w: SchoolWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  it('adds a device with its model, warranty end and end of life, and shows it in the list and on its page', async () => {
    const created = await w.ictA.request({ method: 'POST', url: devicesUrl(w.schoolA), payload: { device: deviceInput({ assetTag: 'LT-0001', warrantyMonths: 36 }) } });
    expect(created.statusCode).toBe(201);
    const detail = deviceDetailSchema.parse(created.json());
    expect(detail.device).toMatchObject({
      assetTag: 'LT-0001',
      state: 'in_stock',
      priceCents: 64_900,
      warrantyEndsOn: '2026-08-21',
      endOfLifeOn: '2028-08-21',
      model: { manufacturer: 'Lenovo', name: 'ThinkPad L13 Gen 4', type: 'laptop', expectedLifeMonths: 60 },
      nextStates: [...allowedTransitions.in_stock],
    });
    expect(detail.history).toEqual([expect.objectContaining({ from: null, to: 'in_stock' })]);
    expect(detail.canManage).toBe(true);

    const page = await w.principalA.request({ method: 'GET', url: devicesUrl(w.schoolA, '?q=lt-0001') });
    expect(page.statusCode).toBe(200);
    expect(deviceListSchema.parse(page.json()).items.map((d) => d.assetTag)).toEqual(['LT-0001']);
    const again = await w.principalA.request({ method: 'GET', url: `/api/devices/${detail.device.id}` });
    expect(again.json().device.id).toBe(detail.device.id);
  });

  it('reuses the school’s model of the same manufacturer and name', async () => {
    const a = await addDevice(w.ictA, w.schoolA, { modelName: 'Chromebook 314', manufacturer: 'Acer', type: 'chromebook' });
    const b = await addDevice(w.ictA, w.schoolA, { modelName: 'chromebook 314', manufacturer: 'ACER', type: 'chromebook' });
    const [da, db] = await Promise.all([a, b].map(async (d) => (await w.ictA.request({ method: 'GET', url: `/api/devices/${d.id}` })).json().device));
    expect(da.model.id).toBe(db.model.id);
  });

  it('refuses bad input with the field at fault, and writes nothing', async () => {
    const bad = async (device: Record<string, unknown>, field: string) => {
      const response = await w.ictA.request({ method: 'POST', url: devicesUrl(w.schoolA), payload: { device } });
      expect(errorOf(response)).toMatchObject({ status: 400, id: 'validation_error' });
      expect(response.body).toContain(field);
    };
    await bad(deviceInput({ assetTag: '' }), 'assetTag');
    await bad(deviceInput({ type: 'toaster' }), 'type');
    await bad(deviceInput({ purchaseDate: '2023-02-30' }), 'purchaseDate');
    await bad(deviceInput({ priceCents: -1 }), 'priceCents');
    await bad(deviceInput({ acquisition: 'leased' }), 'leaseEndsOn');
    await bad(deviceInput({ acquisition: 'bought', leaseEndsOn: '2027-08-31' }), 'leaseEndsOn');
    await bad(deviceInput({ purchaseDate: null, warrantyMonths: 24 }), 'purchaseDate');
    await bad(deviceInput({ fundingSource: 'lottery' }), 'fundingSource');
    const decommissioned = await w.ictA.request({ method: 'POST', url: devicesUrl(w.schoolA), payload: { device: deviceInput(), state: 'disposed' } });
    expect(errorOf(decommissioned)).toMatchObject({ status: 400, id: 'validation_error' });
    expect(decommissioned.body).toContain('state');
  });

  it('keeps asset tags unique per school, not across schools', async () => {
    await addDevice(w.ictA, w.schoolA, { assetTag: 'DUP-1' });
    const twice = await w.ictA.request({ method: 'POST', url: devicesUrl(w.schoolA), payload: { device: deviceInput({ assetTag: 'DUP-1' }) } });
    expect(errorOf(twice)).toEqual({ status: 409, id: 'conflict', field: 'body.device.assetTag' });
    const elsewhere = await w.principalOther.request({ method: 'POST', url: devicesUrl(w.other), payload: { device: deviceInput({ assetTag: 'DUP-1' }) } });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('answers requests for one new tag at once with one device and conflicts, never a server error', async () => {
    const sameTag = () => w.ictA.request({ method: 'POST', url: devicesUrl(w.schoolA), payload: { device: deviceInput({ assetTag: 'RACE-1', modelName: 'Race model' }) } });
    const answers = await Promise.all(Array.from({ length: 6 }, sameTag));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const list = deviceListSchema.parse((await w.ictA.request({ method: 'GET', url: devicesUrl(w.schoolA, '?q=race') })).json());
    expect(list.items.map((d) => d.assetTag)).toEqual(['RACE-1']);

    const [first, second] = [await addDevice(w.ictA, w.schoolA), await addDevice(w.ictA, w.schoolA)];
    const rename = (id: string) =>
      w.ictA.request({ method: 'PUT', url: `/api/devices/${id}`, payload: { device: deviceInput({ assetTag: 'RACE-2', manufacturer: 'Nieuw', modelName: 'Race model 2' }) } });
    const renamed = await Promise.all([rename(first.id), rename(second.id)]);
    expect(renamed.map((a) => a.statusCode).sort()).toEqual([200, 409]);
  });

  it('changes a device’s details and keeps its state', async () => {
    const device = await addDevice(w.ictA, w.schoolA, {}, 'in_use');
    const changed = await w.principalA.request({
      method: 'PUT',
      url: `/api/devices/${device.id}`,
      payload: { device: deviceInput({ assetTag: device.assetTag, room: 'C2.01', acquisition: 'leased', leaseEndsOn: '2027-08-31' }) },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().device).toMatchObject({ room: 'C2.01', acquisition: 'leased', leaseEndsOn: '2027-08-31', state: 'in_use' });
    const bad = await w.principalA.request({ method: 'PUT', url: `/api/devices/${device.id}`, payload: { device: deviceInput({ warrantyMonths: 999 }) } });
    expect(errorOf(bad)).toMatchObject({ status: 400, id: 'validation_error' });
    expect(bad.body).toContain('warrantyMonths');
    const taken = await w.principalA.request({ method: 'PUT', url: `/api/devices/${device.id}`, payload: { device: deviceInput({ assetTag: 'DUP-1' }) } });
    expect(errorOf(taken)).toEqual({ status: 409, id: 'conflict', field: 'body.device.assetTag' });
  });

  it('moves a device through its life, keeps every move, and disposes of it only after a recorded wipe', async () => {
    const device = await addDevice(w.ictA, w.schoolA);
    expect((await moveDevice(w.ictA, device.id, { to: 'in_use', note: 'Uitgedeeld aan 5A' })).statusCode).toBe(200);

    const early = await moveDevice(w.ictA, device.id, { to: 'disposed' });
    expect(errorOf(early)).toEqual({ status: 409, id: 'transition_not_allowed', field: 'body.to' });
    expect(early.json().error.message).toContain(allowedTransitions.in_use.join(', '));
    expect(early.json().error.details.map((d: { message: string }) => d.message)).toEqual([...allowedTransitions.in_use]);

    const unwiped = await moveDevice(w.ictA, device.id, { to: 'decommissioned' });
    expect(errorOf(unwiped)).toEqual({ status: 400, id: 'validation_error', field: 'body.sanitisation' });
    const badWipe = await moveDevice(w.ictA, device.id, { to: 'decommissioned', sanitisation: { ...wipe, method: 'shred' } });
    expect(errorOf(badWipe)).toMatchObject({ status: 400, id: 'validation_error' });

    expect((await moveDevice(w.principalA, device.id, { to: 'decommissioned', sanitisation: wipe })).statusCode).toBe(200);
    const disposed = await moveDevice(w.ictA, device.id, { to: 'disposed', note: 'Recupel' });
    expect(disposed.statusCode).toBe(200);
    const detail = deviceDetailSchema.parse(disposed.json());
    expect(detail.device).toMatchObject({ state: 'disposed', nextStates: [] });
    expect(detail.sanitisation).toMatchObject(wipe);
    expect(detail.history.map((e) => [e.from, e.to, e.note])).toEqual([
      [null, 'in_stock', null],
      ['in_stock', 'in_use', 'Uitgedeeld aan 5A'],
      ['in_use', 'decommissioned', null],
      ['decommissioned', 'disposed', 'Recupel'],
    ]);
    expect(detail.history[1].actorName).toEqual(expect.any(String));

    const final = await moveDevice(w.ictA, device.id, { to: 'in_stock' });
    expect(errorOf(final)).toMatchObject({ status: 409, id: 'transition_not_allowed' });
    expect(final.json().error.message).toContain('final');
    expect(errorOf(await moveDevice(w.ictA, device.id, { to: 'broken' }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.to' });
  });

  it('filters, sorts and pages the school’s devices', async () => {
    const s = await t.app.services.schools.createSchool({ name: 'Filterschool', educationLevel: 'secondary', province: 'limburg', network: 'go' });
    const ict = await t.user('ict_coordinator', { schoolId: s });
    await addDevice(ict, s, { assetTag: 'A-1', type: 'tablet', manufacturer: 'Apple', modelName: 'iPad 10', purchaseDate: '2021-09-01', fundingSource: 'digisprong', campus: 'Noord' });
    await addDevice(ict, s, { assetTag: 'A-2', type: 'tablet', manufacturer: 'Apple', modelName: 'iPad 10', purchaseDate: '2022-09-01', fundingSource: 'parents', campus: 'Zuid' });
    await addDevice(ict, s, { assetTag: 'B-1', purchaseDate: '2022-01-15', notes: 'Scherm_barst 100%' }, 'in_repair');
    const list = async (query: string) => deviceListSchema.parse((await ict.request({ method: 'GET', url: devicesUrl(s, query) })).json());
    expect((await list('?type=tablet')).items.map((d) => d.assetTag)).toEqual(['A-1', 'A-2']);
    expect((await list('?state=in_repair')).items.map((d) => d.assetTag)).toEqual(['B-1']);
    expect((await list('?fundingSource=parents')).items.map((d) => d.assetTag)).toEqual(['A-2']);
    expect((await list('?campus=Noord')).items.map((d) => d.assetTag)).toEqual(['A-1']);
    expect((await list('?purchaseYear=2022')).items.map((d) => d.assetTag)).toEqual(['A-2', 'B-1']);
    expect((await list('?q=ipad%20a-2')).items.map((d) => d.assetTag)).toEqual(['A-2']);
    // % and _ are letters in a search, not wildcards.
    expect((await list('?q=barst%20100%25')).items.map((d) => d.assetTag)).toEqual(['B-1']);
    expect((await list('?q=_')).items.map((d) => d.assetTag)).toEqual(['B-1']);
    expect((await list('?sort=purchaseDate&order=desc')).items.map((d) => d.assetTag)).toEqual(['A-2', 'B-1', 'A-1']);
    const first = await list('?limit=2');
    const second = await list('?limit=2&page=2');
    expect([first.total, first.items.length, second.items.map((d) => d.assetTag)]).toEqual([3, 2, ['B-1']]);
    const bad = await ict.request({ method: 'GET', url: devicesUrl(s, '?limit=500') });
    expect(errorOf(bad)).toMatchObject({ status: 400, id: 'validation_error' });
    expect(bad.body).toContain('limit');
    expect(errorOf(await ict.request({ method: 'GET', url: devicesUrl(s, '?sort=price') }))).toMatchObject({ status: 400, id: 'validation_error' });
  });

  it('lets the board read every school’s devices, and change none', async () => {
    const inA = await addDevice(w.ictA, w.schoolA, { assetTag: 'BOARD-A' });
    const principalB = await t.user('principal', { schoolId: w.schoolB });
    await addDevice(principalB, w.schoolB, { assetTag: 'BOARD-B' });
    await addDevice(w.principalOther, w.other, { assetTag: 'BOARD-X' });

    const board = await w.boardAdmin.request({ method: 'GET', url: `/api/boards/${w.boardId}/devices?q=board-&limit=200` });
    expect(board.statusCode).toBe(200);
    const boardList = deviceListSchema.parse(board.json());
    expect(boardList.items.map((d) => [d.assetTag, d.schoolName?.startsWith('VBS')])).toEqual([
      ['BOARD-A', true],
      ['BOARD-B', true],
    ]);
    expect(boardList.canManage).toBe(false);
    const inB = await w.boardAdmin.request({ method: 'GET', url: devicesUrl(w.schoolB) });
    expect(inB.statusCode).toBe(200);
    expect(inB.json().canManage).toBe(false);
    expect((await w.boardAdmin.request({ method: 'GET', url: `/api/devices/${inA.id}` })).json().canManage).toBe(false);

    expect(errorOf(await w.boardAdmin.request({ method: 'POST', url: devicesUrl(w.schoolB), payload: { device: deviceInput() } }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await moveDevice(w.boardAdmin, inA.id, { to: 'in_use' }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await w.boardAdmin.request({ method: 'PUT', url: `/api/devices/${inA.id}`, payload: { device: deviceInput() } }))).toMatchObject({ status: 403 });
    // Not a board admin of this board: no board.
    expect(errorOf(await w.principalA.request({ method: 'GET', url: `/api/boards/${w.boardId}/devices` }))).toMatchObject({ status: 404, id: 'not_found' });
  });

  it('hides the park from teachers, from other schools and from callers without a session', async () => {
    const device = await addDevice(w.ictA, w.schoolA);
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: devicesUrl(w.schoolA) }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: `/api/devices/${device.id}` }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await w.teacherA.request({ method: 'POST', url: devicesUrl(w.schoolA), payload: { device: deviceInput() } }))).toMatchObject({ status: 403 });

    const otherIct = await t.user('ict_coordinator', { schoolId: w.other });
    expect(errorOf(await otherIct.request({ method: 'GET', url: devicesUrl(w.schoolA) }))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await otherIct.request({ method: 'GET', url: `/api/devices/${device.id}` }))).toEqual({ status: 404, id: 'not_found', field: 'deviceId' });
    expect(errorOf(await moveDevice(otherIct, device.id, { to: 'in_use' }))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await otherIct.request({ method: 'PUT', url: `/api/devices/${device.id}`, payload: { device: deviceInput() } }))).toMatchObject({ status: 404 });
    expect(errorOf(await otherIct.request({ method: 'POST', url: devicesUrl(w.schoolA), payload: { device: deviceInput() } }))).toMatchObject({ status: 404 });

    for (const [method, url] of [
      ['GET', devicesUrl(w.schoolA)],
      ['GET', `/api/devices/${device.id}`],
      ['GET', `/api/boards/${w.boardId}/devices`],
      ['GET', `${devicesUrl(w.schoolA)}/export`],
    ] as const) {
      expect(errorOf(await t.app.inject({ method, url }))).toMatchObject({ status: 401, id: 'unauthenticated' });
    }
    expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/devices/${device.id}/state`, payload: { to: 'in_use' } }))).toMatchObject({ status: 401 });
    expect(errorOf(await t.app.inject({ method: 'POST', url: devicesUrl(w.schoolA), payload: { device: deviceInput() } }))).toMatchObject({ status: 401 });
    expect(errorOf(await t.app.inject({ method: 'PUT', url: `/api/devices/${device.id}`, payload: { device: deviceInput() } }))).toMatchObject({ status: 401 });
    // A session without its CSRF token changes nothing.
    expect(errorOf(await w.ictA.request({ method: 'POST', url: `/api/devices/${device.id}/state`, payload: { to: 'in_use' }, csrf: false }))).toMatchObject({
      status: 403,
      id: 'csrf_failed',
    });
    expect(errorOf(await w.ictA.request({ method: 'GET', url: '/api/devices/nonexistent' }))).toMatchObject({ status: 404, id: 'not_found' });
  });
});
