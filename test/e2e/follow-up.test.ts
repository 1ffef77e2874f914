import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';

/** The follow-up after a round: the principal ticks steps on the demo school's report, the centre sees them counted and edits a step. */
describe('the follow-up after a Digisnap round in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await seedDemoData(world.app.services, world.app.db);
  });
  afterAll(() => world?.close());

  it('the principal ticks two steps with the keyboard; the analyst sees them counted and renames a step', async () => {
    const analyst = await logIn(world, 'kenniscentrum@demo.digisprong.be', DEMO_PASSWORD);
    const counts = async () => (await (await analyst.request.get(`${world.baseUrl}/api/centre/follow-up`)).json()).flanders.ticked as number[];
    const before = await counts();

    const principal = await logIn(world, 'directie@demo.digisprong.be', DEMO_PASSWORD);
    const api = async (path: string) => (await principal.request.get(`${world.baseUrl}${path}`)).json();
    const schoolId = (await api('/api/auth/me')).user.memberships[0].schoolId as string;
    const closed = (await api(`/api/schools/${schoolId}/campaigns`)).items.find((campaign: { status: string }) => campaign.status === 'closed');
    await principal.goto(`${world.baseUrl}/school/${schoolId}/digisnap/${closed.id}/rapport`);
    const section = principal.getByTestId('follow-up');
    await section.getByRole('heading', { name: 'Na de ronde' }).waitFor();
    expect(await principal.getByTestId('follow-up-progress').textContent()).toContain('3 van 7 stappen');
    expect(await accessibilityViolations(principal)).toEqual([]);

    await section.getByRole('checkbox', { name: 'Kies een prioritair domein' }).focus();
    await principal.keyboard.press('Space');
    await expect.poll(() => principal.getByTestId('follow-up-progress').textContent()).toContain('4 van 7 stappen');
    await section.getByLabel('Notitie bij “Plan vorming of een studiedag”').fill('Studiedag in februari');
    await section.getByRole('checkbox', { name: 'Plan vorming of een studiedag' }).focus();
    await principal.keyboard.press('Space');
    await expect.poll(() => principal.getByTestId('follow-up-progress').textContent()).toContain('5 van 7 stappen');
    expect(await principal.getByTestId('follow-up-plan-training-done').textContent()).toContain('Studiedag in februari');
    expect(await accessibilityViolations(principal)).toEqual([]);

    const after = await counts();
    expect([after[3] - before[3], after[4] - before[4], after[0] - before[0]]).toEqual([1, 1, 0]);
    await analyst.goto(`${world.baseUrl}/kenniscentrum`);
    await analyst.getByTestId('centre-nav').getByRole('link', { name: 'Opvolging' }).click();
    await analyst.waitForURL(`${world.baseUrl}/kenniscentrum/opvolging`);
    const row = analyst.getByTestId('follow-up-row-priority-area');
    await expect.poll(() => row.textContent()).toContain(String(after[3]));
    expect(await accessibilityViolations(analyst)).toEqual([]);

    const title = analyst.locator('#follow-up-step-0-title-nl');
    await title.fill('Lees het directierapport');
    await analyst.getByRole('button', { name: 'Stappen opslaan' }).focus();
    await analyst.keyboard.press('Enter');
    await analyst.getByTestId('follow-up-saved').waitFor();
    await expect.poll(() => analyst.getByTestId('follow-up-row-look-at-results').textContent()).toContain('Lees het directierapport');
    expect(await accessibilityViolations(analyst)).toEqual([]);

    await principal.reload();
    await principal.getByRole('checkbox', { name: 'Lees het directierapport' }).waitFor();
  });
});
