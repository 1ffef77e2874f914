import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, dayFromToday } from '../api/campaign-fixtures';
import { sessionInput, trainingInput } from '../api/catalogue-fixtures';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { addMember, completeScan, openCampaign } from './school-steps';

describe('the team training plan and the ICT training budget in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  let campaignId: string;
  const principalEmail = 'directie@opleidingsplan.test';
  const coordinatorEmail = 'ict@opleidingsplan.test';
  const sessionDay = dayFromToday(12);

  beforeAll(async () => {
    world = await startBrowserWorld();
    const { schools, catalogue } = world.app.services;
    schoolId = await schools.createSchool({ name: 'BS Het Anker', educationLevel: 'primary', province: 'antwerpen' });
    const principal = await addMember(world, schoolId, 'principal', principalEmail, 'Pieter');
    await addMember(world, schoolId, 'ict_coordinator', coordinatorEmail, 'Ines');
    campaignId = (await openCampaign(world, principal.userId, schoolId, 14)).id;
    // 15 teachers: 3 at A (A1 in area 6), 9 at B1 but at A1 in 6.2–6.5, 3 at C1. Area 6 is at A for 12 of 15, and 6.1
    // shows 9 at B1: margins the report's noise (a count is off by at most 2 in 9 of 10) does not overturn.
    for (let i = 0; i < 15; i += 1) {
      const teacher = await addMember(world, schoolId, 'teacher', `leraar${i}@opleidingsplan.test`);
      const pattern = i < 3 ? (c: number) => (c >= 17 ? 0 : 1) : i < 12 ? (c: number) => (c >= 18 ? 0 : 2) : () => 4;
      await completeScan(world, teacher.userId, pattern);
    }
    const provider = await catalogue.addProvider({ name: 'Pedagogische begeleiding (test)', contactEmail: 'info@pb.test', website: null });
    const step = [{ competence: '6.1', from: 'B1' as const, to: 'B2' as const }];
    const start = Date.parse(`${sessionDay}T09:00:00+01:00`);
    await catalogue.seedTrainings([
      {
        providerId: provider.id,
        training: trainingInput({
          title: 'Leerlingen digitaal laten samenwerken',
          levelSteps: step,
          location: { address: 'Meir 1', postalCode: '2000', city: 'Antwerpen', province: 'antwerpen' },
        }),
        sessions: [
          sessionInput(0, {
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 6 * 3600_000).toISOString(),
            capacity: 25,
            enrolmentDeadline: new Date(start - 2 * DAY).toISOString(),
            cancellationDeadline: new Date(start - 3 * DAY).toISOString(),
          }),
        ],
      },
      { providerId: provider.id, training: trainingInput({ title: 'Zelfstudie: digitale leerpaden', kind: 'self_paced', levelSteps: step, location: null }), sessions: [] },
    ]);
  });
  afterAll(() => world?.close());

  it('a principal enters the posts of 1 February 2021, sees the envelope closed, and changes the regular amount', async () => {
    const page = await logIn(world, principalEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}`);
    await page.getByRole('link', { name: 'Nascholingsbudget' }).click();
    const summary = page.getByTestId('budget-summary');
    await summary.waitFor();
    // 17 staff: the principal, the ICT coordinator and 15 teachers, at € 64 each, per school year.
    expect(await summary.getByTestId('budget-regular').textContent()).toMatch(/€ 64 per personeelslid × 17.*€ 1\.088/);
    expect(await summary.textContent()).toMatch(/Gewoon nascholingsbudget \d{4}-\d{4}/);
    const envelope = page.getByTestId('budget-envelope');
    expect(await envelope.getByTestId('budget-envelope-no-posts').textContent()).toMatch(/01\/02\/2021/);
    expect(await envelope.getByTestId('budget-envelope-state').textContent()).toMatch(/Afgesloten sinds 31\/07\/2026/);
    expect(await accessibilityViolations(page)).toEqual([]);

    const form = page.getByTestId('budget-settings-form');
    await form.getByLabel('Voltijdse betrekkingen op 1 februari 2021').fill('23,456');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => form.locator('.field-problem').textContent()).toMatch(/twee cijfers na de komma/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('budget-envelopePosts');
    await form.getByLabel('Voltijdse betrekkingen op 1 februari 2021').fill('23,75');
    await form.getByLabel('Gewoon budget per personeelslid en schooljaar (€)').fill('70,50');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('budget-saved').waitFor();
    // 23,75 × € 120 = € 2.850, in tranches of 60% and 40%.
    expect(await envelope.getByTestId('budget-envelope-amount').textContent()).toMatch(/€ 120 per betrekking × 23,75.*€ 2\.850/);
    expect(await envelope.getByTestId('budget-envelope-tranche-1').textContent()).toMatch(/60%.*31\/08\/2022.*€ 1\.710/);
    expect(await envelope.getByTestId('budget-envelope-tranche-2').textContent()).toMatch(/40%.*31\/12\/2022.*€ 1\.140/);
    expect(await envelope.getByTestId('budget-envelope-no-posts').count()).toBe(0);
    expect(await envelope.getByTestId('budget-envelope-left').textContent()).toMatch(/Niet besteed.*€ 2\.850/);
    expect(await summary.getByTestId('budget-regular').textContent()).toMatch(/€ 70,50 per personeelslid × 17.*€ 1\.198,50/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('an ICT coordinator reads the budget and its counts but gets no form to change them', async () => {
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/budget`);
    const facts = page.getByTestId('budget-settings-facts');
    await facts.waitFor();
    expect(await facts.textContent()).toMatch(/Alleen de directie/);
    expect(await facts.textContent()).toMatch(/23,75/);
    expect(await page.getByTestId('budget-settings-form').count()).toBe(0);
    expect(await page.getByTestId('budget-regular').textContent()).toMatch(/× 17/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a principal goes from the report’s priority to the plan, plans a study day from a suggestion and cancels it', async () => {
    const page = await logIn(world, principalEmail);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${world.baseUrl}/school/${schoolId}/digisnap/${campaignId}/rapport`);
    expect(await page.getByTestId('report-xlsx').getAttribute('href')).toMatch(/format=xlsx&lang=nl$/);
    await page.getByTestId('report-to-training-plan').click();
    await page.waitForURL(`${world.baseUrl}/school/${schoolId}/opleidingsplan?campagne=${campaignId}`);

    const team = page.getByTestId('training-plan-team');
    await team.getByTestId('training-suggestion').first().waitFor();
    expect(await page.getByTestId('training-plan-focus').textContent()).toMatch(/6\.1 .*B1/);
    expect(await team.getByRole('link', { name: 'Leerlingen digitaal laten samenwerken' }).getAttribute('href')).toMatch(/^\/opleidingen\//);
    expect(await page.getByTestId('training-plan-individual').textContent()).toMatch(/Zelfstudie: digitale leerpaden/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await team
      .getByRole('button', { name: /Plan als studiedag/ })
      .first()
      .click();
    const form = page.getByTestId('study-day-form');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('studyday-training');
    await form.getByLabel(/Aansluiten bij de sessie/).check();
    expect(await form.getByLabel('Datum').inputValue()).toBe(sessionDay);
    await form.getByRole('button', { name: 'Studiedag plannen' }).click();
    // 15 participants (the report's respondents) × € 45.
    await expect.poll(() => page.getByTestId('study-day-planned').textContent()).toMatch(/kost € 675/);
    const days = page.getByTestId('study-days');
    await expect.poll(() => days.locator('tbody tr').count()).toBe(1);
    expect(await days.textContent()).toMatch(/Leerlingen digitaal laten samenwerken/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The study day counts as planned in the budget of its year.
    await page.goto(`${world.baseUrl}/school/${schoolId}/budget?jaar=${sessionDay.slice(0, 4)}`);
    await expect.poll(() => page.getByTestId('budget-planned').textContent()).toMatch(/studiedagen € 675/);

    await page.goBack();
    await days.getByRole('button', { name: /Annuleren/ }).click();
    await expect.poll(() => page.getByTestId('study-day-notice').textContent()).toMatch(/is geannuleerd/);
    await expect.poll(() => page.getByText('Er zijn nog geen studiedagen gepland.').count()).toBe(1);
  });
});
