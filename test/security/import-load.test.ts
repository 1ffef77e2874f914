import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingCsvColumns } from '../../src/shared/catalogue/api';
import { providerAccount } from '../api/catalogue-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const LINES = 100_000;
const badLine = 'Fout;Een samenvatting die lang genoeg is.;;circus;nl;lager;leraar;3.3 A2>B1;2;10;nee;;;;;;https://opleider.test/a;concept';

interface Answer {
  status: number;
  body: string;
  /** performance.now() when the whole answer had arrived. */
  doneAt: number;
}

/**
 * Finding 4 of issue 9 at full size: a dry run of 100,000 bad lines, over a real connection,
 * answers with the capped problem report (the first 1,000 problems and a count of the rest),
 * and the health route answers while the import is being checked: the health request is sent
 * once the upload has left the client and must be answered before the import is. Durations are
 * printed, not asserted.
 */
describe('the training import at 100,000 bad lines', { timeout: 120_000 }, () => {
  let t: TestApp;
  let provider: TestClient;
  let providerId: string;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    ({ client: provider, providerId } = await providerAccount(t));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  function send(method: string, path: string, headers: Record<string, string>, body?: string, onUploaded?: () => void): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, method, path, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), doneAt: performance.now() }));
      });
      request.on('error', reject);
      request.on('finish', () => onUploaded?.());
      request.end(body);
    });
  }

  it('answers with the first 1,000 problems and the count, and /api/health answers meanwhile', async () => {
    const csv = `${trainingCsvColumns.join(';')}\r\n${`${badLine}\r\n`.repeat(LINES)}`;
    const started = performance.now();
    let health: Promise<Answer> | null = null;
    let healthSentAt = 0;
    const importAnswer = await send(
      'POST',
      `/api/trainings/import?dryRun=true&providerId=${providerId}`,
      { 'content-type': 'text/csv', cookie: provider.cookie, 'x-csrf-token': provider.csrfToken },
      csv,
      () => {
        healthSentAt = performance.now();
        health = send('GET', '/api/health', {});
      },
    );
    expect(health).not.toBeNull();
    const healthAnswer = await (health as unknown as Promise<Answer>);
    console.log(
      `import of ${LINES} bad lines (${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB): answered in ${Math.round(importAnswer.doneAt - started)} ms; ` +
        `/api/health sent ${Math.round(healthSentAt - started)} ms in, answered after ${Math.round(healthAnswer.doneAt - healthSentAt)} ms`,
    );

    expect(importAnswer.status).toBe(422);
    const { error } = JSON.parse(importAnswer.body);
    expect(error.id).toBe('import_rejected');
    expect(error.message).toBe(`${LINES} problem(s) on ${LINES} line(s); nothing was imported`);
    expect(error.details).toHaveLength(1001);
    expect(error.details[1000].message).toBe(`bestand: ${LINES - 1000} more problem(s) not listed; fix the ones above and upload again`);
    expect(importAnswer.body.length).toBeLessThan(512 * 1024);

    expect(healthAnswer.status).toBe(200);
    expect(healthAnswer.doneAt).toBeLessThan(importAnswer.doneAt);
  });
});
