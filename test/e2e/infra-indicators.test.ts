import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src/shared/infra/device-types';
import { brusselsDate } from '../../src/shared/platform/brussels-time';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { seededDevice } from './infra-steps';
import { addMember } from './school-steps';

describe('the ICT park in figures in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  let boardId: string;
  const coordinatorEmail = 'ict@cijfers.test';
  const boardEmail = 'bestuur@cijfers.test';

  beforeAll(async () => {
    world = await startBrowserWorld();
    boardId = await world.app.services.boards.createBoard({ name: 'Scholengroep Leie' });
    schoolId = await world.app.services.schools.createSchool({ name: 'BS Het Kompas', educationLevel: 'primary', province: 'west-vlaanderen', boardId });
    await addMember(world, schoolId, 'ict_coordinator', coordinatorEmail, 'Ilias');
    await addMember(world, schoolId, 'board_admin', boardEmail, 'Bea');
    const today = brusselsDate(new Date());
    await world.app.services.devices.seedDevices(
      schoolId,
      [1, 2, 6].map((years, n) => ({
        state: 'in_use' as const,
        device: seededDevice({
          assetTag: `CB-${n + 1}`,
          manufacturer: 'Lenovo',
          modelName: 'ThinkPad L13',
          type: 'laptop',
          purchaseDate: addMonths(today, -12 * years),
          priceCents: 60_000,
          fundingSource: 'digisprong',
        }),
      })),
    );
  });
  afterAll(() => world?.close());

  it('an ICT coordinator reaches the figures with the keyboard, beside MICTIVO’s, in Dutch and in English', async () => {
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByTestId('device-count').waitFor();
    await page.getByRole('link', { name: 'In cijfers' }).focus();
    await page.keyboard.press('Enter');
    const table = page.getByTestId('indicator-table');
    await table.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ICT-park in cijfers: BS Het Kompas');
    expect(await table.locator('[data-indicator="younger"] td').first().textContent()).toBe('67% (2 van 3 met aankoopdatum)');
    expect(await table.locator('[data-indicator="age"] td').first().textContent()).toBe('3 jaar');
    expect(await table.locator('[data-indicator="per100-primary"] td').allTextContents()).toEqual(['Vul leerlingenaantallen in', '54']);
    expect(await page.getByTestId('enter-pupil-counts').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /MICTIVO|Digitalisering in het onderwijs/ }).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'EN – English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ICT park in figures: BS Het Kompas');
    expect(await table.locator('[data-indicator="younger"] td').first().textContent()).toBe('67% (2 of 3 with a purchase date)');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a board admin sees the board’s figures and each school’s', async () => {
    const page = await logIn(world, boardEmail);
    await page.goto(`${world.baseUrl}/bestuur/${boardId}/ictpark`);
    await page.getByRole('link', { name: 'In cijfers' }).click();
    const perSchool = page.getByTestId('school-indicators');
    await perSchool.waitFor();
    expect(await perSchool.locator('tbody tr').count()).toBe(1);
    expect(await perSchool.locator('tbody tr th').textContent()).toBe('BS Het Kompas');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
