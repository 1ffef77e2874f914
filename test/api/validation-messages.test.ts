import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingCsvColumns } from '../../src/shared/catalogue/api';
import { errorBodySchema } from '../../src/shared/errors';
import { isIssueCode } from '../../src/shared/issues';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { providerAccount } from './catalogue-fixtures';

/**
 * Issue 15 point 6: every problem in `error.details` carries a code from the closed list (and its
 * parameters), which the web app translates; the English message stays for API clients.
 */
describe('validation details carry an issue code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const logIn = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as Record<string, unknown> });

  it('a bad login body names each field with its code; the English message stays', async () => {
    const response = await logIn({ email: 'no-address', password: '' });
    expect(errorOf(response)).toMatchObject({ status: 400, id: 'validation_error', field: 'body.email' });
    const { details } = response.json().error;
    expect(details).toEqual([
      { field: 'body.email', message: 'body.email: Invalid email address', code: 'invalid_email' },
      // an empty text where one is needed is "required", not "at least 1 character"
      { field: 'body.password', message: expect.stringMatching(/^body\.password: Too small/), code: 'required' },
    ]);
    const missing = (await logIn({ email: 'an@school.test' })).json().error.details;
    expect(missing).toEqual([{ field: 'body.password', message: expect.any(String), code: 'required' }]);
  });

  it('a bad query names its code too', async () => {
    const teacher = await t.user('teacher');
    const limit = (await teacher.request({ method: 'GET', url: '/api/me/recommendations?limit=0' })).json().error.details;
    expect(limit).toEqual([{ field: 'querystring.limit', message: expect.any(String), code: 'too_small', params: { kind: 'number', minimum: 1 } }]);
  });

  it('a training file without a column and with bad cells: each problem coded, with the values it needs', async () => {
    const { client } = await providerAccount(t);
    const header = trainingCsvColumns.filter((column) => column !== 'doelgroep').join(';');
    const missing = await client.request({ method: 'POST', url: '/api/trainings/import?dryRun=true', headers: { 'content-type': 'text/csv' }, payload: `${header}\nx\n` });
    expect(errorOf(missing)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(missing.json().error.details).toEqual([
      { field: 'line 1: doelgroep', message: 'line 1: doelgroep: The column doelgroep is missing from the header', code: 'column_missing', params: { column: 'doelgroep' } },
    ]);

    const line = 'ab;Een samenvatting die lang genoeg is.;;circus;nl;lager;leraar;3.1 A2>B1;2;abc;nee;;;;;;geen-link;concept';
    const bad = await client.request({
      method: 'POST',
      url: '/api/trainings/import?dryRun=true',
      headers: { 'content-type': 'text/csv' },
      payload: `${trainingCsvColumns.join(';')}\n${line}\n`,
    });
    const coded = bad.json().error.details.map(({ field, code, params }: { field: string; code: string; params?: object }) => ({ field, code, params }));
    expect(coded).toEqual([
      { field: 'line 2: vorm', code: 'invalid_enum', params: { value: 'circus', allowed: ['klassikaal', 'live online', 'zelfstudie online', 'blended', 'bootcamp', 'leermiddel'] } },
      { field: 'line 2: prijs_euro', code: 'not_a_number', params: { value: 'abc' } },
      { field: 'line 2: titel', code: 'too_small', params: { kind: 'string', minimum: 3 } },
      { field: 'line 2: link', code: 'invalid_url', params: undefined },
    ]);
  });

  it('any bad login body: every detail has a known code, and the body keeps to the error contract', async () => {
    const junk = fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(fc.record({ email: junk, password: junk }, { requiredKeys: [] }), async (body) => {
        const response = await logIn(body);
        if (response.statusCode !== 400) return;
        const parsed = errorBodySchema.parse(response.json());
        for (const detail of parsed.error.details ?? []) {
          expect(isIssueCode(detail.code), detail.message).toBe(true);
          expect(detail.field).toMatch(/^body/);
        }
      }),
      { seed: 15, numRuns: 60 },
    );
  });
});

describe('getSession: who is logged in, never a 401', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers null without a session, or with a stale cookie, and the user with one', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null, csrfToken: null });
    const stale = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: 'ds_session=not-a-session' } });
    expect(stale.json()).toEqual({ user: null, csrfToken: null });

    const teacher = await t.user('teacher');
    const session = (await teacher.request({ method: 'GET', url: '/api/session' })).json();
    expect(session).toMatchObject({ user: { id: teacher.userId, email: teacher.email }, csrfToken: teacher.csrfToken });
  });

  it('leaves getCurrentUser as it was for API clients: 401 without a session', async () => {
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/auth/me' }))).toMatchObject({ status: 401, id: 'unauthenticated' });
  });
});
