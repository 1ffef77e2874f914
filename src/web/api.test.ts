import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogueEndpoints } from '../shared/catalogue/endpoints';
import { invitationEndpoints, schoolEndpoints } from '../shared/school/endpoints';
import { ApiError, call, endpointHref, onUnauthenticated, setCsrfToken } from './api';

function answer(status: number, body?: unknown) {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  });
  return requests;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('call', () => {
  it('fills in the path, sends JSON with the CSRF token on a change, and returns the answer', async () => {
    setCsrfToken('token-1');
    const requests = answer(200, { id: 'u1' });
    const result = await call(schoolEndpoints.setSchoolMemberRoles, { params: { schoolId: 's 1', userId: 'u1' }, body: { roles: ['teacher'] } });
    expect(result).toEqual({ id: 'u1' });
    expect(requests[0].url).toBe('/api/schools/s%201/members/u1');
    expect(requests[0].init.method).toBe('PUT');
    expect(requests[0].init.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'token-1' });
    expect(requests[0].init.body).toBe('{"roles":["teacher"]}');
  });

  it('sends a CSV upload as text/csv, with its query', async () => {
    const requests = answer(200, { imported: 0, errors: [] });
    await call(catalogueEndpoints.importTrainings, { query: { dryRun: 'true' }, body: 'titel;prijs\n' });
    expect(requests[0].url).toBe('/api/trainings/import?dryRun=true');
    expect(requests[0].init.headers).toMatchObject({ 'content-type': 'text/csv; charset=utf-8' });
    expect(requests[0].init.body).toBe('titel;prijs\n');
  });

  it('sends the bytes of an .xlsx upload as a workbook', async () => {
    const requests = answer(200, { invited: 0, alreadyMembers: [] });
    const workbook = Uint8Array.from([0x50, 0x4b, 0x03, 0x04]);
    await call(invitationEndpoints.importRoster, { params: { schoolId: 's1' }, body: workbook });
    expect(requests[0].init.headers).toMatchObject({ 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(requests[0].init.body).toBe(workbook);
  });

  it('raises the server error as an ApiError, and tells the listeners when the session is gone', async () => {
    const gone = vi.fn();
    const stop = onUnauthenticated(gone);
    answer(401, { error: { id: 'unauthenticated', message: 'Log in' } });
    await expect(call(schoolEndpoints.getSchool, { params: { schoolId: 's' } })).rejects.toMatchObject({ id: 'unauthenticated', status: 401 });
    expect(gone).toHaveBeenCalledOnce();
    stop();
  });

  it('turns an unreachable server into network_error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const failure = await call(schoolEndpoints.getSchool, { params: { schoolId: 's' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ id: 'network_error', status: 0 });
  });

  it('builds download links from the same declaration', () => {
    expect(endpointHref(catalogueEndpoints.exportTrainings)).toBe('/api/provider/trainings/export');
  });
});
