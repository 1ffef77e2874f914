import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * Finding 11 of issue 9: what Fastify or Node answer themselves (a malformed address, a body of
 * the wrong media type, too large or not JSON, a request that is not HTTP) answers in our
 * `{ error: { id, message, field } }` format with a stable id, never a 500.
 */
describe('errors before a route runs', () => {
  let t: TestApp;
  let teacher: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    teacher = await t.user();
  });
  afterAll(() => t.close());

  it('a malformed percent-encoding in the address, on a route and off any route', async () => {
    for (const url of ['/api/schools/%ZZ', '/api/schools/%C3%28', '/api/nothing/%', '/api/trainings/%E0%A4%A']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(errorOf(response), url).toEqual({ status: 400, id: 'validation_error', field: 'url' });
      expect(response.json().error.message).toMatch(/^The address is not valid/);
    }
  });

  it('a path parameter over the length limit', async () => {
    expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/schools/${'a'.repeat(500)}` }))).toEqual({ status: 400, id: 'validation_error', field: 'url' });
  });

  it('an unsupported media type', async () => {
    for (const contentType of ['application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const response = await teacher.request({ method: 'POST', url: '/api/scans', headers: { 'content-type': contentType }, payload: '<a/>' });
      expect(errorOf(response), contentType).toEqual({ status: 400, id: 'validation_error', field: 'body' });
    }
  });

  it('a body over the limit', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a'.repeat(2 * 1024 * 1024), password: 'x' } });
    expect(errorOf(response)).toEqual({ status: 413, id: 'payload_too_large', field: 'body' });
    expect(response.json().error.message).toBe('The request body is too large');
  });

  it('a body that is not JSON, is empty, or smuggles a prototype', async () => {
    for (const payload of ['{bad', '', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '[1,']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
      expect(errorOf(response), payload).toEqual({ status: 400, id: 'validation_error', field: 'body' });
    }
  });

  it('a request that is not HTTP, or whose headers are too large, over a real connection', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(request));
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk.toString();
        });
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

    const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(garbage)).toEqual({ error: { id: 'validation_error', message: 'The request is not valid HTTP', field: 'request' } });

    const badHeader = await raw('GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n');
    expect(bodyOf(badHeader).error).toMatchObject({ id: 'validation_error', field: 'request' });

    const overflow = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
    expect(overflow).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(overflow).error).toMatchObject({ id: 'validation_error', field: 'request' });
  });
});
