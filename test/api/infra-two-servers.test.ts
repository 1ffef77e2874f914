import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceListSchema } from '../../src/shared/infra/api';
import { infraIndicatorsSchema } from '../../src/shared/infra/indicator-api';
import { createTestDatabase } from '../support/dialects';
import { login, startTestAppOn, type TestApp, type TestClient } from '../support/test-app';
import { addDevice, devicesUrl, moveDevice } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

/**
 * Two servers on one database (a file on SQLite, one database on PostgreSQL), as in production
 * behind a load balancer. Each keeps roles, park versions and opening pages in memory (on
 * PostgreSQL until a change is announced, see NotifiedCache): a write through one server must
 * show in the other's next answer, a revoked role must be refused there at once, and no school's
 * kept answer may reach another school's caller.
 */
describe('ICT park: two servers on one database', () => {
  let first: TestApp;
  let second: TestApp;
  let w: SchoolWorld;
  /** The same account, logged in on the second server. */
  const there = (client: TestClient) => login(second.app, client.email, client.password, client.userId);

  beforeAll(async () => {
    const database = await createTestDatabase({ file: true });
    first = await startTestAppOn(database);
    second = await startTestAppOn(database);
    w = await schoolWorld(first);
  });
  afterAll(async () => {
    await second.app.close();
    await first.close();
  });

  const list = async (client: TestClient, url: string) => {
    const response = await client.request({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    return deviceListSchema.parse(response.json());
  };
  const devicesOf = async (client: TestClient, schoolId: string) => (await list(client, devicesUrl(schoolId))).items.map((item) => [item.assetTag, item.state]);
  const indicators = async (client: TestClient, schoolId: string) => {
    const response = await client.request({ method: 'GET', url: `/api/schools/${schoolId}/infra/indicators` });
    expect(response.statusCode).toBe(200);
    return infraIndicatorsSchema.parse(response.json()).indicators;
  };

  it('shows a device written through one server in the other’s next list, board list and indicators', async () => {
    const ict = await there(w.ictA);
    const board = await there(w.boardAdmin);
    expect(await devicesOf(ict, w.schoolA)).toEqual([]);
    expect((await list(board, `/api/boards/${w.boardId}/devices`)).total).toBe(0);
    expect((await indicators(ict, w.schoolA)).devices).toBe(0);

    const device = await addDevice(w.ictA, w.schoolA, { assetTag: 'TWO-1' });
    expect(await devicesOf(ict, w.schoolA)).toEqual([['TWO-1', 'in_stock']]);
    expect((await list(board, `/api/boards/${w.boardId}/devices`)).items.map((item) => item.assetTag)).toEqual(['TWO-1']);
    expect((await indicators(ict, w.schoolA)).devices).toBe(1);

    expect((await moveDevice(w.ictA, device.id, { to: 'in_use' })).statusCode).toBe(200);
    expect(await devicesOf(ict, w.schoolA)).toEqual([['TWO-1', 'in_use']]);
    // And back the other way: the second server writes, the first reads.
    expect((await moveDevice(ict, device.id, { to: 'in_repair' })).statusCode).toBe(200);
    expect(await devicesOf(w.ictA, w.schoolA)).toEqual([['TWO-1', 'in_repair']]);
  });

  it('refuses a role revoked through one server on the other at once, and lets a new one in', async () => {
    const ict = await there(w.ictA);
    expect(await devicesOf(ict, w.schoolA)).toHaveLength(1);
    const removed = await w.principalA.request({ method: 'DELETE', url: `/api/schools/${w.schoolA}/members/${w.ictA.userId}` });
    expect(removed.statusCode).toBe(204);
    expect((await ict.request({ method: 'GET', url: devicesUrl(w.schoolA) })).statusCode).toBe(404);
    expect((await ict.request({ method: 'GET', url: `/api/schools/${w.schoolA}/infra/indicators` })).statusCode).toBe(404);

    const teacher = await there(w.teacherA);
    expect((await teacher.request({ method: 'GET', url: devicesUrl(w.schoolA) })).statusCode).toBe(403);
    const promoted = await w.principalA.request({ method: 'PUT', url: `/api/schools/${w.schoolA}/members/${w.teacherA.userId}`, payload: { roles: ['teacher', 'ict_coordinator'] } });
    expect(promoted.statusCode).toBe(200);
    expect(await devicesOf(teacher, w.schoolA)).toHaveLength(1);
  });

  it('never sends one school’s kept answer to another school’s caller', async () => {
    const other = await there(w.principalOther);
    await addDevice(w.principalOther, w.other, { assetTag: 'OTHER-1' });
    expect(await devicesOf(other, w.other)).toEqual([['OTHER-1', 'in_stock']]);
    expect((await other.request({ method: 'GET', url: devicesUrl(w.schoolA) })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/schools/${w.schoolA}/infra/indicators` })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/boards/${w.boardId}/devices` })).statusCode).toBe(404);
    const board = await there(w.boardAdmin);
    expect((await board.request({ method: 'GET', url: devicesUrl(w.other) })).statusCode).toBe(404);
    expect((await list(board, `/api/boards/${w.boardId}/devices`)).items.map((item) => item.assetTag)).not.toContain('OTHER-1');
  });
});
