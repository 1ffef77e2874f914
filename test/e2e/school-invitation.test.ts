import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, PASSWORD, startBrowserWorld } from './browser';
import { addMember } from './school-steps';

describe('joining a school team in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  let coordinatorId: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    schoolId = await world.app.services.schools.createSchool({ name: 'VBS De Linde', educationLevel: 'primary', province: 'antwerpen' });
    ({ userId: coordinatorId } = await addMember(world, schoolId, 'ict_coordinator', 'ict@linde.test', 'Ilse'));
  });
  afterAll(() => world?.close());

  it('a teacher follows the invitation link, chooses a password and lands in the scan, well within a minute', async () => {
    await world.app.services.invitations.addMember(coordinatorId, schoolId, { email: 'lotte@linde.test', role: 'teacher', name: 'Lotte' });
    const mail = await world.app.db.kysely.selectFrom('outbox').select('text_body').where('to_address', '=', 'lotte@linde.test').executeTakeFirstOrThrow();
    const link = /http:\/\/\S+\/uitnodiging\/[\w-]+/.exec(mail.text_body)![0];
    const path = new URL(link).pathname;

    const started = Date.now();
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}${path}`);
    await page.getByRole('heading', { name: 'Welkom in het team van VBS De Linde' }).waitFor();
    expect(await page.getByLabel('Je naam').inputValue()).toBe('Lotte');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Aanvaarden en beginnen' }).click();
    await expect.poll(() => page.locator('#invitation-password-problem').textContent()).toMatch(/wachtwoord/);
    await page.getByLabel('Kies een wachtwoord').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${world.baseUrl}/scan`);
    await page.getByTestId('scan-intro').waitFor();
    expect(Date.now() - started).toBeLessThan(60_000);
    const lotte = await world.app.services.auth.accountByEmail('lotte@linde.test');
    expect(await world.app.services.schools.teacherIdsOf(schoolId)).toContain(lotte!.id);

    await page.goto(`${world.baseUrl}${path}`);
    await page.getByRole('alert').filter({ hasText: 'verlopen of al gebruikt' }).waitFor();
  });

  it('a logged-out teacher opens the join link, logs in and joins with one click', async () => {
    const { code } = await world.app.services.schools.joinCode(coordinatorId, schoolId);
    await world.app.services.auth.createAccount({ email: 'jonas@linde.test', password: PASSWORD, role: 'teacher' });
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/aansluiten/${code.replace('-', '')}`);
    await page.getByRole('link', { name: 'Aanmelden' }).click();
    await page.getByLabel('E-mailadres').fill('jonas@linde.test');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${world.baseUrl}/aansluiten/${code.replace('-', '')}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Aansluiten' }).click();
    await page.getByRole('status').filter({ hasText: 'Je bent nu lid van het team van VBS De Linde' }).waitFor();
    await page.getByRole('link', { name: 'Start Digisnap' }).click();
    await page.getByTestId('scan-intro').waitFor();
  });
});
