import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';

describe("the administrator's pages in the browser", () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
    const { services } = world.app;
    await services.auth.createAccount({ email: 'beheer@platform.test', password: PASSWORD, role: 'admin', displayName: 'Bea Beheer' });
    const schoolId = await services.schools.createSchool({ name: 'VBS De Linde', educationLevel: 'primary', province: 'antwerpen' });
    await services.auth.createAccount({ email: 'lotte@linde.test', password: PASSWORD, role: 'teacher', displayName: 'Lotte', schoolId });
    await services.catalogue.createProvider((await services.auth.accountByEmail('beheer@platform.test'))!.id, { name: 'CVO De Brug', contactEmail: 'info@brug.test', website: null });
  });
  afterAll(() => world?.close());

  it('an administrator lands on the accounts, blocks and unblocks one, mails a reset link, and reads schools, providers, mails and the audit log', async () => {
    // Logged in, an administrator's start page is the accounts page.
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill('beheer@platform.test');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${world.baseUrl}/beheer`);
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page.getByLabel('Zoek op adres of naam').fill('lotte');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '1 account' }).waitFor();
    await page.getByRole('cell', { name: 'leraar in VBS De Linde' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'lotte@linde.test blokkeren' }).click();
    await page.getByText('lotte@linde.test is geblokkeerd').waitFor();
    const lotte = await world.app.services.auth.accountByEmail('lotte@linde.test');
    await expect(world.app.services.auth.login('lotte@linde.test', PASSWORD)).rejects.toMatchObject({ id: 'forbidden' });
    await page.getByRole('button', { name: 'lotte@linde.test deblokkeren' }).click();
    await page.getByText('lotte@linde.test kan weer aanmelden.').waitFor();
    await page.getByRole('button', { name: 'Herstellink mailen naar lotte@linde.test' }).click();
    await page.getByText('Er is een link om een nieuw wachtwoord te kiezen gemaild naar lotte@linde.test.').waitFor();
    expect((await world.app.services.auth.login('lotte@linde.test', PASSWORD)).user.id).toBe(lotte!.id);

    await page.getByRole('link', { name: 'Scholen en besturen' }).click();
    await page.getByRole('rowheader', { name: 'VBS De Linde' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Aanbieders' }).click();
    await page.getByRole('button', { name: 'CVO De Brug verifiëren' }).click();
    await page.getByRole('cell', { name: 'Geverifieerd' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mails' }).click();
    await page
      .getByRole('rowheader', { name: /wachtwoord/i })
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Auditlog' }).click();
    await page.getByLabel('Actie').fill('account_blocked');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('rowheader', { name: 'account_blocked' }).waitFor();
    expect(await page.getByRole('rowheader', { name: 'account_unblocked' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('an administrator follows a board from the list of schools to its overview, for support', async () => {
    const { services } = world.app;
    const boardId = await services.boards.createBoard({ name: 'Scholengroep Kempen', number: '9001' });
    await services.schools.createSchool({ name: 'GO! Basisschool Kempen', educationLevel: 'primary', province: 'antwerpen', boardId });
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill('beheer@platform.test');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${world.baseUrl}/beheer`);
    await page.goto(`${world.baseUrl}/beheer/scholen`);
    await page.getByRole('link', { name: 'Scholengroep Kempen (9001)' }).click();
    await page.waitForURL(`${world.baseUrl}/bestuur/${boardId}/overzicht`);
    await page.getByTestId('board-overview-row').filter({ hasText: 'GO! Basisschool Kempen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a teacher who opens an administrator page is told it is not for them', async () => {
    const page = await logIn(world, 'lotte@linde.test');
    await page.goto(`${world.baseUrl}/beheer/audit`);
    await page.getByRole('heading', { name: 'Alleen voor beheerders' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
