import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { login, startTestApp, type TestApp } from '../support/test-app';

describe('demo catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app.services, t.app.db);
  });
  afterAll(() => t.close());

  it('holds at least 200 trainings of verified and unverified providers, searchable at once', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/trainings?pageSize=100' })).json();
    expect(all.total).toBeGreaterThanOrEqual(180);
    expect(all.items.some((i: { nextSession: unknown }) => i.nextSession !== null)).toBe(true);
    expect(all.facets.competence.length).toBeGreaterThanOrEqual(20);
    const providers = (await t.app.inject({ method: 'GET', url: '/api/providers' })).json().items;
    expect(providers.length).toBeGreaterThanOrEqual(5);
  });

  it('lets the demo provider manage its own trainings, in every status', async () => {
    const provider = await login(t.app, 'aanbieder@demo.digisprong.be', DEMO_PASSWORD);
    const me = (await provider.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.user.providers).toHaveLength(1);
    const own = (await provider.request({ method: 'GET', url: '/api/provider/trainings' })).json().items;
    expect(own.length).toBeGreaterThan(5);
    expect(own.every((i: { provider: { id: string } }) => i.provider.id === me.user.providers[0].providerId)).toBe(true);
  });

  it('gives the demo teacher an enrolment, a completed training and recommendations', async () => {
    const teacher = await login(t.app, 'leerkracht@demo.digisprong.be', DEMO_PASSWORD);
    expect((await teacher.request({ method: 'GET', url: '/api/me/enrolments' })).json().items).toHaveLength(1);
    expect((await teacher.request({ method: 'GET', url: '/api/me/completions' })).json().items).toHaveLength(1);
    const recommendations = (await teacher.request({ method: 'GET', url: '/api/me/recommendations' })).json();
    expect(recommendations.items.length).toBeGreaterThan(0);
  });

  it("shows on the demo teacher's profile a training for each of her three priorities, each about its competence", async () => {
    const teacher = await login(t.app, 'leerkracht@demo.digisprong.be', DEMO_PASSWORD);
    const profile = (await teacher.request({ method: 'GET', url: '/api/me/profile' })).json();
    const onProfile = (await teacher.request({ method: 'GET', url: '/api/me/recommendations?limit=3' })).json().items;
    const priorities = profile.result.priorities.map((p: { code: string }) => p.code);
    expect(priorities).toHaveLength(3);
    expect(onProfile.map((i: { competence: string }) => i.competence).sort()).toEqual([...priorities].sort());
    for (const item of onProfile) expect(item.training.levelSteps.map((s: { competence: string }) => s.competence)).toContain(item.competence);
  });
});
