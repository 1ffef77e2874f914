import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { login, startTestApp, type TestApp, type TestClient } from '../support/test-app';

/** What the demo principal finds on the first visit (issue 15, point 2): every school page filled. */
describe('demo school: a finished year on the platform', () => {
  let t: TestApp;
  let principal: TestClient;
  let schoolId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const started = Date.now();
    await seedDemoData(t.app.services, t.app.db);
    console.log(`demo seed: ${Date.now() - started} ms`);
    principal = await login(t.app, 'directie@demo.digisprong.be', DEMO_PASSWORD);
    schoolId = (await principal.request({ method: 'GET', url: '/api/auth/me' })).json().user.memberships[0].schoolId;
  });
  afterAll(() => t.close());

  const get = async (url: string) => {
    const response = await principal.request({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  it('has a closed Digisnap round of 24 of 25 teachers with a published report', async () => {
    const campaigns = (await get(`/api/schools/${schoolId}/campaigns`)).items;
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ status: 'closed', participation: { invited: 25, completed: 24 }, report: { available: true } });
    expect(campaigns[0].report.publishedAt).not.toBeNull();
    const report = await get(`/api/schools/${schoolId}/campaigns/${campaigns[0].id}/report`);
    expect(report.respondents).toBe(24);
    expect(report.areas).toHaveLength(6);
    expect(report.priorityArea).not.toBeNull();
    // Every band of the team has teachers in it, so the page has something in every column.
    expect(report.overall.bands.filter((band: { count: number }) => band.count > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('suggests team trainings that fit a study day for the whole team', async () => {
    const campaignId = (await get(`/api/schools/${schoolId}/campaigns`)).items[0].id;
    const suggestions = await get(`/api/schools/${schoolId}/campaigns/${campaignId}/training-suggestions`);
    expect(suggestions.team.length).toBeGreaterThan(0);
    expect(suggestions.team[0].training.nextSession.seatsLeft).toBeGreaterThanOrEqual(24);
  });

  it('has a closed school reflection whose report shows leaders, teachers and pupils', async () => {
    const rounds = (await get(`/api/schools/${schoolId}/reflections`)).items;
    expect(rounds).toHaveLength(1);
    expect(rounds[0].status).toBe('closed');
    const report = await get(`/api/schools/${schoolId}/reflections/${rounds[0].id}/report`);
    const shown = report.groups.filter((group: { respondents: { suppressed: boolean } }) => !group.respondents.suppressed).map((group: { group: string }) => group.group);
    expect(shown.sort()).toEqual(['leaders', 'pupils', 'teachers']);
  });

  it('has a submitted cyber check with actions to take', async () => {
    const checks = (await get(`/api/schools/${schoolId}/cyber-checks`)).items;
    expect(checks).toHaveLength(1);
    expect(checks[0].status).toBe('submitted');
    expect(checks[0].overall.actions).toBeGreaterThan(0);
  });

  it('has a policy plan with a vision, goals and actions taken from the report, the reflection, the cyber check and the ICT park', async () => {
    const plan = await get(`/api/schools/${schoolId}/policy-plan`);
    expect(plan.vision).toContain('De Sprong');
    expect(plan.goals).toHaveLength(2);
    const goalIds = new Set(plan.goals.map((goal: { id: string }) => goal.id));
    expect(plan.actions.every((action: { goalId: string }) => goalIds.has(action.goalId))).toBe(true);
    const kinds = new Set(plan.actions.map((action: { source: { kind: string } }) => action.source.kind));
    expect([...kinds].sort().join()).toBe('cyber_check,ict_park,reflection,team_report');
  });
});
