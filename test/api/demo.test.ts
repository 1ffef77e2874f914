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

  it('gives the demo school a park of 168 devices of several models, years and states, that the ICT coordinator manages', async () => {
    const ict = await login(t.app, 'ict@demo.digisprong.be', DEMO_PASSWORD);
    const schoolId = (await ict.request({ method: 'GET', url: '/api/auth/me' })).json().user.memberships[0].schoolId;
    const list = (await ict.request({ method: 'GET', url: `/api/schools/${schoolId}/devices?limit=200` })).json();
    expect(list.total).toBe(168);
    expect(list.canManage).toBe(true);
    const types = new Set(list.items.map((d: { model: { type: string } }) => d.model.type));
    const years = new Set(list.items.map((d: { purchaseDate: string }) => d.purchaseDate.slice(0, 4)));
    const states = new Set(list.items.map((d: { state: string }) => d.state));
    expect(types.size).toBeGreaterThanOrEqual(6);
    expect(years.size).toBeGreaterThanOrEqual(8);
    expect([...states]).toEqual(expect.arrayContaining(['in_use', 'on_loan', 'in_repair', 'to_refurbish', 'decommissioned', 'disposed']));
    const disposed = list.items.find((d: { state: string }) => d.state === 'disposed');
    const detail = (await ict.request({ method: 'GET', url: `/api/devices/${disposed.id}` })).json();
    expect(detail.sanitisation).toMatchObject({ method: 'purge' });
    expect(detail.history.map((e: { to: string }) => e.to)).toEqual(['to_refurbish', 'decommissioned', 'disposed']);

    const loans = (await ict.request({ method: 'GET', url: `/api/schools/${schoolId}/loans` })).json();
    expect(loans.classes).toEqual(['5A', '6A']);
    // A class each for the 5th and 6th year, one Chromebook a pupil.
    expect(loans.items.filter((loan: { className: string | null }) => loan.className === '5A')).toHaveLength(26);
    expect(loans.items.filter((loan: { className: string | null }) => loan.className === '6A')).toHaveLength(26);
    expect(loans.items.filter((loan: { borrowerKind: string }) => loan.borrowerKind === 'staff')).toHaveLength(2);
    const teacher = await login(t.app, 'leerkracht@demo.digisprong.be', DEMO_PASSWORD);
    expect((await teacher.request({ method: 'GET', url: '/api/me/loans' })).json().items.map((loan: { device: { assetTag: string } }) => loan.device.assetTag)).toEqual(['LT-009']);
    // The ICT policy plan offers the park's replacement among its sources.
    const principal = await login(t.app, 'directie@demo.digisprong.be', DEMO_PASSWORD);
    const park = (await principal.request({ method: 'GET', url: `/api/schools/${schoolId}/policy-plan/suggestions?kind=ict_park&id=${schoolId}` })).json();
    expect(park.items.some((item: { key: string }) => item.key.startsWith('replacement_'))).toBe(true);

    const batches = (await ict.request({ method: 'GET', url: `/api/schools/${schoolId}/decommission-batches` })).json();
    expect(batches.items).toEqual([expect.objectContaining({ devices: 2, certified: true })]);
    const forecast = (await ict.request({ method: 'GET', url: `/api/schools/${schoolId}/replacement-forecast` })).json();
    expect(forecast.due.length).toBeGreaterThan(0);
    expect(forecast.years.filter((year: { devices: number }) => year.devices > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the demo board two schools with Digisprong counts and spending, two lines ready for audit with their invoices', async () => {
    const board = await login(t.app, 'bestuur@demo.digisprong.be', DEMO_PASSWORD);
    const schoolId = (await board.request({ method: 'GET', url: '/api/auth/me' })).json().user.memberships[0].schoolId;
    const boardId = (await board.request({ method: 'GET', url: `/api/schools/${schoolId}` })).json().board.id;
    const summary = (await board.request({ method: 'GET', url: `/api/boards/${boardId}/funding` })).json();
    expect(summary.schools).toHaveLength(2);
    expect(summary.spending).toHaveLength(4);
    const demo = summary.schools.find((school: { schoolName: string }) => school.schoolName === 'Basisschool De Sprong (demo)');
    expect(demo).toMatchObject({ lines: 3, auditReady: 2, deadline: '2024-08-31' });
    expect(demo.budgetCents).toBeGreaterThan(demo.spentCents);

    // Both schools' parks, 255 devices, and the board's figures over them.
    const devices = (await board.request({ method: 'GET', url: `/api/boards/${boardId}/devices?limit=1` })).json();
    expect(devices.total).toBe(255);
    const figures = (await board.request({ method: 'GET', url: `/api/boards/${boardId}/infra/indicators` })).json();
    expect(figures.schools).toHaveLength(2);
  });
  it('fills the STEM monitor with demo counts from 2010-2011 to 2023-2024, labelled demo, on the published headline figures', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/stem/definitions' })).json();
    expect(list.years).toHaveLength(14);
    expect(list.years.every((year: { source: string }) => year.source === 'demo')).toBe(true);
    const latest = (await t.app.inject({ method: 'GET', url: '/api/stem/indicators?year=2023-2024&breakdown=province' })).json();
    expect(latest.source).toBe('demo');
    const grade23 = latest.indicators.find((value: { indicator: string }) => value.indicator === 'secondary_grade23_stem_share');
    expect(grade23.total.share).toBeCloseTo(0.364, 6);
    expect(grade23.definition).toBe('domain_2');
    expect(grade23.groups).toHaveLength(6);
    const series = (await t.app.inject({ method: 'GET', url: '/api/stem/series?indicator=secondary_year3_stem_share' })).json();
    expect(series.baseline.total.share).toBeCloseTo(0.335, 6);
  });
  it('fills the knowledge centre’s register: two actions per front, and two bootcamp tracks with a completed and an unfinished team', async () => {
    const analyst = await login(t.app, 'kenniscentrum@demo.digisprong.be', DEMO_PASSWORD);
    const { actions } = (await analyst.request({ method: 'GET', url: '/api/centre/actions' })).json();
    const fronts = (actions as Array<{ front: string }>).map((action) => action.front);
    expect(['government', 'infrastructure', 'policy', 'resources', 'skills'].map((front) => fronts.filter((f) => f === front).length)).toEqual([2, 2, 2, 2, 2]);
    const bootcampAction = actions.find((action: { programme: string | null }) => action.programme === 'it_bootcamps');
    expect(bootcampAction.reach).toMatchObject({ source: 'programme' });
    expect(bootcampAction.reach.schools).toBeGreaterThan(10);
    const programme = (await analyst.request({ method: 'GET', url: '/api/centre/bootcamps' })).json();
    expect(programme.tracks).toHaveLength(2);
    expect(programme.tracks[0].training).not.toBeNull();
    const [spring] = programme.tracks[0].cohorts;
    expect(spring).toMatchObject({ sessions: 12, sessionsHeld: 12 });
    const completed = spring.teams.map((team: { completion: { completed: boolean } }) => team.completion.completed);
    expect(completed).toContain(true);
    expect(completed).toContain(false);
  });
});
