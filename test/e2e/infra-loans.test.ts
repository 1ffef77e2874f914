import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { seededDevice } from './infra-steps';
import { addMember } from './school-steps';

const tags = Array.from({ length: 25 }, (_, i) => `CB-${String(i + 1).padStart(3, '0')}`);
const pupils = Array.from({ length: 25 }, (_, i) => `L-${String(i + 101)}`);

describe('loans in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  const coordinatorEmail = 'ict@uitleen.test';

  beforeAll(async () => {
    world = await startBrowserWorld();
    schoolId = await world.app.services.schools.createSchool({ name: 'BS De Klimop', educationLevel: 'primary', province: 'antwerpen' });
    await addMember(world, schoolId, 'ict_coordinator', coordinatorEmail, 'Ilias');
    await world.app.services.devices.seedDevices(
      schoolId,
      tags.map((assetTag) => ({
        state: 'in_stock' as const,
        device: seededDevice({
          assetTag,
          manufacturer: 'Acer',
          modelName: 'Chromebook 314',
          type: 'chromebook',
          purchaseDate: '2026-08-20',
          priceCents: 29_900,
          fundingSource: 'digisprong',
        }),
      })),
    );
  });
  afterAll(() => world?.close());

  it('an ICT coordinator lends a class of 25 its devices by scanning tags, with the keyboard alone, then takes them back', async () => {
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByRole('link', { name: 'Uitleningen' }).click();
    await page.getByTestId('loan-count').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Klas uitlenen' }).click();
    await page.getByRole('heading', { name: 'Klas uitlenen' }).waitFor();

    await page.getByLabel('Klas', { exact: true }).fill('5A');
    await page.getByLabel('Leerlingen (één per regel)').fill(pupils.join('\n'));
    await page.getByLabel('Waarborg (€)').fill('50');
    await page.getByLabel('Jaarlijkse bijdrage (€)').fill('12,50');
    const scan = page.getByLabel('Inventarisnummer');
    await scan.focus();
    // A scanner types the tag and Enter; the field keeps the focus for the next one.
    for (const tag of tags) {
      await page.keyboard.type(tag);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('scan-count').textContent()).toBe('25 van 25 leerlingen hebben een toestel');
    await page.keyboard.type('CB-099');
    await page.keyboard.press('Enter');
    expect(await page.getByText('Elke leerling van de lijst heeft al een toestel.').count()).toBe(1);
    expect(await page.getByTestId('class-table').locator('tbody tr').nth(24).textContent()).toBe('25L-125CB-025');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Leen 25 toestellen uit' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('bulk-result').textContent()).toContain('25 toestellen uitgeleend aan 5A.');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Bekijk de klas' }).click();
    await expect.poll(() => page.getByTestId('loan-count').textContent()).toBe('25 uitleningen');
    expect(await page.getByTestId('loan-table').textContent()).toContain('€ 12,50');
    await page.getByRole('link', { name: 'CB-007' }).click();
    const agreement = page.getByTestId('loan-agreement');
    await agreement.waitFor();
    const text = await agreement.textContent();
    expect(text).toContain('BS De Klimop');
    expect(text).toContain('L-107 (leerling, 5A)');
    expect(text).toContain('€ 50');
    expect(text).toContain('De ouder of voogd');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Terug naar de uitleningen' }).click();
    await page.getByRole('link', { name: 'Klas terugnemen' }).click();
    // The list page has a class filter labelled the same: choose only once the return page is there.
    await page.getByRole('heading', { name: 'Klas terugnemen' }).waitFor();
    await page.getByLabel('Klas', { exact: true }).selectOption('5A');
    await page.getByTestId('return-table').waitFor();
    await page.getByLabel('Staat van CB-003').selectOption('damaged');
    await page.getByLabel('Opmerking bij CB-003').fill('Scherm gebarsten');
    await page.getByLabel('CB-025 is terug').uncheck();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Neem 24 toestellen terug' }).click();
    await expect.poll(() => page.getByTestId('return-result').textContent()).toBe('24 toestellen teruggenomen.');
    await expect.poll(() => page.getByTestId('return-table').locator('tbody tr').count()).toBe(1);

    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark?state=in_repair`);
    await expect.poll(() => page.getByTestId('device-count').textContent()).toBe('1 toestel');
    expect(await page.getByTestId('device-table').textContent()).toContain('CB-003');
  });

  it('an ICT coordinator lends a device to a team member picked from the team, who sees it on their start page', async () => {
    await addMember(world, schoolId, 'teacher', 'juf.an@uitleen.test', 'Juf An');
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark/uitleningen`);
    await page.getByRole('heading', { name: 'Eén toestel uitlenen' }).waitFor();
    await page.getByLabel('Soort ontlener').selectOption({ label: 'personeelslid' });
    await page.getByLabel('Teamlid').selectOption({ label: 'Juf An (juf.an@uitleen.test)' });
    // Bound to the account, the loan needs no typed name.
    expect(await page.getByLabel('Ontlener', { exact: true }).count()).toBe(0);
    await page.getByLabel('Inventarisnummer').fill('CB-001');
    await page.getByLabel('Terug tegen').fill('2027-06-30');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Uitlenen', exact: true }).click();
    const agreement = page.getByTestId('loan-agreement');
    await agreement.waitFor();
    expect(await agreement.textContent()).toContain('Juf An');

    const teacher = await logIn(world, 'juf.an@uitleen.test');
    await expect.poll(() => teacher.getByTestId('my-loans').textContent()).toContain('CB-001');
  });
});
