import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { type SchoolWorld, schoolWorld, uniqueEmail } from './school-fixtures';

interface Received {
  from: string;
  to: string[];
  /** The message as it arrived, with quoted-printable soft breaks and escapes undone. */
  body: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtpServer(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          body: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function decodeQuotedPrintable(text: string): string {
  return Buffer.from(
    text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('mail: invitations over a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let w: SchoolWorld;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({}, { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, appUrl: 'https://digisprong.test', mailFrom: 'Digisprong <noreply@digisprong.test>' });
    w = await schoolWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails the invitation link; following it makes the account', async () => {
    const email = uniqueEmail('smtp');
    const response = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/members`, payload: { email, role: 'teacher', name: 'Sofie' } });
    expect(response.json().outcome).toBe('invited');
    await t.app.services.mail.flush();

    const mail = smtp.received.find((m) => m.to.includes(email));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('noreply@digisprong.test');
    expect(mail!.body).toMatch(/Subject: =\?UTF-8\?|Subject: Je uitnodiging/);
    expect(mail!.body).toContain('Dag Sofie,');
    const token = /https:\/\/digisprong\.test\/uitnodiging\/([\w-]+)/.exec(mail!.body)?.[1];
    expect(token).toBeDefined();

    const accepted = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { password: 'een-lang-wachtwoord' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email, displayName: 'Sofie' });

    const admin = await t.user('admin');
    const outbox = (await admin.request({ method: 'GET', url: `/api/admin/outbox?to=${encodeURIComponent(email)}` })).json().items;
    expect(outbox).toMatchObject([{ to: email, status: 'sent', error: null }]);
    expect(outbox[0].sentAt).toEqual(expect.any(String));
    expect(outbox[0].html).toContain(`href="https://digisprong.test/uitnodiging/${token}"`);
  });

  it('writes in English to a recipient who chose English', async () => {
    const email = uniqueEmail('english');
    await t.app.services.auth.createAccount({ email, password: 'een-lang-wachtwoord', role: 'teacher', locale: 'en' });
    const roster = await w.ictA.request({
      method: 'POST',
      url: `/api/schools/${w.schoolA}/roster`,
      payload: `naam;e-mail\r\nKim;${email}\r\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(roster.json().invited).toBe(1);
    await t.app.services.mail.flush();
    const mail = smtp.received.find((m) => m.to.includes(email));
    expect(mail!.body).toContain('Hello Kim,');
    expect(mail!.body).toMatch(/Subject: Join the team of VBS De Linde/);
  });

  it('sends the message of any module with MailService.send', async () => {
    const email = uniqueEmail('herinnering');
    await t.app.services.mail.send({ to: email, subject: 'Herinnering: Digisnap', text: 'Nog één week om je Digisnap in te vullen.' });
    await t.app.services.mail.flush();
    expect(smtp.received.find((m) => m.to.includes(email))?.body).toContain('Nog één week om je Digisnap in te vullen.');
  });

  it('marks a message failed, with the reason, when the SMTP server cannot be reached', async () => {
    const unreachable = await startTestApp({}, { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    try {
      await unreachable.app.services.mail.send({ to: 'iemand@school.test', subject: 'Test', text: 'Test' });
      await unreachable.app.services.mail.flush();
      const admin = await unreachable.user('admin');
      const [message] = (await admin.request({ method: 'GET', url: '/api/admin/outbox?status=failed' })).json().items;
      expect(message).toMatchObject({ to: 'iemand@school.test', status: 'failed', sentAt: null });
      expect(message.error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await unreachable.close();
    }
  });
});

describe('mail: without SMTP_URL every message stays in the outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('keeps the message queued for an admin to read', async () => {
    await t.app.services.mail.send({ to: 'wachtrij@school.test', subject: 'Onderwerp', text: 'Tekst', html: '<p>Tekst</p>' });
    await t.app.services.mail.flush();
    const admin = await t.user('admin');
    const response = await admin.request({ method: 'GET', url: '/api/admin/outbox' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toMatchObject([{ to: 'wachtrij@school.test', subject: 'Onderwerp', text: 'Tekst', html: '<p>Tekst</p>', status: 'queued', sentAt: null }]);
    expect((await admin.request({ method: 'GET', url: '/api/admin/outbox?status=sent' })).json().items).toEqual([]);
  });

  it('is for admins only, and checks its query', async () => {
    const admin = await t.user('admin');
    expect(errorOf(await admin.request({ method: 'GET', url: '/api/admin/outbox?status=lost' }))).toMatchObject({ status: 400, field: 'querystring.status' });
    expect(errorOf(await admin.request({ method: 'GET', url: '/api/admin/outbox?limit=0' }))).toMatchObject({ status: 400, field: 'querystring.limit' });
    for (const role of ['teacher', 'provider', 'centre_analyst'] as const) {
      const refused = await (await t.user(role)).request({ method: 'GET', url: '/api/admin/outbox' });
      expect(errorOf(refused)).toMatchObject({ status: 403, id: 'forbidden' });
      expect(refused.json().error.message).toBe('Only an admin may read the outbox');
    }
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/admin/outbox' }))).toMatchObject({ status: 401 });
  });
});
