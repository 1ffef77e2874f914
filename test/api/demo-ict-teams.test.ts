import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { centreIctTeamsSchema } from '../../src/shared/centre/ict-teams-api';
import { ictTeamSchema } from '../../src/shared/school/ict-team/ict-team-api';
import { login, startTestApp, type TestApp } from '../support/test-app';

describe('the demo’s ICT teams', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app.services, t.app.db);
  });
  afterAll(() => t.close());

  it('gives the demo school a team and the centre teams in most schools, one school group sharing its coordinator', async () => {
    const principal = await login(t.app, 'directie@demo.digisprong.be', DEMO_PASSWORD);
    const me = (await principal.request({ method: 'GET', url: '/api/auth/me' })).json();
    const schoolId: string = me.user.memberships[0].schoolId;
    const team = ictTeamSchema.parse((await principal.request({ method: 'GET', url: `/api/schools/${schoolId}/ict-team` })).json());
    expect(team.members.length).toBe(4);
    expect(team.canEdit).toBe(true);
    const analyst = await login(t.app, 'kenniscentrum@demo.digisprong.be', DEMO_PASSWORD);
    const picture = centreIctTeamsSchema.parse((await analyst.request({ method: 'GET', url: '/api/centre/ict-teams' })).json());
    expect(picture.schoolsWithTeam).toBeGreaterThan(picture.schools / 2);
    expect(picture.sharingGroups).toBe(1);
    expect(picture.hours.filter((band) => band.schools > 0).length).toBeGreaterThanOrEqual(3);
  });
});
