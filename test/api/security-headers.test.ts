import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmetOptions } from '../../src/server/platform/http/security-headers';
import { startTestApp, type TestApp } from '../support/test-app';

/** A stand-in for the built web app: the server serves its index.html for every page. */
function webDirWithShell(): string {
  const dir = mkdtempSync(join(tmpdir(), 'digisprong-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nl"><head><title>Digisprong</title></head><body><div id="root"></div></body></html>');
  return dir;
}

function expectCommonHeaders(response: LightMyRequestResponse): void {
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
}

/** What @fastify/helmet itself sends, registered the usual way (per request), with the app's options. */
async function stockHelmetHeaders(secure: boolean): Promise<Record<string, unknown>> {
  const plain = Fastify({ logger: false });
  plain.get('/', async () => 'x');
  const bare = (await plain.inject({ method: 'GET', url: '/' })).headers;
  const stock = Fastify({ logger: false });
  await stock.register(helmet, helmetOptions(secure));
  stock.get('/', async () => 'x');
  const withHelmet = (await stock.inject({ method: 'GET', url: '/' })).headers;
  await Promise.all([plain.close(), stock.close()]);
  return Object.fromEntries(Object.entries(withHelmet).filter(([name]) => !(name in bare)));
}

describe('security headers', () => {
  let t: TestApp;
  let secure: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = webDirWithShell();
    t = await startTestApp({}, { webDir });
    secure = await startTestApp({}, { webDir, secureCookies: true });
  });
  afterAll(async () => {
    await t.close();
    await secure.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the strict CSP and the other headers with a page of the web app', async () => {
    for (const url of ['/', '/join/ABCD2345', '/index.html']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expectCommonHeaders(response);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends them with API answers, errors included', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expectCommonHeaders(health);
    expect(health.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@school.test', password: 'x' } });
    expect(refused.statusCode).toBe(401);
    expectCommonHeaders(refused);
    const missing = await t.app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(missing.statusCode).toBe(404);
    expectCommonHeaders(missing);
  });

  it('sends exactly the headers @fastify/helmet sends, with every answer', async () => {
    for (const [app, secureCookies] of [
      [t, false],
      [secure, true],
    ] as const) {
      const expected = await stockHelmetHeaders(secureCookies);
      expect(Object.keys(expected)).toContain('x-frame-options');
      for (const request of [
        { method: 'GET', url: '/' },
        { method: 'GET', url: '/api/health' },
        { method: 'GET', url: '/api/no-such-route' },
        { method: 'POST', url: '/api/auth/login', payload: {} },
      ] as const) {
        const response = await app.app.inject(request);
        for (const [name, value] of Object.entries(expected)) expect(response.headers[name], `${request.url} ${name}`).toBe(value);
      }
    }
  });

  it('gives the API docs page a CSP of its own, with inline styles but no inline scripts', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expectCommonHeaders(docs);
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('sends HSTS, and asks for https subresources, only behind https (SECURE_COOKIES=1)', async () => {
    for (const url of ['/', '/api/health']) {
      const response = await secure.app.inject({ method: 'GET', url });
      expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['content-security-policy'], url).toContain('upgrade-insecure-requests');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
  });
});
