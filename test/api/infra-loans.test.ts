import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextStates } from '../../src/shared/infra/lifecycle';
import { type LoanDto, lendReportSchema, loanDetailSchema, loanListSchema } from '../../src/shared/infra/loan-api';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { addDevice, moveDevice } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const loansUrl = (schoolId: string, rest = '') => `/api/schools/${schoolId}/loans${rest}`;

describe('ICT park: loans to pupils and staff', () => {
  let t: TestApp;
  let w: SchoolWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  /** Devices in stock with these tags. */
  const devices = (client: TestClient, schoolId: string, tags: readonly string[]) => Promise.all(tags.map((assetTag) => addDevice(client, schoolId, { assetTag })));
  const stateOf = async (deviceId: string) => (await w.ictA.request({ method: 'GET', url: `/api/devices/${deviceId}` })).json().device.state;
  const lend = (client: TestClient, schoolId: string, body: Record<string, unknown>) => client.request({ method: 'POST', url: loansUrl(schoolId), payload: body });
  const returnDevices = (client: TestClient, schoolId: string, returns: unknown[]) => client.request({ method: 'POST', url: loansUrl(schoolId, '/returns'), payload: { returns } });

  it('lends a class its devices, one tag to each pupil, and takes them back with a note each', async () => {
    const [a, b, c] = await devices(w.ictA, w.schoolA, ['5A-01', '5A-02', '5A-03']);
    const lent = await lend(w.ictA, w.schoolA, {
      className: '5A',
      identifiedBy: 'number',
      dueOn: '2027-06-30',
      depositCents: 5000,
      contributionCents: 2500,
      loans: [
        { assetTag: '5A-01', borrower: 'L-001' },
        { assetTag: '5A-02', borrower: 'L-002' },
        { assetTag: '5A-03', borrower: 'L-003' },
      ],
    });
    expect(lent.statusCode).toBe(201);
    const report = lendReportSchema.parse(lent.json());
    expect(report.items.map((loan) => [loan.device.assetTag, loan.borrower, loan.className, loan.status, loan.depositCents])).toEqual([
      ['5A-01', 'L-001', '5A', 'open', 5000],
      ['5A-02', 'L-002', '5A', 'open', 5000],
      ['5A-03', 'L-003', '5A', 'open', 5000],
    ]);
    expect(await stateOf(a.id)).toBe('on_loan');
    const history = (await w.ictA.request({ method: 'GET', url: `/api/devices/${a.id}` })).json().history;
    expect(history.at(-1)).toMatchObject({ from: 'in_stock', to: 'on_loan', note: 'Loan to 5A' });

    const list = loanListSchema.parse((await w.principalA.request({ method: 'GET', url: loansUrl(w.schoolA, '?className=5A') })).json());
    expect(list.items).toHaveLength(3);
    expect(list.classes).toContain('5A');
    expect(list.canManage).toBe(true);

    const back = await returnDevices(w.ictA, w.schoolA, [
      { assetTag: '5A-01', condition: 'good' },
      { assetTag: '5A-02', condition: 'damaged', note: 'Scherm gebarsten' },
    ]);
    expect(back.statusCode).toBe(200);
    expect(lendReportSchema.parse(back.json()).items.map((loan) => [loan.device.assetTag, loan.status, loan.returnCondition, loan.returnNote])).toEqual([
      ['5A-01', 'returned', 'good', null],
      ['5A-02', 'returned', 'damaged', 'Scherm gebarsten'],
    ]);
    expect([await stateOf(a.id), await stateOf(b.id), await stateOf(c.id)]).toEqual(['in_stock', 'in_repair', 'on_loan']);
    const open = loanListSchema.parse((await w.ictA.request({ method: 'GET', url: loansUrl(w.schoolA, '?className=5A') })).json());
    expect(open.items.map((loan) => loan.device.assetTag)).toEqual(['5A-03']);
    const all = loanListSchema.parse((await w.ictA.request({ method: 'GET', url: loansUrl(w.schoolA, '?className=5A&status=all') })).json());
    expect(all.items).toHaveLength(3);

    // Returned once: a second return of the same device is refused; lent again, it opens a new loan.
    expect(errorOf(await returnDevices(w.ictA, w.schoolA, [{ assetTag: '5A-01', condition: 'good' }]))).toEqual({
      status: 422,
      id: 'loans_rejected',
      field: 'body.returns.0.assetTag',
    });
    expect((await lend(w.ictA, w.schoolA, { className: '6A', loans: [{ assetTag: '5A-01', borrower: 'Noor Peeters' }] })).statusCode).toBe(201);
  });

  it('refuses a bulk loan with any bad line, naming every one, and lends nothing', async () => {
    const [free, broken] = await devices(w.ictA, w.schoolA, ['RJ-01', 'RJ-02']);
    await moveDevice(w.ictA, broken.id, { to: 'in_repair' });
    await devices(w.ictA, w.schoolA, ['RJ-03']);
    expect((await lend(w.ictA, w.schoolA, { className: '4B', loans: [{ assetTag: 'RJ-03', borrower: 'Zoë' }] })).statusCode).toBe(201);
    const [elsewhere] = await devices(w.principalOther, w.other, ['RJ-04']);

    const refused = await lend(w.ictA, w.schoolA, {
      className: '6B',
      loans: [
        { assetTag: 'RJ-01', borrower: 'Anna' },
        { assetTag: 'RJ-02', borrower: 'Bram' },
        { assetTag: 'RJ-03', borrower: 'Cas' },
        { assetTag: 'RJ-04', borrower: 'Dirk' },
        { assetTag: 'RJ-01', borrower: 'Eva' },
        { assetTag: 'NOPE', borrower: 'Anna' },
      ],
    });
    expect(errorOf(refused)).toEqual({ status: 422, id: 'loans_rejected', field: 'body.loans.1.assetTag' });
    const details: Array<{ field: string; message: string }> = refused.json().error.details;
    expect(details.map((d) => d.field)).toEqual([
      'body.loans.1.assetTag',
      'body.loans.2.assetTag',
      'body.loans.3.assetTag',
      'body.loans.4.assetTag',
      'body.loans.5.assetTag',
      'body.loans.5.borrower',
    ]);
    expect(details[0].message).toBe('line 2: RJ-02 is in_repair, which cannot move to on_loan; it may move to in_stock, in_use, to_refurbish, lost_or_stolen, decommissioned');
    expect(details[1].message).toContain('on loan already');
    expect(details[2].message).toContain('no device with asset tag RJ-04');
    expect(details[3].message).toContain('line 1 already');
    expect([await stateOf(free.id), await stateOf(broken.id)]).toEqual(['in_stock', 'in_repair']);
    expect((await w.principalOther.request({ method: 'GET', url: `/api/devices/${elsewhere.id}` })).json().device.state).toBe('in_stock');
    expect(loanListSchema.parse((await w.ictA.request({ method: 'GET', url: loansUrl(w.schoolA, '?className=6B&status=all') })).json()).items).toEqual([]);
  });

  it('refuses bad input with the field at fault', async () => {
    const bad = async (body: Record<string, unknown>, field: string, url = loansUrl(w.schoolA)) => {
      const response = await w.ictA.request({ method: 'POST', url, payload: body });
      expect(errorOf(response)).toMatchObject({ status: 400, id: 'validation_error' });
      expect(response.body).toContain(field);
    };
    await bad({ className: '', loans: [{ assetTag: 'X', borrower: 'Y' }] }, 'className');
    await bad({ className: '5A', loans: [] }, 'loans');
    await bad({ className: '5A', loans: [{ assetTag: '', borrower: 'Y' }] }, 'assetTag');
    await bad({ className: '5A', identifiedBy: 'number', loans: [{ assetTag: 'X', borrower: 'Jan Janssens' }] }, 'borrower');
    await bad({ className: '5A', depositCents: -1, loans: [{ assetTag: 'X', borrower: 'Y' }] }, 'depositCents');
    await bad({ className: '5A', dueOn: '2027-02-30', loans: [{ assetTag: 'X', borrower: 'Y' }] }, 'dueOn');
    await bad({ borrowerKind: 'staff', assetTag: 'X', borrower: 'Y' }, 'dueOn', loansUrl(w.schoolA, '/single'));
    await bad({ borrowerKind: 'parent', assetTag: 'X', borrower: 'Y', dueOn: '2027-01-01' }, 'borrowerKind', loansUrl(w.schoolA, '/single'));
    await bad({ returns: [{ assetTag: 'X', condition: 'broken' }] }, 'condition', loansUrl(w.schoolA, '/returns'));
  });

  it('lends one device to a staff member with amounts, shows its agreement, and lists it once overdue', async () => {
    await devices(w.ictA, w.schoolA, ['ST-01']);
    const created = await w.principalA.request({
      method: 'POST',
      url: loansUrl(w.schoolA, '/single'),
      payload: {
        borrowerKind: 'staff',
        borrower: 'Juf An',
        assetTag: 'ST-01',
        lentOn: '2026-09-01',
        dueOn: '2026-10-01',
        depositCents: 10_000,
        conditions: 'Zorg goed voor het toestel.',
      },
    });
    expect(created.statusCode).toBe(201);
    const { loan } = loanDetailSchema.parse(created.json());
    expect(loan).toMatchObject({ borrowerKind: 'staff', borrower: 'Juf An', className: null, dueOn: '2026-10-01', depositCents: 10_000, contributionCents: null, status: 'overdue' });
    const agreement = loanDetailSchema.parse((await w.boardAdmin.request({ method: 'GET', url: `/api/loans/${loan.id}` })).json());
    expect(agreement).toMatchObject({ loan: { id: loan.id, conditions: 'Zorg goed voor het toestel.', device: { assetTag: 'ST-01', manufacturer: 'Lenovo' } }, canManage: false });

    const late = loanListSchema.parse((await w.ictA.request({ method: 'GET', url: loansUrl(w.schoolA, '?status=not_returned') })).json());
    expect(late.items.map((item: LoanDto) => item.device.assetTag)).toContain('ST-01');
    expect(late.items.every((item: LoanDto) => item.status === 'overdue' || item.status === 'year_ended')).toBe(true);
    const csv = await w.ictA.request({ method: 'GET', url: loansUrl(w.schoolA, '/export') });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('ST-01');
    expect(csv.body).toContain('Juf An;personeelslid;2026-09-01;2026-10-01;100,00;;te laat');
  });

  it('lets the board read loans and change none, hides them from teachers, other schools and callers without a session', async () => {
    await devices(w.ictA, w.schoolA, ['SEC-01']);
    const body = { className: '3A', loans: [{ assetTag: 'SEC-01', borrower: 'Pupil' }] };
    expect(errorOf(await lend(w.boardAdmin, w.schoolA, body))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await returnDevices(w.boardAdmin, w.schoolA, [{ assetTag: 'SEC-01', condition: 'good' }]))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await lend(w.teacherA, w.schoolA, body))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: loansUrl(w.schoolA) }))).toMatchObject({ status: 403, id: 'forbidden' });
    const board = await w.boardAdmin.request({ method: 'GET', url: loansUrl(w.schoolA) });
    expect(board.statusCode).toBe(200);
    expect(board.json().canManage).toBe(false);

    // Another school's manager cannot lend school A's devices: to them those tags do not exist.
    const otherIct = await t.user('ict_coordinator', { schoolId: w.other });
    expect(errorOf(await lend(otherIct, w.schoolA, body))).toMatchObject({ status: 404, id: 'not_found' });
    const own = await lend(otherIct, w.other, body);
    expect(errorOf(own)).toMatchObject({ status: 422, id: 'loans_rejected' });
    const lent = lendReportSchema.parse((await lend(w.ictA, w.schoolA, body)).json());
    expect(errorOf(await otherIct.request({ method: 'GET', url: `/api/loans/${lent.items[0].id}` }))).toEqual({ status: 404, id: 'not_found', field: 'loanId' });
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: `/api/loans/${lent.items[0].id}` }))).toMatchObject({ status: 403 });

    for (const url of [loansUrl(w.schoolA), loansUrl(w.schoolA, '/export'), `/api/loans/${lent.items[0].id}`]) {
      expect(errorOf(await t.app.inject({ method: 'GET', url }))).toMatchObject({ status: 401, id: 'unauthenticated' });
    }
    expect(errorOf(await t.app.inject({ method: 'POST', url: loansUrl(w.schoolA), payload: body }))).toMatchObject({ status: 401 });
    expect(errorOf(await lend(w.ictA, w.schoolA, { ...body, className: '3B' }))).toMatchObject({ status: 422 });
    expect(
      errorOf(await w.ictA.request({ method: 'POST', url: loansUrl(w.schoolA, '/returns'), payload: { returns: [{ assetTag: 'SEC-01', condition: 'good' }] }, csrf: false })),
    ).toMatchObject({
      status: 403,
      id: 'csrf_failed',
    });
  });

  it('refuses a move out of on loan by hand while the loan is open, but records a loss and keeps the loan open', async () => {
    const [device] = await devices(w.ictA, w.schoolA, ['HAND-01']);
    expect((await lend(w.ictA, w.schoolA, { className: '2A', loans: [{ assetTag: 'HAND-01', borrower: 'P1' }] })).statusCode).toBe(201);
    expect(errorOf(await moveDevice(w.ictA, device.id, { to: 'in_stock' }))).toEqual({ status: 409, id: 'transition_not_allowed', field: 'body.to' });
    expect(await stateOf(device.id)).toBe('on_loan');
    // The device page offers only the move it may make by hand.
    expect((await w.ictA.request({ method: 'GET', url: `/api/devices/${device.id}` })).json().device.nextStates).toEqual(['lost_or_stolen']);
    expect((await moveDevice(w.ictA, device.id, { to: 'lost_or_stolen', note: 'Verloren op uitstap' })).statusCode).toBe(200);
    const open = loanListSchema.parse((await w.ictA.request({ method: 'GET', url: loansUrl(w.schoolA, '?status=open&className=2A') })).json());
    expect(open.items.map((loan) => loan.device.assetTag)).toEqual(['HAND-01']);
    expect((await returnDevices(w.ictA, w.schoolA, [{ assetTag: 'HAND-01', condition: 'good' }])).statusCode).toBe(200);
    expect(await stateOf(device.id)).toBe('in_stock');
    // Once the loan is closed, the device offers every move again.
    expect((await w.ictA.request({ method: 'GET', url: `/api/devices/${device.id}` })).json().device.nextStates).toEqual(nextStates('in_stock'));
  });

  it('shows teachers the devices they have on loan, and nobody else’s', async () => {
    await devices(w.ictA, w.schoolA, ['MINE-01', 'MINE-02']);
    const me = (await w.teacherA.request({ method: 'GET', url: '/api/auth/me' })).json().user;
    const single = (assetTag: string, borrowerKind: string, borrower: string) =>
      w.ictA.request({ method: 'POST', url: loansUrl(w.schoolA, '/single'), payload: { assetTag, borrowerKind, borrower, dueOn: '2027-06-30' } });
    expect((await single('MINE-01', 'staff', me.displayName.toUpperCase())).statusCode).toBe(201);
    expect((await single('MINE-02', 'pupil', me.displayName)).statusCode).toBe(201);
    const mine = (await w.teacherA.request({ method: 'GET', url: '/api/me/loans' })).json();
    expect(mine.items.map((loan: LoanDto) => loan.device.assetTag)).toEqual(['MINE-01']);
    expect((await w.principalOther.request({ method: 'GET', url: '/api/me/loans' })).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/loans' })).statusCode).toBe(401);
  });

  it('binds a staff loan to a team member’s account, who keeps seeing it after leaving the school', async () => {
    await devices(w.ictA, w.schoolA, ['BOUND-01', 'BOUND-02']);
    const teacher = await t.user('teacher', { schoolId: w.schoolA });
    const me = (await teacher.request({ method: 'GET', url: '/api/auth/me' })).json().user;
    const single = (payload: Record<string, unknown>) => w.ictA.request({ method: 'POST', url: loansUrl(w.schoolA, '/single'), payload: { dueOn: '2027-06-30', ...payload } });

    const lent = await single({ assetTag: 'BOUND-01', borrowerKind: 'staff', borrowerUserId: me.id });
    expect(lent.statusCode).toBe(201);
    expect(loanDetailSchema.parse(lent.json()).loan).toMatchObject({ borrower: me.displayName, borrowerUserId: me.id, identifiedBy: 'name' });
    // Bad input names the field and lends nothing: a pupil is never an account, nor is someone of another school or nobody.
    const otherTeacher = (await w.principalOther.request({ method: 'GET', url: '/api/auth/me' })).json().user;
    expect(errorOf(await single({ assetTag: 'BOUND-02', borrowerKind: 'pupil', borrowerUserId: me.id }))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.borrowerUserId',
    });
    expect(errorOf(await single({ assetTag: 'BOUND-02', borrowerKind: 'staff', borrowerUserId: otherTeacher.id }))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.borrowerUserId',
    });
    expect(errorOf(await single({ assetTag: 'BOUND-02', borrowerKind: 'staff', borrowerUserId: 'no-such-user' }))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.borrowerUserId',
    });
    expect(errorOf(await single({ assetTag: 'BOUND-02', borrowerKind: 'staff' }))).toEqual({ status: 400, id: 'validation_error', field: 'body.borrower' });
    expect(await stateOf((await w.ictA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/devices?q=BOUND-02` })).json().items[0].id)).toBe('in_stock');

    const mine = async () => (await teacher.request({ method: 'GET', url: '/api/me/loans' })).json().items.map((loan: LoanDto) => loan.device.assetTag);
    expect(await mine()).toEqual(['BOUND-01']);
    expect((await teacher.request({ method: 'DELETE', url: `/api/me/schools/${w.schoolA}` })).statusCode).toBe(204);
    expect(await mine()).toEqual(['BOUND-01']);
    // Another account of the same name sees nothing of it.
    expect((await w.teacherA.request({ method: 'GET', url: '/api/me/loans' })).json().items.map((loan: LoanDto) => loan.device.assetTag)).not.toContain('BOUND-01');
  });

  it('refuses a due date before the loan date, naming the field', async () => {
    await devices(w.ictA, w.schoolA, ['DUE-01']);
    const base = { className: '3A', loans: [{ assetTag: 'DUE-01', borrower: 'P1' }] };
    expect(errorOf(await lend(w.ictA, w.schoolA, { ...base, lentOn: '2026-09-01', dueOn: '2026-08-31' }))).toEqual({ status: 400, id: 'validation_error', field: 'body.dueOn' });
    expect(errorOf(await lend(w.ictA, w.schoolA, { ...base, dueOn: '2000-01-01' }))).toMatchObject({ status: 400, field: 'body.dueOn' });
    expect((await lend(w.ictA, w.schoolA, { ...base, lentOn: '2026-09-01', dueOn: '2026-09-01' })).statusCode).toBe(201);
  });

  it('keeps a device on one open loan when two requests lend it at once', async () => {
    await devices(w.ictA, w.schoolA, ['RACE-L1']);
    const answers = await Promise.all(['1', '2', '3', '4'].map((n) => lend(w.ictA, w.schoolA, { className: `R${n}`, loans: [{ assetTag: 'RACE-L1', borrower: `P${n}` }] })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422, 422, 422]);
    const all = loanListSchema.parse((await w.ictA.request({ method: 'GET', url: loansUrl(w.schoolA, '?status=all') })).json());
    expect(all.items.filter((loan) => loan.device.assetTag === 'RACE-L1')).toHaveLength(1);
  });
});
