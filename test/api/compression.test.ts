import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESSION_THRESHOLD } from '../../src/server/platform/http/compression';
import { webCacheControl } from '../../src/server/platform/http/web-app';
import { startTestApp, type TestApp } from '../support/test-app';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SCRIPT = `export const text = ${JSON.stringify('Digisnap '.repeat(400))};\n`;
const SHELL = `<!doctype html><html lang="nl"><head><title>Digisprong</title><script type="module" src="/assets/index-AbCd12_-.js"></script></head><body><div id="root"></div>${'<!-- filler -->'.repeat(80)}</body></html>`;

/** A stand-in for the built web app as the build leaves it: text files beside their brotli and gzip twins, but where a twin would be larger. */
function builtWebDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'digisprong-web-'));
  mkdirSync(join(dir, 'assets'));
  const files: Array<[string, string]> = [
    ['index.html', SHELL],
    ['assets/index-AbCd12_-.js', SCRIPT],
  ];
  for (const [name, content] of files) {
    writeFileSync(join(dir, name), content);
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(content));
  }
  writeFileSync(join(dir, 'assets/tiny-Zz99Yy88.css'), 'body{margin:0}');
  return dir;
}

function decoded(response: LightMyRequestResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload).toString();
  if (encoding === 'gzip') return gunzipSync(response.rawPayload).toString();
  return response.body;
}

describe('compression and caching', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = builtWebDir();
    t = await startTestApp({}, { webDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('compresses a larger API answer with brotli or gzip, as the client accepts, and not at all when it asks for neither', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/frameworks/current' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['deflate', undefined],
      ['identity', undefined],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: '/api/frameworks/current', headers: { 'accept-encoding': accept } });
      expect(response.statusCode, accept).toBe(200);
      expect(response.headers['content-encoding'], accept).toBe(encoding);
      expect(decoded(response), accept).toBe(plain.body);
      if (encoding) {
        expect(response.rawPayload.length, accept).toBeLessThan(plain.body.length / 3);
        expect(response.headers.vary, accept).toMatch(/accept-encoding/i);
      }
    }
  });

  it('sends a small answer as it is, whatever the client accepts', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(health.statusCode).toBe(200);
    expect(health.body.length).toBeLessThan(COMPRESSION_THRESHOLD);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toMatchObject({ status: 'ok' });
  });

  it('compresses the profile, which goes out as its stored JSON, to the very same bytes', async () => {
    const teacher = await t.user();
    const framework = (await t.app.inject({ method: 'GET', url: '/api/frameworks/current' })).json() as { areas: Array<{ competences: Array<{ code: string }> }> };
    const scan = (await teacher.request({ method: 'POST', url: '/api/scans' })).json();
    for (const code of framework.areas.flatMap((area) => area.competences.map((competence) => competence.code))) {
      await teacher.request({ method: 'PUT', url: `/api/scans/${scan.id}/answers/${code}`, payload: { option: 3 } });
    }
    expect((await teacher.request({ method: 'POST', url: `/api/scans/${scan.id}/submit` })).statusCode).toBe(200);
    const plain = await teacher.request({ method: 'GET', url: '/api/me/profile' });
    const compressed = await teacher.request({ method: 'GET', url: '/api/me/profile', headers: { 'accept-encoding': 'br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(decoded(compressed)).toBe(plain.body);
  });

  it('does not decompress a request body: a gzip body is refused as it arrives, not inflated', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ email: 'nobody@school.test', password: 'x' })),
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });

  it('sends a hashed asset as its stored twin, kept a year, and the same bytes without compression', async () => {
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['', undefined],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: '/assets/index-AbCd12_-.js', headers: { 'accept-encoding': accept } });
      expect(response.statusCode, accept).toBe(200);
      expect(response.headers['content-type'], accept).toMatch(/javascript/);
      expect(response.headers['content-encoding'], accept).toBe(encoding);
      expect(response.headers['cache-control'], accept).toBe(IMMUTABLE);
      expect(decoded(response), accept).toBe(SCRIPT);
    }
    const tiny = await t.app.inject({ method: 'GET', url: '/assets/tiny-Zz99Yy88.css', headers: { 'accept-encoding': 'br' } });
    expect(tiny.headers['cache-control']).toBe(IMMUTABLE);
    expect(decoded(tiny)).toBe('body{margin:0}');
  });

  it('has the browser check index.html every time, also when it answers a page address', async () => {
    for (const url of ['/', '/index.html', '/profile', '/school/s1/digisnap']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(decoded(response), url).toBe(SHELL);
    }
  });
});

describe('webCacheControl', () => {
  it('keeps only a build-hashed script or style sheet under assets/ for a year', () => {
    expect(webCacheControl('/srv/web/assets/ProfilePage-B_B6Xw94.js')).toBe(IMMUTABLE);
    expect(webCacheControl('/srv/web/assets/ProfilePage-B_B6Xw94.js.br')).toBe(IMMUTABLE);
    expect(webCacheControl('/srv/web/assets/index-7C9mFv3K.css.gz')).toBe(IMMUTABLE);
    expect(webCacheControl('/srv/web/index.html')).toBe('no-cache');
    expect(webCacheControl('/srv/web/index.html.br')).toBe('no-cache');
    expect(webCacheControl('/srv/web/assets/ProfilePage-B_B6Xw94.js.map')).toBe('public, max-age=0');
    expect(webCacheControl('/srv/web/assets/ProfilePage-B_B6Xw9.js')).toBe('public, max-age=0');
    expect(webCacheControl('/srv/web/assets/ProfilePage.js')).toBe('public, max-age=0');
    expect(webCacheControl('/srv/web/ProfilePage-B_B6Xw94.js')).toBe('public, max-age=0');
  });

  it('never keeps a file without a hash in its name for long', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z]{1,12}$/), fc.constantFrom('.js', '.css', '.html', '.json', '.svg'), (name, extension) => {
        expect(webCacheControl(`/srv/web/assets/${name}${extension}`)).not.toContain('immutable');
      }),
    );
  });
});
