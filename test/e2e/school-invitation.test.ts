import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld, VIEWPORT_NAMES } from './browser';
import { addMember } from './school-steps';

describe.each(VIEWPORT_NAMES)('joining a school team in the browser (%s)', (viewport) => {
  let world: BrowserWorld;
  let schoolId: string;
  let coordinatorId: string;

  beforeAll(async () => {
    world = await startBrowserWorld({}, viewport);
    schoolId = await world.app.services.schools.createSchool({ name: 'VBS De Linde', educationLevel: 'primary', province: 'antwerpen' });
    ({ userId: coordinatorId } = await addMember(world, schoolId, 'ict_coordinator', 'ict@linde.test', 'Ilse'));
  });
  afterAll(() => world?.close());

  it('a teacher follows the invitation link, chooses a password and lands in the scan', async () => {
    await world.app.services.invitations.addMember(coordinatorId, schoolId, { email: 'lotte@linde.test', role: 'teacher', name: 'Lotte' });
    const mail = await world.app.db.kysely.selectFrom('outbox').select('text_body').where('to_address', '=', 'lotte@linde.test').executeTakeFirstOrThrow();
    const link = /http:\/\/\S+\/uitnodiging\/[\w-]+/.exec(mail.text_body)![0];
    const path = new URL(link).pathname;

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
    const lotte = await world.app.services.auth.accountByEmail('lotte@linde.test');
    expect(await world.app.services.schools.teacherIdsOf(schoolId)).toContain(lotte!.id);

    await page.goto(`${world.baseUrl}${path}`);
    await page.getByRole('alert').filter({ hasText: 'verlopen of al gebruikt' }).waitFor();
  });

  /** The path of the newest invitation link mailed to an address. */
  const invitationPath = async (email: string) => {
    const mail = await world.app.db.kysely.selectFrom('outbox').select('text_body').where('to_address', '=', email).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    return new URL(/http:\/\/\S+\/uitnodiging\/[\w-]+/.exec(mail.text_body)![0]).pathname;
  };

  it('a teacher with an account says so on the invitation page, gives their password and joins; the page never said whether the account existed', async () => {
    await world.app.services.auth.createAccount({ email: 'bestaand@linde.test', password: PASSWORD, role: 'teacher', displayName: 'Bart' });
    await world.app.services.invitations.addMember(coordinatorId, schoolId, { email: 'bestaand@linde.test', role: 'teacher' });
    const bart = await world.app.services.auth.accountByEmail('bestaand@linde.test');
    expect(await world.app.services.schools.rolesIn(bart!.id, schoolId)).toEqual([]);

    const page = await world.newPage();
    await page.goto(`${world.baseUrl}${await invitationPath('bestaand@linde.test')}`);
    await page.getByRole('heading', { name: 'Welkom in het team van VBS De Linde' }).waitFor();
    // The same choice as for a new address: the page does not know, and does not tell.
    expect(await page.getByRole('radio', { name: 'Nee, ik ben nieuw: maak mijn account' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Ja, ik heb al een account' }).check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Je wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanvaarden en beginnen' }).click();
    await page.waitForURL(`${world.baseUrl}/scan`);
    expect(await world.app.services.schools.rolesIn(bart!.id, schoolId)).toEqual(['teacher']);
  });

  it('another logged-in account cannot take an invitation meant for someone else', async () => {
    await world.app.services.invitations.addMember(coordinatorId, schoolId, { email: 'coordinator@linde.test', role: 'ict_coordinator' });
    await world.app.services.auth.createAccount({ email: 'indringer@elders.test', password: PASSWORD, role: 'teacher' });
    const page = await logIn(world, 'indringer@elders.test');
    await page.goto(`${world.baseUrl}${await invitationPath('coordinator@linde.test')}`);
    await page.getByText('Je bent aangemeld als').waitFor();
    await page.getByText('Deze uitnodiging is voor coordinator@linde.test, een ander adres dan het jouwe.').waitFor();
    await page.getByRole('button', { name: 'Aanvaarden en beginnen' }).click();
    await page.getByRole('alert').filter({ hasText: 'naar een ander e-mailadres gestuurd' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const intruder = await world.app.services.auth.accountByEmail('indringer@elders.test');
    expect(await world.app.services.schools.rolesIn(intruder!.id, schoolId)).toEqual([]);
  });

  it('a teacher sees their schools on the start page and leaves one after confirming', async () => {
    const other = await world.app.services.schools.createSchool({ name: 'GO! Atheneum Rivierenland' });
    await addMember(world, other, 'teacher', 'vertrekker@linde.test', 'Vera');
    await world.app.services.schools.grantRole((await world.app.services.auth.accountByEmail('vertrekker@linde.test'))!.id, schoolId, 'teacher');
    const page = await logIn(world, 'vertrekker@linde.test');
    const mySchools = page.getByTestId('my-schools');
    await mySchools.getByRole('heading', { name: 'Mijn scholen' }).waitFor();
    expect(await mySchools.locator('tbody th').allTextContents()).toEqual(['GO! Atheneum Rivierenland', 'VBS De Linde']);
    expect(await accessibilityViolations(page)).toEqual([]);

    let asked = '';
    page.on('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await mySchools.getByRole('button', { name: 'Vertrekken uit VBS De Linde' }).click();
    await mySchools.getByRole('status').filter({ hasText: 'Je hebt het team van VBS De Linde verlaten.' }).waitFor();
    expect(asked).toMatch(/^Het team van VBS De Linde verlaten\?/);
    expect(await mySchools.locator('tbody th').allTextContents()).toEqual(['GO! Atheneum Rivierenland']);
    const vera = await world.app.services.auth.accountByEmail('vertrekker@linde.test');
    expect(await world.app.services.schools.rolesIn(vera!.id, schoolId)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
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

  it('someone without an account opens the join link, sees the school, makes an account there and lands in the scan as a teacher', async () => {
    const { code } = await world.app.services.schools.joinCode(coordinatorId, schoolId);
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/aansluiten/${code.replace('-', '')}`);
    await page.getByText('Je sluit aan bij het team van VBS De Linde.').waitFor();
    await page.getByRole('heading', { name: 'Nieuw hier? Maak je account' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Je naam').fill('Nina');
    await page.getByLabel('E-mailadres').fill('nina@linde.test');
    await page.getByLabel('Kies een wachtwoord').fill('nina');
    await page.getByRole('button', { name: 'Account maken en aansluiten' }).click();
    await expect.poll(() => page.locator('#join-password-problem').textContent()).toMatch(/\S/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Kies een wachtwoord').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${world.baseUrl}/scan`);
    await page.getByTestId('scan-intro').waitFor();
    const nina = await world.app.services.auth.accountByEmail('nina@linde.test');
    expect(nina?.displayName).toBe('Nina');
    expect(await world.app.services.schools.rolesIn(nina!.id, schoolId)).toEqual(['teacher']);
  });
});
