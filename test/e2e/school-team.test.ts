import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { addMember } from './school-steps';

describe('managing a school team in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    schoolId = await world.app.services.schools.createSchool({ name: 'VBS Het Anker', educationLevel: 'primary', province: 'antwerpen' });
    await addMember(world, schoolId, 'principal', 'directie@anker.test', 'Dirk');
  });
  afterAll(() => world?.close());

  it('a principal invites a member, uploads a roster with a bad line, sees the line report, and the join code', async () => {
    const page = await logIn(world, 'directie@anker.test');
    await page.getByRole('link', { name: 'Mijn school' }).click();
    await page.getByTestId('school-members').waitFor();
    await expect.poll(() => page.getByTestId('join-code-value').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    const form = page.getByTestId('add-member-form');
    await form.getByLabel('E-mailadres').fill('lien@anker.test');
    await form.getByLabel('Rol').selectOption('ict_coordinator');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByRole('status').filter({ hasText: 'uitnodiging verstuurd naar lien@anker.test' }).waitFor();
    await expect.poll(() => page.getByTestId('school-invitations').textContent()).toMatch(/lien@anker\.test.*ICT-coördinator/);

    await page.getByLabel('Ledenlijst (CSV of .xlsx)').setInputFiles({
      name: 'team.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('naam;e-mail\nAn;an@anker.test\n;bert@anker.test\nCis;geen-adres\n'),
    });
    await page.getByRole('button', { name: 'Opladen en uitnodigen' }).click();
    const report = page.getByTestId('roster-report');
    await report.getByRole('alert').waitFor();
    expect(await report.textContent()).toMatch(/2 problemen gevonden/);
    expect(await report.locator('tbody th').allTextContents()).toEqual(['regel 3: naam', 'regel 4: e-mail']);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The corrected list comes as the workbook the school keeps it in.
    const workbook = await writeExcelFile([
      [{ value: 'naam' }, { value: 'e-mail' }],
      [{ value: 'An' }, { value: 'an@anker.test' }],
      [{ value: 'Bert' }, { value: 'bert@anker.test' }],
    ]).toBuffer();
    await page
      .getByLabel('Ledenlijst (CSV of .xlsx)')
      .setInputFiles({ name: 'team.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
    await page.getByRole('button', { name: 'Opladen en uitnodigen' }).click();
    await report.getByText('2 uitnodigingen verstuurd.').waitFor();
    await expect.poll(() => page.getByTestId('school-invitations').textContent()).toMatch(/bert@anker\.test/);
  });
});
