import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JsonSchema, type Operation, operationsOf, sampleOf } from '../support/openapi-operations';
import { login, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { type AccountRole, type SecurityWorld, securityWorld } from './security-world';

/** Runs per operation, and the seed: the same requests on every run, so a failure in CI replays. */
const RUNS_PER_OPERATION = 40;
const SEED = 20261220;

/** Text that has broken servers: control characters, lone surrogates, escapes, huge and odd numbers, long runs. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u2028', '\ufeff', '\ud800', '%', '\\', '"', "'", ';', '\n', 'é', '🙂', 'a'), maxLength: 20 }),
  fc.constantFrom('', ' ', '%ZZ', '%00', '../../etc/passwd', '1e309', '-0', 'NaN', '9007199254740993', '0x10', 'null', 'true', '[]', '{}', '<script>', "' OR 1=1 --", '\u0000'),
  fc.constant('x'.repeat(5000)),
);

/** Any JSON value with a bias to the shapes that trip validators. */
const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyText,
    fc.integer(),
    fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2, -1, 0, 5e-324),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A valid sample with some of its properties (at any depth) replaced, so the rest still passes and the server reads deeper. */
function mutatedSample(schema: JsonSchema): fc.Arbitrary<unknown> {
  const sample = sampleOf(schema);
  return fc.tuple(fc.array(fc.tuple(fc.nat(), nastyValue), { minLength: 1, maxLength: 3 }), fc.option(fc.tuple(nastyText, nastyValue))).map(([replacements, extra]) => {
    const copy = structuredClone(sample) as unknown;
    if (copy === null || typeof copy !== 'object' || Array.isArray(copy)) return replacements[0][1];
    const record = copy as Record<string, unknown>;
    const keys = Object.keys({ ...(schema.properties ?? {}), ...record });
    for (const [index, value] of replacements) if (keys.length > 0) record[keys[index % keys.length]] = value;
    if (extra) record[extra[0]] = extra[1];
    return record;
  });
}

interface FuzzRequest {
  caller: AccountRole | 'anonymous';
  params: Record<string, string>;
  query: Partial<Record<string, string>>;
  body: { payload: string; contentType: string } | null;
}

/** Escapes what `encodeURIComponent` refuses (a lone surrogate) instead of throwing: the server must cope with the bytes. */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((char) => (char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(char))).join('');
  }
}

/**
 * Fuzzing of every operation of the OpenAPI document with fast-check: path parameters, query and
 * body generated as nasty text and values, or as a valid sample with parts replaced, sent by a
 * logged-in party (with the CSRF token) or anonymously. No answer may be a 5xx.
 */
describe('fuzzing every operation: no answer ≥ 500', () => {
  let t: TestApp;
  let world: SecurityWorld;
  let operations: Operation[];
  beforeAll(async () => {
    t = await startTestApp();
    world = await securityWorld(t);
    operations = await operationsOf(t.app);
  });
  afterAll(() => t.close());

  function requestsFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const param = (name: string) => fc.oneof({ weight: 2, arbitrary: fc.constant(world.ids[name] ?? 'x') }, { weight: 3, arbitrary: nastyText });
    const params = fc.record(Object.fromEntries(operation.params.map((p) => [p.name, param(p.name)])) as Record<string, fc.Arbitrary<string>>);
    const query = fc.record(
      Object.fromEntries(operation.query.map((p) => [p.name, fc.oneof(fc.constant(world.query[p.name] ?? String(sampleOf(p.schema) ?? '')), nastyText)])) as Record<
        string,
        fc.Arbitrary<string>
      >,
      { requiredKeys: [] },
    );
    const json = operation.body.find((body) => body.mediaType === 'application/json');
    const table = operation.body.find((body) => body.mediaType === 'text/csv');
    const bodies: Array<fc.Arbitrary<FuzzRequest['body']>> = [fc.constant(null)];
    if (json) {
      bodies.push(mutatedSample(json.schema).map((value) => ({ payload: JSON.stringify(value) ?? 'null', contentType: 'application/json' })));
      bodies.push(nastyValue.map((value) => ({ payload: JSON.stringify(value) ?? 'null', contentType: 'application/json' })));
      bodies.push(nastyText.map((text) => ({ payload: text, contentType: 'application/json' })));
    }
    if (table) {
      const cell = nastyText.map((text) => text.replaceAll('\n', ' '));
      const csv = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }).map((rows) => rows.map((row) => row.join(';')).join('\n'));
      bodies.push(csv.map((text) => ({ payload: text, contentType: 'text/csv' })));
      bodies.push(
        fc
          .uint8Array({ maxLength: 200 })
          .map((bytes) => ({ payload: Buffer.from(bytes).toString('latin1'), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })),
      );
    }
    const callers = fc.constantFrom<FuzzRequest['caller']>('principalA', 'principalA', 'teacherA', 'providerP1', 'admin', 'anonymous');
    return fc.record({ caller: callers, params, query, body: fc.oneof(...bodies) });
  }

  async function send(operation: Operation, request: FuzzRequest): Promise<LightMyRequestResponse> {
    const path = operation.path.replace(/:(\w+)/g, (_, name: string) => encodeLoosely(request.params[name] ?? ''));
    const pairs = Object.entries(request.query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeLoosely(value ?? '')}`);
    const url = `${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
    const options = {
      method: operation.method,
      url,
      ...(request.body ? { payload: request.body.payload, headers: { 'content-type': request.body.contentType } } : {}),
    };
    const client: TestClient | null = request.caller === 'anonymous' ? null : world.clients[request.caller];
    return client ? client.request(options) : t.app.inject(options);
  }

  it(`sends ${RUNS_PER_OPERATION} generated requests to every operation (seed ${SEED})`, async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (const operation of operations) {
      try {
        await fc.assert(
          fc.asyncProperty(requestsFor(operation), async (request) => {
            const response = await send(operation, request);
            sent += 1;
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            if (response.statusCode >= 500) throw new Error(`${operation.operationId}: ${response.statusCode} ${response.body.slice(0, 300)}`);
          }),
          { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
        );
      } catch (error) {
        failures.push((error as Error).message.split('\n').slice(0, 6).join('\n'));
      }
      // A fuzzed logout (or password change) may end a session: log the callers in again.
      for (const [role, client] of Object.entries(world.clients) as Array<[AccountRole, TestClient]>) {
        if ((await client.request({ method: 'GET', url: '/api/auth/me' })).statusCode === 401) world.clients[role] = await login(t.app, client.email, client.password, client.userId);
      }
    }
    const tally = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    console.log(`fuzzing: ${operations.length} operations, ${sent} requests (seed ${SEED}), answers ${tally}, ${failures.length} operations with a 5xx`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(operations.length * RUNS_PER_OPERATION);
  });
});
