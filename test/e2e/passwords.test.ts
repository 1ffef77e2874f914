import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';

const NEW_PASSWORD = 'Vuurtoren-pannenkoek-trompet';

describe('passwords in the browser', () => {
  let world: BrowserWorld;
  let adminCookie: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    await world.app.services.auth.createAccount({ email: 'beheer@platform.test', password: PASSWORD, role: 'admin', displayName: 'Beheer' });
    const login = await world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'beheer@platform.test', password: PASSWORD } });
    adminCookie = `ds_session=${login.cookies.find((c) => c.name === 'ds_session')?.value}`;
  });
  afterAll(() => world?.close());

  /** The path of the newest reset link mailed to the address, as an admin reads it in the outbox. */
  async function resetPathFor(email: string): Promise<string> {
    const outbox = await world.app.inject({ method: 'GET', url: `/api/admin/outbox?to=${encodeURIComponent(email)}`, headers: { cookie: adminCookie } });
    const newest = outbox.json().items.find((m: { subject: string }) => m.subject === 'Kies een nieuw wachtwoord voor Digisprong');
    const link = /http:\/\/\S+\/wachtwoord-herstellen\/[\w-]+/.exec(newest?.text ?? '')?.[0];
    if (!link) throw new Error(`no reset mail to ${email}`);
    return new URL(link).pathname;
  }

  it('a teacher changes the password: a weak one is explained, the other device is logged out, this one stays', async () => {
    await world.app.services.auth.createAccount({ email: 'an.peeters@linde.test', password: PASSWORD, role: 'teacher', displayName: 'An Peeters' });
    const other = await logIn(world, 'an.peeters@linde.test');
    const page = await logIn(world, 'an.peeters@linde.test');
    await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByRole('heading', { name: 'Wachtwoord wijzigen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Huidig wachtwoord').fill(PASSWORD);
    await page.getByLabel('Nieuw wachtwoord').fill('an.peeters@linde.test');
    await page.getByLabel('Herhaal je nieuwe wachtwoord').fill('an.peeters@linde.test');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => page.locator('#change-password-new-problem').textContent()).toMatch(/te makkelijk te raden.*Vermijd je naam, je e-mailadres/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
    await page.getByLabel('Herhaal je nieuwe wachtwoord').fill(NEW_PASSWORD);
    await page.getByLabel('Huidig wachtwoord').fill('niet-mijn-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => page.locator('#change-password-current-problem').textContent()).toMatch(/horen niet bij elkaar/);

    await page.getByLabel('Huidig wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByRole('status').filter({ hasText: 'Je wachtwoord is gewijzigd' }).waitFor();

    await page.goto(`${world.baseUrl}/`);
    await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).waitFor();
    await other.goto(`${world.baseUrl}/`);
    await other.waitForURL(/\/login/);
    await logIn(world, 'an.peeters@linde.test', NEW_PASSWORD);
  });

  it('someone who forgot the password asks for a link, follows it from the mail and logs in with the new one', async () => {
    await world.app.services.auth.createAccount({ email: 'jonas@linde.test', password: PASSWORD, role: 'teacher', displayName: 'Jonas' });
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { name: 'Wachtwoord vergeten' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('E-mailadres').fill('jonas@linde.test');
    await page.getByRole('button', { name: 'Stuur me een link' }).click();
    await page.getByRole('status').filter({ hasText: 'Als er een account met dit adres bestaat' }).waitFor();

    const path = await resetPathFor('jonas@linde.test');
    await page.goto(`${world.baseUrl}${path}`);
    await page.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Nieuw wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect.poll(() => page.locator('#reset-password-new-problem').textContent()).toMatch(/minstens 12 tekens/);
    await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
    await page.getByLabel('Herhaal je nieuwe wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByRole('status').filter({ hasText: 'Je nieuwe wachtwoord is ingesteld' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Naar aanmelden' }).click();
    await page.getByLabel('E-mailadres').fill('jonas@linde.test');
    await page.getByLabel('Wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${world.baseUrl}/`);

    // The link works once.
    const again = await world.newPage();
    await again.goto(`${world.baseUrl}${path}`);
    await again.getByLabel('Nieuw wachtwoord').fill('Nog-een-ander-wachtwoord-58');
    await again.getByLabel('Herhaal je nieuwe wachtwoord').fill('Nog-een-ander-wachtwoord-58');
    await again.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await again.getByRole('alert').filter({ hasText: 'verlopen of al gebruikt' }).waitFor();
    await again.getByRole('link', { name: 'Vraag een nieuwe link aan' }).waitFor();
  });
});
