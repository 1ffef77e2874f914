import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competenceList } from '../../src/shared/digisnap/framework';
import { brusselsDate } from '../../src/shared/school/campaign';
import { accessibilityViolations, type BrowserWorld, startBrowserWorld } from './browser';

const PASSWORD = 'browser-test-password';
const DAY = 86_400_000;

describe('a Digisnap campaign and its team report in the browser', () => {
  let world: BrowserWorld;
  let accounts = 0;

  const newSchool = async (name: string, teachers: number) => {
    const { schools, auth } = world.app.services;
    const schoolId = await schools.createSchool({ name, educationLevel: 'primary', province: 'antwerpen' });
    accounts += 1;
    const coordinatorEmail = `ict${accounts}@campagne.test`;
    const { userId: coordinatorId } = await auth.createAccount({ email: coordinatorEmail, password: PASSWORD, role: 'ict_coordinator', schoolId, displayName: `Ilse ${accounts}` });
    const teacherIds: string[] = [];
    for (let i = 0; i < teachers; i += 1) {
      accounts += 1;
      const { userId } = await auth.createAccount({ email: `leraar${accounts}@campagne.test`, password: PASSWORD, role: 'teacher', schoolId, displayName: `Leraar ${accounts}` });
      teacherIds.push(userId);
    }
    return { schoolId, coordinatorId, coordinatorEmail, teacherIds };
  };

  /** A whole scan, submitted through the service for speed: answers vary per teacher. */
  const completeScan = async (userId: string, option: number) => {
    const { digisnap } = world.app.services;
    const { scan } = await digisnap.startScan(userId);
    for (const { code } of competenceList(digisnap.currentFramework())) await digisnap.answerItem(userId, scan.id, code, option);
    await digisnap.submitScan(userId, scan.id);
  };

  const logIn = async (email: string): Promise<Page> => {
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${world.baseUrl}/`);
    return page;
  };

  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(() => world?.close());

  it('a coordinator opens a campaign, five teachers complete it and the report shows its chart', async () => {
    const school = await newSchool('VBS De Wilg', 5);
    const page = await logIn(school.coordinatorEmail);

    // The "Mijn school" item leads to the team; the team list holds names and roles, no scan data.
    await page.getByRole('link', { name: 'Mijn school' }).click();
    await page.getByTestId('school-members').waitFor();
    expect(await page.getByTestId('school-members').locator('tbody tr').count()).toBe(6);
    expect(await page.getByTestId('school-members').textContent()).toMatch(/ICT-coördinator/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Digisnap-campagnes' }).click();
    const form = page.getByTestId('campaign-form');
    await form.waitFor();
    await form.getByLabel('Minimale groepsgrootte').fill('4');
    await form.getByRole('button', { name: 'Campagne openen' }).click();
    await expect.poll(() => form.locator('.field-problem').textContent()).toMatch(/minstens 5/);
    await form.getByLabel('Minimale groepsgrootte').fill('5');
    await form.getByRole('button', { name: 'Campagne openen' }).click();
    const participation = page.getByTestId('campaign-participation');
    await participation.waitFor();
    expect(await participation.getByTestId('count-invited').textContent()).toBe('6');
    expect(await participation.getByTestId('count-completed').textContent()).toBe('0');
    expect(await accessibilityViolations(page)).toEqual([]);

    for (const [i, teacherId] of school.teacherIds.entries()) await completeScan(teacherId, [1, 2, 3, 2, 4][i]);

    await page.reload();
    await expect.poll(() => page.getByTestId('count-completed').textContent()).toBe('5');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('5');

    await page.getByRole('button', { name: 'Herinnering sturen' }).click();
    await expect.poll(() => page.getByTestId('campaign-notice').textContent()).toMatch(/1 herinnering verstuurd/);

    await page.getByRole('link', { name: 'Teamrapport bekijken' }).click();
    const report = page.getByTestId('report');
    await report.waitFor();
    await page.getByTestId('report-area-chart').locator('svg').first().waitFor();
    expect(await page.getByTestId('report-area-chart').getAttribute('role')).toBe('img');
    expect(await page.getByTestId('report-competences').locator('tbody tr').count()).toBe(22);
    // Groups under five are "verborgen", never a number, and the page says why.
    expect(await page.getByTestId('report-competences').textContent()).toMatch(/verborgen/);
    expect(await page.getByTestId('suppressed-explanation').textContent()).toMatch(/kleiner dan 5/);
    expect(await page.getByTestId('report-csv').getAttribute('href')).toMatch(/format=csv&lang=nl$/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('in a school where only four teachers completed, the report explains that it needs more', async () => {
    const school = await newSchool('GO! De Beuk', 4);
    const today = brusselsDate(new Date());
    const campaign = await world.app.services.campaigns.openCampaign(school.coordinatorId, school.schoolId, {
      opensOn: today,
      closesOn: brusselsDate(new Date(Date.now() + 10 * DAY)),
      minGroupSize: 5,
    });
    for (const teacherId of school.teacherIds) await completeScan(teacherId, 2);

    const page = await logIn(school.coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${school.schoolId}/digisnap/${campaign.id}/rapport`);
    const tooFew = page.getByTestId('too-few-respondents');
    await tooFew.waitFor();
    await expect.poll(() => page.getByTestId('too-few-missing').textContent()).toMatch(/4 leraren .*nog 1 ingediende scan nodig/);
    expect(await page.getByTestId('report').count()).toBe(0);
    expect(await page.getByTestId('report-area-chart').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
