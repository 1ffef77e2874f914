import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allAnswers } from '../api/campaign-fixtures';
import { accessibilityViolations, type BrowserWorld, followMenu, logIn, saveScreenshot, startBrowserWorld, VIEWPORT_NAMES } from './browser';
import { consoleProblems, englishInDutch } from './page-checks';
import { addMember, completeScan, openCampaign } from './school-steps';

describe.each(VIEWPORT_NAMES)('a Digisnap round (Digisnap-afname) and its leadership report (directierapport) in the browser (%s)', (viewport) => {
  let world: BrowserWorld;
  let accounts = 0;

  const newSchool = async (name: string, teachers: number) => {
    const schoolId = await world.app.services.schools.createSchool({ name, educationLevel: 'primary', province: 'antwerpen' });
    accounts += 1;
    const coordinator = await addMember(world, schoolId, 'ict_coordinator', `ict${accounts}@campagne.test`, `Ilse ${accounts}`);
    const teacherIds: string[] = [];
    for (let i = 0; i < teachers; i += 1) {
      accounts += 1;
      teacherIds.push((await addMember(world, schoolId, 'teacher', `leraar${accounts}@campagne.test`, `Leraar ${accounts}`)).userId);
    }
    return { schoolId, coordinatorId: coordinator.userId, coordinatorEmail: coordinator.email, teacherIds };
  };

  beforeAll(async () => {
    world = await startBrowserWorld({}, viewport);
  });
  afterAll(() => world?.close());

  it('a coordinator opens a campaign, five teachers complete it and the report shows its chart', async () => {
    const school = await newSchool('VBS De Wilg', 5);
    const page = await logIn(world, school.coordinatorEmail);

    // The "Mijn school" item leads to the team; the team list holds names and roles, no scan data.
    await followMenu(page, 'Mijn school');
    await page.getByTestId('school-members').waitFor();
    expect(await page.getByTestId('school-members').locator('tbody tr').count()).toBe(6);
    expect(await page.getByTestId('school-members').textContent()).toMatch(/ICT-coördinator/);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishInDutch(page)).toEqual([]);

    await page.getByRole('link', { name: 'Digisnap-afnames' }).click();
    const form = page.getByTestId('campaign-form');
    await form.waitFor();
    await form.getByLabel('Minimale groepsgrootte').fill('4');
    await form.getByRole('button', { name: 'Digisnap-afname openen' }).click();
    await expect.poll(() => form.locator('.field-problem').textContent()).toMatch(/minstens 5/);
    await form.getByLabel('Minimale groepsgrootte').fill('5');
    await form.getByRole('button', { name: 'Digisnap-afname openen' }).click();
    const participation = page.getByTestId('campaign-participation');
    await participation.waitFor();
    expect(await participation.getByTestId('count-invited').textContent()).toBe('6');
    expect(await participation.getByTestId('count-completed').textContent()).toBe('0');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishInDutch(page)).toEqual([]);

    // The same period again: the form says what to do instead, not to reload.
    await form.getByRole('button', { name: 'Digisnap-afname openen' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/Kies een periode die begint na het einde van die afname/);
    expect(await form.getByRole('alert').textContent()).not.toMatch(/Laad de pagina opnieuw/);

    // Answers vary per teacher.
    for (const [i, teacherId] of school.teacherIds.entries()) await completeScan(world, teacherId, allAnswers([1, 2, 3, 2, 4][i]));

    await page.reload();
    await expect.poll(() => page.getByTestId('count-completed').textContent()).toBe('5');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('5');

    await page.getByRole('button', { name: 'Herinnering sturen' }).click();
    await expect.poll(() => page.getByTestId('campaign-notice').textContent()).toMatch(/1 herinnering verstuurd/);

    await page.getByRole('link', { name: 'Directierapport bekijken' }).click();
    const report = page.getByTestId('report');
    await report.waitFor();
    await page.getByTestId('report-area-chart').locator('svg').first().waitFor();
    expect(await page.getByTestId('report-area-chart').getAttribute('role')).toBe('img');
    expect(await page.getByTestId('report-competences').locator('tbody tr').count()).toBe(22);
    // Small cells show as (noisy) numbers, nothing is "verborgen", no mean is shown, and the page says the counts carry noise.
    expect(await page.getByTestId('report-competences').textContent()).not.toMatch(/verborgen|gemiddeld/);
    expect(await page.getByTestId('report-noise-note').textContent()).toMatch(/willekeurige ruis.*9 op 10 aantallen wijken hoogstens 2 af/);
    expect(await page.getByTestId('report-csv').getAttribute('href')).toMatch(/format=csv&lang=nl$/);
    // The knowledge centre's words in the title, and its aims read as aims with the distance to go, never as a verdict.
    expect(await page.title()).toMatch(/Directierapport/);
    const aims = page.getByTestId('report-norms');
    expect(await aims.getByRole('heading', { level: 2 }).textContent()).toBe('Waar het team naartoe werkt');
    expect(await aims.getByTestId('aim-every_teacher_at_least_b').textContent()).toMatch(
      /Op termijn zit elke leraar minstens op B.*B of hoger\. Het streefdoel is 100%\. ?(Nog .+ procentpunten te gaan|Bereikt)/,
    );
    expect(await aims.getByTestId('aim-some_c_in_every_school').textContent()).toMatch(/Elke school heeft enkele leraren op C.*op C of hoger\. Het streefdoel is minstens 1\./);
    expect(await aims.textContent()).not.toMatch(/gehaald|norm/i);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishInDutch(page)).toEqual([]);
    // the round asked for twice is the test's own doing
    expect(consoleProblems(page, [/answer (400|409): POST .*\/campaigns/])).toEqual([]);
    await page.getByRole('heading', { name: 'Per domein' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'directierapport');
  });

  it('in a school where only four teachers completed, the report explains that it needs more', async () => {
    const school = await newSchool('GO! De Beuk', 4);
    const campaign = await openCampaign(world, school.coordinatorId, school.schoolId, 10);
    for (const teacherId of school.teacherIds) await completeScan(world, teacherId, allAnswers(2));

    const page = await logIn(world, school.coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${school.schoolId}/digisnap/${campaign.id}/rapport`);
    const tooFew = page.getByTestId('too-few-respondents');
    await tooFew.waitFor();
    await expect.poll(() => page.getByTestId('too-few-missing').textContent()).toMatch(/4 leraren .*nog 1 ingediende scan nodig/);
    expect(await page.getByTestId('report').count()).toBe(0);
    expect(await page.getByTestId('report-area-chart').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
