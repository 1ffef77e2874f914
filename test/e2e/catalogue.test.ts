import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import type { SessionInput, TrainingInput } from '../../src/shared/catalogue/api';
import { allAnswers } from '../api/campaign-fixtures';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';
import { completeScan } from './school-steps';

const day = 86_400_000;
const training = (title: string, from: 'A2' | 'B2', to: 'B1' | 'C1'): TrainingInput => ({
  title,
  summary: 'Een korte, praktische opleiding over digitale communicatie met ouders en leerlingen.',
  description: '',
  kind: 'live_online',
  language: 'nl',
  educationLevels: ['primary'],
  audiences: ['teacher'],
  levelSteps: [{ competence: '1.1', from, to }],
  durationHours: 3,
  priceEuro: 0,
  payableFromIctBudget: false,
  location: null,
  accreditation: null,
  url: 'https://opleiding.example.be/communicatie',
  status: 'published',
});
const session = (inDays: number): SessionInput => ({
  startsAt: new Date(Date.now() + inDays * day).toISOString(),
  endsAt: new Date(Date.now() + inDays * day + 3 * 3600_000).toISOString(),
  place: null,
  online: true,
  capacity: 20,
  enrolmentDeadline: new Date(Date.now() + (inDays - 2) * day).toISOString(),
  cancellationDeadline: new Date(Date.now() + (inDays - 7) * day).toISOString(),
});

describe('recommendations in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(() => world?.close());

  it('from the profile, a teacher opens the best-matching recommendation and enrols in two clicks', async () => {
    const { services } = world.app;
    const { userId } = await services.auth.createAccount({ email: 'a2@browser.test', password: PASSWORD, role: 'teacher' });
    // Every answer the second option: the teacher is at A2 on every competence.
    await completeScan(world, userId, allAnswers(1));
    const provider = await services.catalogue.addProvider({ name: 'Pedagogische begeleiding (test)', contactEmail: 'info@pbd.example.be', website: null });
    const [far, near] = await services.catalogue.seedTrainings([
      { providerId: provider.id, training: training('Communiceren voor gevorderden', 'B2', 'C1'), sessions: [session(20)] },
      { providerId: provider.id, training: training('Helder communiceren met het schoolplatform', 'A2', 'B1'), sessions: [session(30)] },
    ]);

    const page = await logIn(world, 'a2@browser.test');
    await page.goto(`${world.baseUrl}/profile`);
    const items = page.getByTestId('recommendations').getByTestId('recommendation-item');
    await items.first().waitFor();
    // The A2 → B1 step fits an A2 teacher better than B2 → C1, though its session is later.
    expect(await items.first().getAttribute('data-training-id')).toBe(near);
    expect(await items.nth(1).getAttribute('data-training-id')).toBe(far);
    expect(await items.first().textContent()).toMatch(/1\.1 .*je zit nu op A2; deze opleiding brengt je naar B1/);

    await items.first().getByRole('link').click();
    await page.getByTestId('training-detail').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('enrol-button').click();
    await expect.poll(() => page.getByTestId('enrolment-status').textContent()).toMatch(/ingeschreven/i);
    const mine = await services.enrolments.listMine(await services.catalogue.caller({ userId, sessionId: '', csrfToken: '' }));
    expect(mine.map((e) => e.trainingId)).toEqual([near]);
  });
});

describe('the training database in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await seedDemoData(world.app.services, world.app.db);
  });
  afterAll(() => world?.close());

  it('finds a training without typing its diacritics, keeps the search in the URL and passes axe', async () => {
    const page = await logIn(world, 'nieuw@demo.digisprong.be', DEMO_PASSWORD);
    await page.goto(`${world.baseUrl}/opleidingen?q=cooperatief`);
    await page.getByTestId('search-results').waitFor();
    await expect.poll(() => page.getByTestId('training-result').count()).toBeGreaterThan(0);
    expect((await page.getByTestId('search-results').textContent())?.toLowerCase()).toContain('coöperatief');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page
      .getByTestId('facet-price')
      .getByRole('radio', { name: /Gratis/ })
      .check();
    await expect.poll(() => page.url()).toMatch(/price=free/);
    const shared = page.url();
    // The same URL, opened by someone else, shows the same search.
    const other = await logIn(world, 'nieuw@demo.digisprong.be', DEMO_PASSWORD);
    await other.goto(shared);
    await expect.poll(() => other.getByTestId('result-count').textContent()).toBe(await page.getByTestId('result-count').textContent());
  });
});
