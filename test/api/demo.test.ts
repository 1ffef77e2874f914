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

  it('gives the demo school a park of 60 devices of several models, years and states, that the ICT coordinator manages', async () => {
    const ict = await login(t.app, 'ict@demo.digisprong.be', DEMO_PASSWORD);
    const schoolId = (await ict.request({ method: 'GET', url: '/api/auth/me' })).json().user.memberships[0].schoolId;
    const list = (await ict.request({ method: 'GET', url: `/api/schools/${schoolId}/devices?limit=200` })).json();
    expect(list.total).toBe(60);
    expect(list.canManage).toBe(true);
    const types = new Set(list.items.map((d: { model: { type: string } }) => d.model.type));
    const years = new Set(list.items.map((d: { purchaseDate: string }) => d.purchaseDate.slice(0, 4)));
    const states = new Set(list.items.map((d: { state: string }) => d.state));
    expect(types.size).toBeGreaterThanOrEqual(6);
    expect(years.size).toBeGreaterThanOrEqual(5);
    expect([...states]).toEqual(expect.arrayContaining(['in_use', 'on_loan', 'in_repair', 'to_refurbish', 'decommissioned', 'disposed']));
    const disposed = list.items.find((d: { state: string }) => d.state === 'disposed');
    const detail = (await ict.request({ method: 'GET', url: `/api/devices/${disposed.id}` })).json();
    expect(detail.sanitisation).toMatchObject({ method: 'purge' });
    expect(detail.history.map((e: { to: string }) => e.to)).toEqual(['to_refurbish', 'decommissioned', 'disposed']);

    const loans = (await ict.request({ method: 'GET', url: `/api/schools/${schoolId}/loans` })).json();
    expect(loans.classes).toEqual(['5A', '6A']);
    expect(loans.items.filter((loan: { className: string | null }) => loan.className === '5A')).toHaveLength(11);
    expect(loans.items.filter((loan: { borrowerKind: string }) => loan.borrowerKind === 'staff')).toHaveLength(1);

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
});
