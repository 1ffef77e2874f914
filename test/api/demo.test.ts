import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { login, startTestApp, type TestApp } from '../support/test-app';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app.services, t.app.db);
  });
  afterAll(() => t.close());

  it('gives the demo teacher two submitted scans, growing between them', async () => {
    const teacher = await login(t.app, 'leerkracht@demo.digisprong.be', DEMO_PASSWORD);
    const profile = (await teacher.request({ method: 'GET', url: '/api/me/profile' })).json();
    expect(profile.history).toHaveLength(2);
    expect(profile.growth.totalChange).toBeGreaterThan(0);
    expect(Date.parse(profile.history[0].submittedAt)).toBeLessThan(Date.parse(profile.history[1].submittedAt));
  });

  it('leaves the new teacher without a scan, and puts every demo account in the demo school', async () => {
    const newcomer = await login(t.app, 'nieuw@demo.digisprong.be', DEMO_PASSWORD);
    expect((await newcomer.request({ method: 'GET', url: '/api/me/scans' })).json().scans).toEqual([]);
    const me = (await newcomer.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.user.memberships[0]).toMatchObject({ schoolName: 'Basisschool De Sprong (demo)', role: 'teacher' });
  });
});
