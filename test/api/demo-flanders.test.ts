import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { flandersPictureSchema } from '../../src/shared/centre/digisnap-picture';
import { pictureBreakdowns, pictureGroups } from '../../src/shared/centre/picture-vocabulary';
import { login, startTestApp, type TestApp } from '../support/test-app';

describe('the demo’s synthetic Flanders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app.services, t.app.db);
  });
  afterAll(() => t.close());

  it('fills every group of every breakdown of the centre’s picture with shown figures', async () => {
    const analyst = await login(t.app, 'kenniscentrum@demo.digisprong.be', DEMO_PASSWORD);
    for (const breakdown of pictureBreakdowns) {
      const response = await analyst.request({ method: 'GET', url: `/api/centre/overview?breakdown=${breakdown}` });
      const picture = flandersPictureSchema.parse(response.json().digisnap);
      // Every group but higher education, which the demo leaves out.
      expect(picture.groups.map((group) => group.key)).toEqual(pictureGroups[breakdown].filter((key) => key !== 'higher'));
      for (const group of picture.groups) {
        expect(group.respondents.hidden).toBe(false);
        expect(group.participation).toBeGreaterThan(50);
        expect(group.competences.every((competence) => competence.levels.some((cell) => !cell.hidden))).toBe(true);
      }
    }
  });

  it('has rounds finished at some schools, and teachers who cannot log in', async () => {
    const analyst = await login(t.app, 'kenniscentrum@demo.digisprong.be', DEMO_PASSWORD);
    const [flanders] = (await analyst.request({ method: 'GET', url: '/api/centre/overview' })).json().digisnap.groups;
    expect(flanders.schools).toBeGreaterThan(70);
    expect(flanders.schoolsWithFinishedRound).toBeGreaterThan(10);
    const login401 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'vl-1-1@demo-vlaanderen.digisprong.be', password: DEMO_PASSWORD } });
    expect(login401.statusCode).toBe(401);
  });
});
