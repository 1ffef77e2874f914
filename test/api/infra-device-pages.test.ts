import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfraTables } from '../../src/server/infra/infra.tables';
import { ParkVersions } from '../../src/server/infra/park-versions';
import { deviceListSchema } from '../../src/shared/infra/api';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { addDevice, devicesUrl, moveDevice } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

/**
 * The opening page of a device list (no words or filters, by asset tag, page 1) is stored per
 * school and board with the park's version (device.service.ts): it must read as the serializer
 * would write it, for each reader's `canManage`, and show every write at the next request, made
 * here or straight in the database as another process would.
 */
describe('ICT park: the stored opening page of a device list', () => {
  let t: TestApp;
  let w: SchoolWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  const boardUrl = () => `/api/boards/${w.boardId}/devices`;

  /** The body read, after checking it holds to the contract byte for byte. */
  async function opening(client: TestClient, url: string) {
    const response = await client.request({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const list = deviceListSchema.parse(response.json());
    expect(response.body).toBe(JSON.stringify(deviceListSchema.encode(list)));
    return list;
  }

  it('sends the same page to each reader with their own canManage, as the serializer writes it', async () => {
    await addDevice(w.ictA, w.schoolA, { assetTag: 'OPEN-2' });
    await addDevice(w.ictA, w.schoolA, { assetTag: 'OPEN-1' });
    const first = await opening(w.ictA, devicesUrl(w.schoolA));
    expect(first.canManage).toBe(true);
    const again = await opening(w.ictA, devicesUrl(w.schoolA));
    expect(again).toEqual(first);
    const board = await opening(w.boardAdmin, devicesUrl(w.schoolA));
    expect(board).toEqual({ ...first, canManage: false });
    // The same query spelled out is the same page.
    expect(await opening(w.boardAdmin, devicesUrl(w.schoolA, '?sort=assetTag&order=asc&page=1&limit=50'))).toEqual(board);
    // Any other query is read anew, and agrees with it.
    const paged = await opening(w.ictA, devicesUrl(w.schoolA, '?limit=1'));
    expect(paged.items).toEqual(first.items.slice(0, 1));
    expect(paged.total).toBe(first.total);
  });

  it('shows a write through the API in the next opening of the school’s and the board’s list', async () => {
    const before = await opening(w.ictA, devicesUrl(w.schoolA));
    const beforeBoard = await opening(w.boardAdmin, boardUrl());
    const added = await addDevice(w.ictA, w.schoolA, { assetTag: 'AAA-NEW' });
    const after = await opening(w.ictA, devicesUrl(w.schoolA));
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]).toMatchObject({ id: added.id, state: 'in_stock' });
    const afterBoard = await opening(w.boardAdmin, boardUrl());
    expect(afterBoard.total).toBe(beforeBoard.total + 1);
    expect(afterBoard.items[0]).toMatchObject({ id: added.id, schoolName: expect.stringContaining('VBS De Linde') });

    expect((await moveDevice(w.ictA, added.id, { to: 'in_use' })).statusCode).toBe(200);
    expect((await opening(w.ictA, devicesUrl(w.schoolA))).items[0]).toMatchObject({ id: added.id, state: 'in_use' });
    expect((await opening(w.boardAdmin, boardUrl())).items[0]).toMatchObject({ id: added.id, state: 'in_use' });
  });

  it('shows a write made straight in the database, as by another process, in the next opening', async () => {
    // Another server's write returns once every server heard of it (ParkVersions); so does this one.
    const versions = new ParkVersions(t.app.db.kysely.withTables<InfraTables>(), t.app.db);
    const device = await addDevice(w.ictA, w.schoolA, { assetTag: 'AAA-0' });
    expect((await opening(w.ictA, devicesUrl(w.schoolA))).items[0]).toMatchObject({ id: device.id, room: 'B1.04' });
    expect((await opening(w.boardAdmin, boardUrl())).items[0]).toMatchObject({ id: device.id, room: 'B1.04' });
    await versions.afterWrite(t.app.db.kysely.updateTable('devices').set({ room: 'Turnzaal' }).where('id', '=', device.id).execute());
    expect((await opening(w.ictA, devicesUrl(w.schoolA))).items[0]).toMatchObject({ id: device.id, room: 'Turnzaal' });
    expect((await opening(w.boardAdmin, boardUrl())).items[0]).toMatchObject({ id: device.id, room: 'Turnzaal' });
    await t.app.db.kysely.deleteFrom('device_events').where('device_id', '=', device.id).execute();
    await versions.afterWrite(t.app.db.kysely.deleteFrom('devices').where('id', '=', device.id).execute());
    expect((await opening(w.ictA, devicesUrl(w.schoolA))).items.map((item) => item.id)).not.toContain(device.id);
    expect((await opening(w.boardAdmin, boardUrl())).items.map((item) => item.id)).not.toContain(device.id);
  });

  it('shows a school that joins the board in the board’s next opening, and an empty school’s list as empty', async () => {
    const before = await opening(w.boardAdmin, boardUrl());
    const joined = await t.app.services.schools.createSchool({ name: 'BS De Joining', educationLevel: 'primary', province: 'antwerpen', network: 'catholic', boardId: w.boardId });
    expect(await opening(w.boardAdmin, devicesUrl(joined))).toEqual({ items: [], total: 0, page: 1, limit: 50, canManage: false });
    const principal = await t.user('principal', { schoolId: joined });
    const device = await addDevice(principal, joined, { assetTag: '000-JOIN' });
    const after = await opening(w.boardAdmin, boardUrl());
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]).toMatchObject({ id: device.id, schoolName: 'BS De Joining' });
  });
});
