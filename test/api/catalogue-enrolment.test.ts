import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate } from '../../src/shared/platform/brussels-time';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createSession, createTraining, providerAccount, sessionInput } from './catalogue-fixtures';

const hour = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('catalogue: enrolments, waiting lists, bookmarks and history', () => {
  let t: TestApp;
  let provider: TestClient;
  let trainingId: string;
  beforeAll(async () => {
    t = await startTestApp();
    provider = (await providerAccount(t, 'Enrolment Academy')).client;
    trainingId = (await createTraining(provider, { title: 'Klasmanagement met laptops' })).id;
  });
  afterAll(() => t.close());

  const newSession = (capacity: number, overrides = {}) => createSession(provider, trainingId, sessionInput(10, { capacity, ...overrides }));
  const enrol = (teacher: TestClient, sessionId: string) => teacher.request({ method: 'POST', url: `/api/sessions/${sessionId}/enrolments` });
  const cancel = (teacher: TestClient, enrolmentId: string) => teacher.request({ method: 'DELETE', url: `/api/enrolments/${enrolmentId}` });
  const teachers = (n: number) => Promise.all(Array.from({ length: n }, () => t.user('teacher')));
  const statuses = (responses: Array<{ json(): { status: string; position: number | null } }>) => responses.map((r) => r.json());

  describe('enrolInSession', () => {
    it('enrols while there are seats, then puts people on the waiting list in order', async () => {
      const session = await newSession(1);
      const [a, b, c] = await teachers(3);
      const first = await enrol(a, session.id);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ sessionId: session.id, trainingId, trainingTitle: 'Klasmanagement met laptops', status: 'enrolled', position: null });
      expect((await enrol(b, session.id)).json()).toMatchObject({ status: 'waitlisted', position: 1 });
      expect((await enrol(c, session.id)).json()).toMatchObject({ status: 'waitlisted', position: 2 });
      const seen = (await c.request({ method: 'GET', url: `/api/trainings/${trainingId}` })).json();
      expect(seen.sessions.find((s: { id: string }) => s.id === session.id)).toMatchObject({
        enrolled: 1,
        waitlisted: 2,
        seatsLeft: 0,
        myEnrolment: { status: 'waitlisted', position: 2 },
      });
    });

    it('gives the last seat to exactly one of two simultaneous requests', async () => {
      const session = await newSession(1);
      const [a, b] = await teachers(2);
      const results = await Promise.all([enrol(a, session.id), enrol(b, session.id)]);
      expect(results.map((r) => r.statusCode)).toEqual([201, 201]);
      const outcome = statuses(results)
        .map((e) => `${e.status}:${e.position}`)
        .sort();
      expect(outcome).toEqual(['enrolled:null', 'waitlisted:1']);
    });

    it('seats exactly 3 of 10 at once and lines up the other 7 as 1..7', async () => {
      const session = await newSession(3);
      const group = await teachers(10);
      const results = statuses(await Promise.all(group.map((teacher) => enrol(teacher, session.id))));
      expect(results.filter((e) => e.status === 'enrolled')).toHaveLength(3);
      expect(
        results
          .filter((e) => e.status === 'waitlisted')
          .map((e) => e.position)
          .sort((x, y) => x! - y!),
      ).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const list = (await provider.request({ method: 'GET', url: `/api/sessions/${session.id}/enrolments` })).json().items;
      expect(list.map((e: { status: string }) => e.status)).toEqual([...Array(3).fill('enrolled'), ...Array(7).fill('waitlisted')]);
    });

    it('refuses a second enrolment of the same person, even at once', async () => {
      const session = await newSession(5);
      const [a] = await teachers(1);
      const twice = await Promise.all([enrol(a, session.id), enrol(a, session.id)]);
      expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(errorOf(await enrol(a, session.id))).toMatchObject({ status: 409, id: 'conflict' });
    });

    it('closes after the enrolment deadline and once the session started', async () => {
      const now = Date.now();
      const deadlinePassed = await newSession(5, { enrolmentDeadline: iso(now - hour), cancellationDeadline: iso(now - hour) });
      const started = await createSession(provider, trainingId, sessionInput(-1));
      const [a] = await teachers(1);
      const late = await enrol(a, deadlinePassed.id);
      expect(errorOf(late)).toMatchObject({ status: 409, id: 'enrolment_closed', field: 'params.sessionId' });
      expect(late.json().error.message).toMatch(/closed at \d{4}-\d\d-\d\dT/);
      expect(errorOf(await enrol(a, started.id))).toMatchObject({ status: 409, id: 'enrolment_closed' });
    });

    it('does not find sessions of drafts or unknown sessions; needs a session', async () => {
      const draft = await createTraining(provider, { status: 'draft' });
      const session = await createSession(provider, draft.id, sessionInput(10));
      const [a] = await teachers(1);
      expect(errorOf(await enrol(a, session.id))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await enrol(a, 'no-such-session'))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/enrolments` }))).toMatchObject({ status: 401 });
      expect(errorOf(await a.request({ method: 'POST', url: `/api/sessions/${session.id}/enrolments`, csrf: false }))).toMatchObject({ status: 403, id: 'csrf_failed' });
    });
  });

  describe('cancelEnrolment', () => {
    it('frees the seat for the first on the waiting list; the others move up', async () => {
      const session = await newSession(1);
      const [a, b, c, d] = await teachers(4);
      const seat = (await enrol(a, session.id)).json();
      await enrol(b, session.id);
      await enrol(c, session.id);
      await enrol(d, session.id);
      const cancelled = await cancel(a, seat.id);
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json()).toMatchObject({ id: seat.id, status: 'cancelled', position: null });
      const mine = async (teacher: TestClient) => (await teacher.request({ method: 'GET', url: '/api/me/enrolments' })).json().items[0];
      expect(await mine(b)).toMatchObject({ status: 'enrolled', position: null });
      expect(await mine(c)).toMatchObject({ status: 'waitlisted', position: 1 });
      expect(await mine(d)).toMatchObject({ status: 'waitlisted', position: 2 });
      // Leaving the waiting list closes the gap behind.
      await cancel(c, (await mine(c)).id);
      expect(await mine(d)).toMatchObject({ status: 'waitlisted', position: 1 });
      expect((await a.request({ method: 'GET', url: '/api/me/enrolments' })).json().items).toEqual([]);
      // Enrolling again after cancelling is allowed.
      expect((await enrol(a, session.id)).json()).toMatchObject({ status: 'waitlisted', position: 2 });
    });

    it('refuses after the cancellation deadline with a reason naming it; a waiting place can always be given up', async () => {
      const now = Date.now();
      const session = await newSession(1, { cancellationDeadline: iso(now - hour) });
      const [a, b] = await teachers(2);
      const seat = (await enrol(a, session.id)).json();
      const waiting = (await enrol(b, session.id)).json();
      const refused = await cancel(a, seat.id);
      expect(errorOf(refused)).toMatchObject({ status: 409, id: 'cancellation_closed', field: 'params.enrolmentId' });
      expect(refused.json().error.message).toContain(iso(now - hour).slice(0, 13));
      expect((await cancel(b, waiting.id)).json()).toMatchObject({ status: 'cancelled' });
    });

    it("hides another person's enrolment, and needs a session", async () => {
      const session = await newSession(3);
      const [a, b] = await teachers(2);
      const seat = (await enrol(a, session.id)).json();
      expect(errorOf(await cancel(b, seat.id))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await provider.request({ method: 'DELETE', url: `/api/enrolments/${seat.id}` }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'DELETE', url: `/api/enrolments/${seat.id}` }))).toMatchObject({ status: 401 });
      // Cancelling twice is harmless.
      expect((await cancel(a, seat.id)).json().status).toBe('cancelled');
      expect((await cancel(a, seat.id)).json().status).toBe('cancelled');
    });
  });

  describe('listMyEnrolments', () => {
    it('lists live enrolments, soonest first; needs a session', async () => {
      const later = await createSession(provider, trainingId, sessionInput(30));
      const sooner = await createSession(provider, trainingId, sessionInput(3));
      const [a] = await teachers(1);
      await enrol(a, later.id);
      await enrol(a, sooner.id);
      const items = (await a.request({ method: 'GET', url: '/api/me/enrolments' })).json().items;
      expect(items.map((e: { sessionId: string }) => e.sessionId)).toEqual([sooner.id, later.id]);
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/me/enrolments' }))).toMatchObject({ status: 401 });
    });
  });

  describe('listSessionEnrolments', () => {
    it('shows the provider who enrolled, with their school, as JSON and CSV', async () => {
      const schoolId = await t.app.services.schools.createSchool({ name: 'VBS De Linde', province: 'antwerpen' });
      const teacher = await t.user('teacher', { schoolId });
      const session = await newSession(5);
      await enrol(teacher, session.id);
      const json = await provider.request({ method: 'GET', url: `/api/sessions/${session.id}/enrolments` });
      expect(json.statusCode).toBe(200);
      expect(json.json().items).toEqual([expect.objectContaining({ name: teacher.email, email: teacher.email, school: 'VBS De Linde', status: 'enrolled', position: null })]);
      const csv = await provider.request({ method: 'GET', url: `/api/sessions/${session.id}/enrolments?format=csv` });
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".*\.csv"/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('naam;email;school;status;wachtlijstpositie;ingeschreven_op');
      expect(lines[1]).toContain(`;${teacher.email};VBS De Linde;ingeschreven;;`);
    });

    it('is not found for another provider, forbidden for a teacher, and needs a session', async () => {
      const session = await newSession(5);
      const { client: other } = await providerAccount(t);
      expect(errorOf(await other.request({ method: 'GET', url: `/api/sessions/${session.id}/enrolments` }))).toMatchObject({ status: 404 });
      const [a] = await teachers(1);
      expect(errorOf(await a.request({ method: 'GET', url: `/api/sessions/${session.id}/enrolments` }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await provider.request({ method: 'GET', url: `/api/sessions/${session.id}/enrolments?format=pdf` }))).toMatchObject({
        status: 400,
        field: 'querystring.format',
      });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/enrolments` }))).toMatchObject({ status: 401 });
    });
  });

  describe('bookmarks', () => {
    it('adds, lists and removes bookmarks; shows them on the training', async () => {
      const [a] = await teachers(1);
      expect((await a.request({ method: 'PUT', url: `/api/me/bookmarks/${trainingId}` })).statusCode).toBe(204);
      expect((await a.request({ method: 'PUT', url: `/api/me/bookmarks/${trainingId}` })).statusCode).toBe(204);
      const list = (await a.request({ method: 'GET', url: '/api/me/bookmarks' })).json().items;
      expect(list.map((i: { id: string }) => i.id)).toEqual([trainingId]);
      expect((await a.request({ method: 'GET', url: `/api/trainings/${trainingId}` })).json().bookmarked).toBe(true);
      expect((await a.request({ method: 'DELETE', url: `/api/me/bookmarks/${trainingId}` })).statusCode).toBe(204);
      expect((await a.request({ method: 'GET', url: '/api/me/bookmarks' })).json().items).toEqual([]);
    });

    it('does not bookmark unknown trainings or drafts; needs a session', async () => {
      const [a] = await teachers(1);
      const draft = await createTraining(provider, { status: 'draft' });
      expect(errorOf(await a.request({ method: 'PUT', url: '/api/me/bookmarks/nope' }))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await a.request({ method: 'PUT', url: `/api/me/bookmarks/${draft.id}` }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'PUT', url: `/api/me/bookmarks/${trainingId}` }))).toMatchObject({ status: 401 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/me/bookmarks' }))).toMatchObject({ status: 401 });
    });
  });

  describe('completions', () => {
    it('records a completed training in the history, and removes it again', async () => {
      const [a] = await teachers(1);
      const today = brusselsDate();
      const put = await a.request({ method: 'PUT', url: `/api/me/completions/${trainingId}`, payload: { completedOn: today } });
      expect(put.statusCode).toBe(204);
      const history = (await a.request({ method: 'GET', url: '/api/me/completions' })).json().items;
      expect(history).toEqual([{ training: expect.objectContaining({ id: trainingId, title: 'Klasmanagement met laptops' }), completedOn: today }]);
      expect((await a.request({ method: 'GET', url: `/api/trainings/${trainingId}` })).json().completed).toBe(true);
      expect((await a.request({ method: 'DELETE', url: `/api/me/completions/${trainingId}` })).statusCode).toBe(204);
      expect((await a.request({ method: 'GET', url: '/api/me/completions' })).json().items).toEqual([]);
    });

    it('refuses a day in the future or not a day, unknown trainings, and anonymous callers', async () => {
      const [a] = await teachers(1);
      const url = `/api/me/completions/${trainingId}`;
      expect(errorOf(await a.request({ method: 'PUT', url, payload: { completedOn: '2999-01-01' } }))).toMatchObject({ status: 400, field: 'body.completedOn' });
      expect(errorOf(await a.request({ method: 'PUT', url, payload: { completedOn: '15/03/2026' } }))).toMatchObject({ status: 400, field: 'body.completedOn' });
      expect(errorOf(await a.request({ method: 'PUT', url, payload: {} }))).toMatchObject({ status: 400, field: 'body.completedOn' });
      expect(errorOf(await a.request({ method: 'PUT', url: '/api/me/completions/nope', payload: { completedOn: '2026-01-01' } }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'PUT', url, payload: { completedOn: '2026-01-01' } }))).toMatchObject({ status: 401 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/me/completions' }))).toMatchObject({ status: 401 });
    });

    it('refuses a day before the first session of the training, and takes that day itself', async () => {
      const [a] = await teachers(1);
      const training = await createTraining(provider, { title: 'Eén sessie' });
      const input = sessionInput(-2);
      await createSession(provider, training.id, input);
      const firstDay = brusselsDate(new Date(input.startsAt));
      const url = `/api/me/completions/${training.id}`;
      const dayBefore = brusselsDate(new Date(Date.parse(`${firstDay}T12:00:00Z`) - 86_400_000));
      expect(errorOf(await a.request({ method: 'PUT', url, payload: { completedOn: dayBefore } }))).toMatchObject({
        status: 400,
        id: 'completed_before_session',
        field: 'body.completedOn',
      });
      expect((await a.request({ method: 'GET', url: '/api/me/completions' })).json().items).toEqual([]);
      expect((await a.request({ method: 'PUT', url, payload: { completedOn: firstDay } })).statusCode).toBe(204);
      const selfPaced = await createTraining(provider, { title: 'Zelfstudie', kind: 'self_paced' });
      expect((await a.request({ method: 'PUT', url: `/api/me/completions/${selfPaced.id}`, payload: { completedOn: '2026-01-01' } })).statusCode).toBe(204);
    });
  });
});
