import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInput, TrainingInput } from '../../src/shared/catalogue/api';
import { type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';

const day = 86_400_000;
const training: TrainingInput = {
  title: 'Werken met het digibord',
  summary: 'Een praktische opleiding over het digibord in de klas.',
  description: '',
  kind: 'live_online',
  language: 'nl',
  educationLevels: ['primary'],
  audiences: ['teacher'],
  levelSteps: [{ competence: '2.1', from: 'A2', to: 'B1' }],
  durationHours: 3,
  priceEuro: 0,
  payableFromIctBudget: false,
  location: null,
  accreditation: null,
  url: 'https://opleiding.example.be/digibord',
  status: 'published',
};
const session: SessionInput = {
  startsAt: new Date(Date.now() + 30 * day).toISOString(),
  endsAt: new Date(Date.now() + 30 * day + 3 * 3600_000).toISOString(),
  place: null,
  online: true,
  capacity: 20,
  enrolmentDeadline: new Date(Date.now() + 28 * day).toISOString(),
  cancellationDeadline: new Date(Date.now() + 20 * day).toISOString(),
};

/** Issue 15, point 11: the smaller things a newcomer met in the browser. */
describe('smaller things in the browser', () => {
  let world: BrowserWorld;
  let trainingId: string;
  beforeAll(async () => {
    world = await startBrowserWorld();
    const { services } = world.app;
    const schoolId = await services.schools.createSchool({ name: 'VBS De Wilg', educationLevel: 'primary', province: 'limburg' });
    await services.auth.createAccount({ email: 'wilg@browser.test', password: PASSWORD, role: 'teacher', schoolId });
    const provider = await services.catalogue.addProvider({ name: 'Digibord vzw (test)', contactEmail: 'info@digibord.example.be', website: null });
    [trainingId] = await services.catalogue.seedTrainings([{ providerId: provider.id, training, sessions: [session] }]);
  });
  afterAll(() => world?.close());

  it('says a training is saved once it is, and asks before cancelling an enrolment', async () => {
    const page = await logIn(world, 'wilg@browser.test');
    await page.goto(`${world.baseUrl}/opleidingen/${trainingId}`);
    const bookmark = page.getByTestId('bookmark-button');
    await expect.poll(() => bookmark.textContent()).toContain('Bewaar bij mijn opleidingen');
    await bookmark.click();
    await expect.poll(() => bookmark.textContent()).toContain('Niet meer bewaren');
    await page.getByText('Bewaard bij Mijn opleidingen.').waitFor();

    await page.getByTestId('enrol-button').click();
    const cancel = page.getByTestId('cancel-enrolment-button');
    await cancel.waitFor();
    const asked: string[] = [];
    // First "no": the enrolment stays; then "yes": it is cancelled.
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await cancel.click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/^Wil je je uitschrijven voor de sessie van /);
    expect(await page.getByTestId('enrolment-status').textContent()).toContain('Je bent ingeschreven.');
    page.once('dialog', (dialog) => void dialog.accept());
    await cancel.click();
    await page.getByTestId('enrol-button').waitFor();
  });

  it('offers no "Opnieuw proberen" where a second try cannot help', async () => {
    const other = await world.app.services.schools.createSchool({ name: 'VBS Elders', educationLevel: 'primary', province: 'limburg' });
    const page = await logIn(world, 'wilg@browser.test');
    await page.goto(`${world.baseUrl}/school/${other}/digisnap`);
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('button', { name: 'Opnieuw proberen' }).count()).toBe(0);
  });
});
