import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { followUpProgressSchema } from '../../src/shared/centre/follow-up-api';
import { campaignFollowUpSchema } from '../../src/shared/school/follow-up/follow-up-api';
import { login, startTestApp, type TestApp } from '../support/test-app';

describe('the demo’s follow-up after a round', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app.services, t.app.db);
  });
  afterAll(() => t.close());

  it('has three steps ticked on the demo school’s closed round, and varied progress across Flanders for the centre', async () => {
    const principal = await login(t.app, 'directie@demo.digisprong.be', DEMO_PASSWORD);
    const me = (await principal.request({ method: 'GET', url: '/api/auth/me' })).json();
    const schoolId: string = me.user.memberships[0].schoolId;
    const campaigns = (await principal.request({ method: 'GET', url: `/api/schools/${schoolId}/campaigns` })).json();
    const closed = campaigns.items.find((campaign: { status: string }) => campaign.status === 'closed');
    const followUp = campaignFollowUpSchema.parse((await principal.request({ method: 'GET', url: `/api/schools/${schoolId}/campaigns/${closed.id}/follow-up` })).json());
    expect(followUp).toMatchObject({ done: 3, total: 7, canEdit: true });

    const analyst = await login(t.app, 'kenniscentrum@demo.digisprong.be', DEMO_PASSWORD);
    const progress = followUpProgressSchema.parse((await analyst.request({ method: 'GET', url: '/api/centre/follow-up' })).json());
    const ticked = progress.flanders.ticked!;
    expect(progress.flanders.schools).toBeGreaterThanOrEqual(20);
    expect(ticked[0]).toBeGreaterThan(ticked[6]);
    expect(ticked[6]).toBeGreaterThan(0);
    expect(progress.byProvince.filter((group) => group.schools !== null).length).toBeGreaterThanOrEqual(3);
  });
});
