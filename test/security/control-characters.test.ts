import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerAccount, trainingInput } from '../api/catalogue-fixtures';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * Finding 8 of issue 9: on PostgreSQL a NUL in any string gave a 500. Every string a request
 * carries (path, query, JSON body, anonymous or not) that holds a C0 control character other
 * than tab, LF and CR is refused as a validation_error naming the field, on both databases.
 */

const FORBIDDEN = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).filter((c) => !'\t\n\r'.includes(c));

/** Any text holding at least one forbidden control character, anywhere. */
const withControlCharacter = fc
  .tuple(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom(...FORBIDDEN), fc.string({ unit: 'grapheme', maxLength: 12 }))
  .map(([before, control, after]) => `${before}${control}${after}`);

const segment = encodeURIComponent;

describe('control characters in requests', () => {
  let t: TestApp;
  let teacher: TestClient;
  let provider: TestClient;
  let scanId: string;
  beforeAll(async () => {
    t = await startTestApp();
    teacher = await t.user();
    provider = (await providerAccount(t)).client;
    scanId = (await teacher.request({ method: 'POST', url: '/api/scans' })).json().id;
  });
  afterAll(() => t.close());

  type Operation = { name: string; field: string; send: (text: string) => Promise<LightMyRequestResponse> };
  const operations = (): Operation[] => [
    { name: 'getTraining (anonymous, path)', field: 'params.trainingId', send: (x) => t.app.inject({ method: 'GET', url: `/api/trainings/${segment(x)}` }) },
    { name: 'getInvitation (anonymous, path)', field: 'params.token', send: (x) => t.app.inject({ method: 'GET', url: `/api/invitations/${segment(x)}` }) },
    { name: 'searchTrainings (anonymous, query)', field: 'querystring.q', send: (x) => t.app.inject({ method: 'GET', url: `/api/trainings?q=${segment(x)}` }) },
    { name: 'login (anonymous, body)', field: 'body.email', send: (x) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: x, password: 'whatever-it-is' } }) },
    { name: 'getSchool (teacher, path)', field: 'params.schoolId', send: (x) => teacher.request({ method: 'GET', url: `/api/schools/${segment(x)}` }) },
    {
      name: 'answerScanItem (teacher, path)',
      field: 'params.competence',
      send: (x) => teacher.request({ method: 'PUT', url: `/api/scans/${scanId}/answers/${segment(x)}`, payload: { option: 1 } }),
    },
    { name: 'createTraining (provider, body)', field: 'body.title', send: (x) => provider.request({ method: 'POST', url: '/api/trainings', payload: trainingInput({ title: x }) }) },
    {
      name: 'createTraining (provider, nested body)',
      field: 'body.location.city',
      send: (x) =>
        provider.request({
          method: 'POST',
          url: '/api/trainings',
          payload: trainingInput({ location: { address: 'Kerkstraat 1', postalCode: '9000', city: x, province: 'antwerpen' } }),
        }),
    },
    {
      name: 'createTraining (provider, body array)',
      field: 'body.levelSteps.0.competence',
      send: (x) => provider.request({ method: 'POST', url: '/api/trainings', payload: trainingInput({ levelSteps: [{ competence: x, from: 'A2', to: 'B1' }] }) }),
    },
  ];

  it('refuses them in path, query and body of every sampled operation as a validation_error naming the field', async () => {
    let tried = 0;
    for (const operation of operations()) {
      await fc.assert(
        fc.asyncProperty(withControlCharacter, async (text) => {
          tried += 1;
          const response = await operation.send(text);
          expect(response.statusCode, `${operation.name}: ${JSON.stringify(text)} → ${response.body}`).toBeLessThan(500);
          expect(errorOf(response), operation.name).toEqual({ status: 400, id: 'validation_error', field: operation.field });
        }),
        { numRuns: 40 },
      );
    }
    expect(tried).toBe(40 * operations().length);
  });

  it('names an object key holding one, and keeps tab, LF and CR', async () => {
    const keyed = await provider.request({ method: 'POST', url: '/api/trainings', payload: { ...trainingInput(), 'x\u0000': 1 } });
    expect(errorOf(keyed)).toEqual({ status: 400, id: 'validation_error', field: 'body.x?' });
    const kept = await provider.request({ method: 'POST', url: '/api/trainings', payload: trainingInput({ description: 'Eerste regel\r\n\tTweede regel\n' }) });
    expect(kept.statusCode).toBe(201);
    expect(kept.json().description).toBe('Eerste regel\r\n\tTweede regel');
  });

  it('checks a CSV upload per cell instead, naming its line and column', async () => {
    const header = 'titel;samenvatting;vorm;onderwijsniveaus;doelgroep;competenties;duur_uren;prijs_euro;link';
    const response = await provider.request({
      method: 'POST',
      url: '/api/trainings/import?dryRun=true',
      headers: { 'content-type': 'text/csv' },
      payload: `${header}\nDigi\u0000taal;Een samenvatting van de opleiding;klassikaal;lager;leraar;4.1 A2>B1;3;45;https://x.test\n`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ id: 'import_rejected' });
    expect(JSON.stringify(response.json())).toContain('U+0000');
  });
});
