import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUniform } from '../../src/shared/platform/differential-privacy';
import { dayFromToday } from '../api/campaign-fixtures';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld, VIEWPORT_NAMES } from './browser';
import { addMember, completeReflection } from './school-steps';

/**
 * The school reflection in the browser: a coordinator opens a round and hands out a class code,
 * pupils answer with the code (no account), teachers answer from their home page, and the report
 * shows each group, its counts with noise (ε = 1) and a sentence saying so. The noise is drawn from
 * a seed here so that a run can be replayed.
 */
describe.each(VIEWPORT_NAMES)('the school reflection in the browser (%s)', (viewport) => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld({ privacyUniform: seededUniform(1223) }, viewport);
  });
  afterAll(() => world?.close());

  /**
   * From the intro (staff) or the first statement (pupils, welcomed on the class code's page) to the
   * thank-you: every statement with the keyboard (choose, Enter moves on), then submit.
   */
  const answerEverything = async (page: Page, option: (number: number) => number, checkAccessibility = false, intro = true) => {
    if (intro) {
      await page.getByTestId('reflection-intro').waitFor();
      if (checkAccessibility) expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByTestId('scan-next').click();
    }
    for (let number = 1; ; number += 1) {
      const item = page.getByTestId('scan-item');
      const summary = page.getByTestId('scan-summary');
      await item.or(summary).first().waitFor();
      if (await summary.isVisible()) break;
      await expect.poll(() => page.getByTestId('scan-position').textContent()).toMatch(new RegExp(`^${number} /`));
      if (checkAccessibility && number === 1) expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByTestId(`option-${option(number)}`).check();
      await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/Opgeslagen/);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`step=(${number + 1}|summary)$`));
    }
    if (checkAccessibility) expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('scan-submit').click();
    await page.getByTestId('reflection-thanks').waitFor();
  };

  it('a coordinator opens a round, five pupils answer with the class code, five teachers answer, and the report shows each group', { timeout: 240_000 }, async () => {
    const schoolId = await world.app.services.schools.createSchool({ name: 'Sint-Victor Turnhout', educationLevel: 'secondary', province: 'antwerpen' });
    const coordinator = await addMember(world, schoolId, 'ict_coordinator', 'ict@reflectie.test');
    const teachers = await Promise.all([1, 2, 3, 4, 5].map((i) => addMember(world, schoolId, 'teacher', `leraar${i}@reflectie.test`)));

    // The coordinator opens a round for teachers and pupils from the school's pages.
    const page = await logIn(world, coordinator.email);
    await page.goto(`${world.baseUrl}/school/${schoolId}`);
    await page.getByRole('link', { name: 'Schoolreflectie' }).click();
    const form = page.getByTestId('reflection-round-form');
    await form.waitFor();
    await form.getByLabel('Schoolleiding').uncheck();
    await form.getByRole('button', { name: 'Ronde openen' }).click();
    const round = page.getByTestId('reflection-round');
    await round.waitFor();
    const roundId = (await round.getAttribute('data-round-id'))!;
    expect(await round.getByTestId('participation-teachers').textContent()).toMatch(/Leraren\s*0\s*0/);
    // A pasted long name is refused with a reason, not silently cut in the middle of a word.
    const longName = `${'Leerlingen van de derde graad '.repeat(10)}`.trim();
    await round.getByLabel('Klas of groep').fill(longName);
    expect(await round.getByLabel('Klas of groep').inputValue()).toBe(longName);
    await round.getByRole('button', { name: 'Klascode toevoegen' }).click();
    await round.getByText(`Hoogstens 60 tekens; deze naam telt er ${longName.length}.`).waitFor();
    await round.getByLabel('Klas of groep').fill('5A');
    await round.getByRole('button', { name: 'Klascode toevoegen' }).click();
    const codeText = round.getByTestId('class-code-text');
    await codeText.waitFor();
    const code = (await codeText.textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Five pupils, each on their own device and without an account, use the class code: two in the
    // browser, three straight through the API (for speed), all with the same code.
    for (let pupil = 0; pupil < 2; pupil += 1) {
      const device = await world.newPage();
      await device.goto(`${world.baseUrl}/reflectie`);
      await device.getByLabel('Klascode').fill(code.toLowerCase().replace('-', ''));
      await device.getByRole('button', { name: 'Verder' }).click();
      await device.getByTestId('class-code-page').waitFor();
      if (pupil === 0) expect(await accessibilityViolations(device)).toEqual([]);
      await device.getByTestId('pupil-start').click();
      // One start: no second "Beginnen" on an intro screen.
      await device.waitForURL(/\/reflectie\/antwoorden\/[^/?]+\?step=1$/);
      expect(await device.getByTestId('reflection-intro').count()).toBe(0);
      await answerEverything(device, () => 3, pupil === 0, false);
      if (pupil === 0) expect(await accessibilityViolations(device)).toEqual([]);
      await device.context().close();
    }
    const { reflections } = world.app.services;
    for (let pupil = 2; pupil < 5; pupil += 1) {
      const started = await world.app.inject({ method: 'POST', url: `/api/reflection-codes/${code}/responses` });
      await completeReflection(world, started.json(), null, () => 3);
    }

    // Teachers find the reflection on their home page: one in the browser, four through the service.
    // They find the infrastructure weak (statements 9–13: option 1, 2 on the scale), the rest fair.
    const teacherOption = (i: number) => (number: number) => (number >= 9 && number <= 13 ? 1 : 2 + (i % 2));
    for (const [i, teacher] of teachers.slice(1).entries()) {
      await completeReflection(world, await reflections.startAccountResponse(teacher.userId, roundId), teacher.userId, teacherOption(i + 1));
    }
    const own = await logIn(world, teachers[0].email);
    const entry = own.getByTestId('my-reflection');
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/Je antwoordt als leraar, tot en met/);
    await entry.getByTestId('my-reflection-start').click();
    await answerEverything(own, teacherOption(0));
    await own.goto(`${world.baseUrl}/`);
    await expect.poll(() => own.getByTestId('my-reflection').textContent()).toMatch(/ingediend/);
    await own.context().close();

    // The coordinator sees the counts and the report per group.
    await page.reload();
    await expect.poll(() => page.getByTestId('participation-teachers').getByTestId('count-completed').textContent()).toBe('5');
    expect(await page.getByTestId('participation-pupils').getByTestId('count-completed').textContent()).toBe('5');
    expect(await page.getByTestId('class-code').textContent()).toMatch(/5 van 35 plaatsen gebruikt/);
    await page.getByRole('link', { name: 'Naar het rapport' }).click();
    const report = page.getByTestId('reflection-report');
    await report.waitFor();
    expect(await page.getByTestId('group-teachers').textContent()).toMatch(/5\s*Leraren/);
    expect(await page.getByTestId('group-pupils').textContent()).toMatch(/5\s*Leerlingen/);
    const infrastructure = page.locator('[data-section="infrastructure"]');
    // Means are worked out from the noisy counts: near the truth (teachers 2, pupils 4), not exact.
    const mean = async (group: string) =>
      Number((await infrastructure.getByTestId(`section-row-${group}`).getByTestId('mean').textContent())!.match(/^\d+(,\d+)?/)![0].replace(',', '.'));
    expect(Math.abs((await mean('teachers')) - 2)).toBeLessThan(0.75);
    expect(await infrastructure.getByTestId('section-row-teachers').getByTestId('mean').textContent()).toMatch(/actiepunt/);
    expect(Math.abs((await mean('pupils')) - 4)).toBeLessThan(0.75);
    // The report says its counts carry noise, and how much.
    const noise = await page.getByTestId('reflection-noise').textContent();
    expect(noise).toMatch(/willekeurige ruis/);
    expect(noise).toMatch(/gemiddeld 0,85 af/);
    expect(noise).toMatch(/hoogstens 2 af/);
    expect(noise).toMatch(/ε = 1 per tabel; publicatie 1 van/);
    // Reading again shows the very same numbers.
    const sections = () => page.getByTestId('reflection-section').allTextContents();
    const before = await sections();
    await page.reload();
    await report.waitFor();
    expect(await sections()).toEqual(before);
    expect(await page.getByTestId('points-for-action').textContent()).toMatch(/Infrastructuur en uitrusting/);
    await page.getByTestId('reflection-chart').locator('svg').first().waitFor();
    expect(await page.getByTestId('reflection-chart').getAttribute('role')).toBe('img');
    expect(await page.getByTestId('reflection-report-csv').getAttribute('href')).toMatch(/format=csv&lang=nl$/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a wrong class code says so, and a round of four teachers shows no numbers', { timeout: 120_000 }, async () => {
    const schoolId = await world.app.services.schools.createSchool({ name: 'VBS De Kiem', educationLevel: 'primary', province: 'limburg' });
    const coordinator = await addMember(world, schoolId, 'ict_coordinator', 'ict@kiem.test');
    const device = await world.newPage();
    await device.goto(`${world.baseUrl}/reflectie/ABCD-2345`);
    await expect.poll(() => device.getByRole('alert').textContent()).toMatch(/werkt niet/);
    expect(await accessibilityViolations(device)).toEqual([]);

    const { reflections } = world.app.services;
    const round = await reflections.openRound(coordinator.userId, schoolId, {
      instrumentId: 'ai-readiness',
      groups: ['teachers'],
      opensOn: dayFromToday(0),
      closesOn: dayFromToday(7),
      minGroupSize: 5,
      maxResponsesPerCode: 35,
    });
    // Four teachers answer (through the service, for speed): fewer than five, so nothing shows.
    for (let i = 1; i <= 4; i += 1) {
      const teacher = await addMember(world, schoolId, 'teacher', `leraar${i}@kiem.test`);
      await completeReflection(world, await reflections.startAccountResponse(teacher.userId, round.id), teacher.userId, () => 1);
    }
    const page = await logIn(world, coordinator.email);
    await page.goto(`${world.baseUrl}/school/${schoolId}/reflectie/${round.id}/rapport`);
    await page.getByTestId('too-few-respondents').waitFor();
    expect(await page.getByTestId('reflection-report').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
