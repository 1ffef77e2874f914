import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allAnswers } from '../api/campaign-fixtures';
import { accessibilityViolations, type BrowserWorld, followMenu, logIn, startBrowserWorld } from './browser';
import { addMember, completeScan } from './school-steps';

describe('the knowledge base and the ICT team in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  beforeAll(async () => {
    world = await startBrowserWorld();
    schoolId = await world.app.services.schools.createSchool({ name: 'VBS De Kastanje', educationLevel: 'primary', province: 'limburg' });
  });
  afterAll(() => world?.close());

  it('a person without an account searches the knowledge base, filters it and reads an article', async () => {
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await followMenu(page, 'Kennisbank');
    await page.getByTestId('knowledge-page').waitFor();
    await page.getByLabel('Zoek in de kennisbank').fill('wachtwoorden');
    await page.getByLabel('Zoek in de kennisbank').press('Enter');
    await page.waitForURL(/\/kennis\?q=wachtwoorden/);
    await expect.poll(() => page.getByTestId('article-card').first().textContent()).toMatch(/De basis van cyberveiligheid op school/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Zoek in de kennisbank').fill('');
    await page.getByLabel('Zoek in de kennisbank').press('Enter');
    await page.getByLabel('Competentie').selectOption('4.1');
    await page.waitForURL(/competence=4\.1/);
    await expect.poll(() => page.getByTestId('article-card').count()).toBe(1);
    await page.getByRole('link', { name: 'Digitaal toetsen en evalueren' }).click();
    await page.getByTestId('article-page').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Drie competenties' }).count()).toBe(1);
    expect(await page.locator('.article-body script').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a teacher opens an article from a priority on the profile', async () => {
    const teacher = await addMember(world, schoolId, 'teacher', 'lotte@kastanje.test');
    await completeScan(world, teacher.userId, allAnswers(0));
    const page = await logIn(world, teacher.email);
    await page.goto(`${world.baseUrl}/profile`);
    const readMore = page.getByTestId('priorities').getByTestId('read-more').first();
    await readMore.waitFor();
    await readMore.click();
    await page.waitForURL(/\/kennis\/digcompedu-/);
    await page.getByTestId('article-page').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a principal adds a member to the ICT team with the keyboard and sees who holds each task', async () => {
    const principal = await addMember(world, schoolId, 'principal', 'pieter@kastanje.test');
    const page = await logIn(world, principal.email);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ict-team`);
    await page.getByTestId('ict-team-page').waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Sofie Peeters');
    await page.getByLabel('Functie', { exact: true }).selectOption('technical');
    await page.getByLabel('Uren per week', { exact: true }).fill('8.5');
    await page.getByLabel('Gedeeld met andere scholen van de scholengroep').check();
    await page.getByLabel('Netwerk en wifi beheren').check();
    await page.getByLabel('Netwerk en wifi beheren').press('Tab');
    await page.getByRole('button', { name: 'Toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ict-members').textContent()).toMatch(/Sofie Peeters.*Technisch ICT-coördinator.*8,5/);
    expect(await page.getByTestId('ict-task-group').first().textContent()).toMatch(/Netwerk en wifi beheren\s*Sofie Peeters/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
