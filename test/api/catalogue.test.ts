import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSchema } from '../../src/shared/catalogue/api';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { createSession, createTraining, providerAccount, sessionInput, trainingInput } from './catalogue-fixtures';

describe('catalogue: providers, trainings and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('providers', () => {
    it('an admin adds a provider, a centre analyst verifies it; anyone sees only verified ones', async () => {
      const admin = await t.user('admin');
      const created = await admin.request({
        method: 'POST',
        url: '/api/providers',
        payload: { name: 'Pedagogische Begeleidingsdienst', contactEmail: 'info@pbd.test', website: 'https://pbd.test' },
      });
      expect(created.statusCode).toBe(201);
      const provider = created.json();
      expect(provider).toMatchObject({ name: 'Pedagogische Begeleidingsdienst', verified: false, website: 'https://pbd.test' });

      const anonymous = async () => (await t.app.inject({ method: 'GET', url: '/api/providers' })).json().items.map((p: { id: string }) => p.id);
      expect(await anonymous()).not.toContain(provider.id);
      const asAdmin = (await admin.request({ method: 'GET', url: '/api/providers' })).json().items;
      expect(asAdmin.map((p: { id: string }) => p.id)).toContain(provider.id);

      const analyst = await t.user('centre_analyst');
      const verified = await analyst.request({ method: 'POST', url: `/api/providers/${provider.id}/verify` });
      expect(verified.statusCode).toBe(200);
      expect(verified.json().verified).toBe(true);
      expect(await anonymous()).toContain(provider.id);
    });

    it('refuses bad input, other roles and anonymous callers', async () => {
      const admin = await t.user('admin');
      expect(errorOf(await admin.request({ method: 'POST', url: '/api/providers', payload: { name: 'X', contactEmail: 'not-an-email' } }))).toMatchObject({
        status: 400,
        id: 'validation_error',
      });
      const bad = await admin.request({ method: 'POST', url: '/api/providers', payload: { name: 'Goede naam', contactEmail: 'nope' } });
      expect(errorOf(bad)).toMatchObject({ status: 400, field: 'body.contactEmail' });
      const teacher = await t.user('teacher');
      const refused = await teacher.request({ method: 'POST', url: '/api/providers', payload: { name: 'Mijn firma', contactEmail: 'a@b.be' } });
      expect(errorOf(refused)).toMatchObject({ status: 403, id: 'forbidden' });
      expect(refused.json().error.message).toBe('Only an admin or a centre analyst may add providers');
      expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/providers', payload: { name: 'Mijn firma', contactEmail: 'a@b.be' } }))).toMatchObject({
        status: 401,
      });
      const { client: provider, providerId } = await providerAccount(t);
      const unverified = await provider.request({ method: 'POST', url: `/api/providers/${providerId}/verify` });
      expect(errorOf(unverified)).toMatchObject({ status: 403, id: 'forbidden' });
      expect(unverified.json().error.message).toBe('Only an admin or a centre analyst may verify providers');
      expect(errorOf(await admin.request({ method: 'POST', url: '/api/providers/nope/verify' }))).toMatchObject({ status: 404, id: 'not_found' });
    });

    it('lists the provider organisations in the current user', async () => {
      const { client, providerId } = await providerAccount(t, 'Hogeschool Test');
      const me = (await client.request({ method: 'GET', url: '/api/auth/me' })).json();
      expect(me.user.providers).toEqual([{ providerId, providerName: 'Hogeschool Test' }]);
      const teacher = await t.user('teacher');
      expect((await teacher.request({ method: 'GET', url: '/api/auth/me' })).json().user.providers).toEqual([]);
    });
  });

  describe('createTraining and updateTraining', () => {
    it('a provider creates a training of its own organisation and changes it', async () => {
      const { client, providerId } = await providerAccount(t);
      const created = await client.request({ method: 'POST', url: '/api/trainings', payload: trainingInput() });
      expect(created.statusCode).toBe(201);
      const training = created.json();
      expect(trainingSchema.safeParse(training).success).toBe(true);
      expect(training).toMatchObject({
        title: 'Digitaal evalueren in de klas',
        provider: { id: providerId, verified: false },
        levelSteps: [{ competence: '4.1', from: 'A2', to: 'B1' }],
        priceEuro: 45,
        sessions: [],
        policies: { canEdit: true, canEnrol: false },
      });
      const changed = await client.request({
        method: 'PUT',
        url: `/api/trainings/${training.id}`,
        payload: trainingInput({ title: 'Digitaal evalueren, deel 2', priceEuro: 19.99, location: null, kind: 'live_online' }),
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ title: 'Digitaal evalueren, deel 2', priceEuro: 19.99, location: null, kind: 'live_online' });
    });

    it('names the field of bad input', async () => {
      const { client } = await providerAccount(t);
      const post = (payload: unknown) => client.request({ method: 'POST', url: '/api/trainings', payload: payload as object });
      expect(errorOf(await post({ ...trainingInput(), title: '' }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.title' });
      expect(errorOf(await post({ ...trainingInput(), priceEuro: -1 }))).toMatchObject({ status: 400, field: 'body.priceEuro' });
      expect(errorOf(await post({ ...trainingInput(), kind: 'circus' }))).toMatchObject({ status: 400, field: 'body.kind' });
      expect(errorOf(await post({ ...trainingInput(), levelSteps: [{ competence: '4.1', from: 'B1', to: 'A2' }] }))).toMatchObject({
        status: 400,
        field: 'body.levelSteps.0.to',
      });
      expect(errorOf(await post({ ...trainingInput(), levelSteps: [{ competence: '9.9', from: 'A1', to: 'A2' }] }))).toMatchObject({
        status: 400,
        field: 'body.levelSteps.0.competence',
      });
      expect(
        errorOf(
          await post({
            ...trainingInput(),
            levelSteps: [
              { competence: '4.1', from: 'A1', to: 'A2' },
              { competence: '4.1', from: 'A2', to: 'B1' },
            ],
          }),
        ),
      ).toMatchObject({ status: 400, field: 'body.levelSteps.1.competence' });
      expect(errorOf(await post({ ...trainingInput(), location: { address: 'x', postalCode: '12', city: 'Gent', province: 'gent' } }))).toMatchObject({
        status: 400,
        field: 'body.location.postalCode',
      });
    });

    it('403 for a teacher, 404 for another provider, 401 without a session', async () => {
      const { client: owner } = await providerAccount(t);
      const { client: other } = await providerAccount(t);
      const training = await createTraining(owner);
      const teacher = await t.user('teacher');
      expect(errorOf(await teacher.request({ method: 'POST', url: '/api/trainings', payload: trainingInput() }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await teacher.request({ method: 'PUT', url: `/api/trainings/${training.id}`, payload: trainingInput() }))).toMatchObject({ status: 403 });
      expect(errorOf(await other.request({ method: 'PUT', url: `/api/trainings/${training.id}`, payload: trainingInput() }))).toMatchObject({
        status: 404,
        id: 'not_found',
      });
      expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/trainings', payload: trainingInput() }))).toMatchObject({ status: 401 });
      expect(errorOf(await owner.request({ method: 'PUT', url: `/api/trainings/${training.id}`, payload: trainingInput(), csrf: false }))).toMatchObject({
        status: 403,
        id: 'csrf_failed',
      });
    });

    it('an admin creates for a provider named in ?providerId=, and must name one', async () => {
      const { providerId } = await providerAccount(t);
      const admin = await t.user('admin');
      expect(errorOf(await admin.request({ method: 'POST', url: '/api/trainings', payload: trainingInput() }))).toMatchObject({
        status: 400,
        field: 'query.providerId',
      });
      const created = await admin.request({ method: 'POST', url: `/api/trainings?providerId=${providerId}`, payload: trainingInput() });
      expect(created.statusCode).toBe(201);
      expect(created.json().provider.id).toBe(providerId);
      expect(errorOf(await admin.request({ method: 'POST', url: '/api/trainings?providerId=nope', payload: trainingInput() }))).toMatchObject({
        status: 404,
        field: 'query.providerId',
      });
    });
  });

  describe('getTraining', () => {
    it('shows published trainings to anyone; drafts only to their provider and admins', async () => {
      const { client: owner } = await providerAccount(t);
      const { client: other } = await providerAccount(t);
      const published = await createTraining(owner);
      const draft = await createTraining(owner, { status: 'draft' });
      const anonymous = await t.app.inject({ method: 'GET', url: `/api/trainings/${published.id}` });
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.json()).toMatchObject({ bookmarked: false, completed: false, policies: { canEdit: false, canEnrol: false } });
      expect((await t.app.inject({ method: 'GET', url: `/api/trainings/${draft.id}` })).statusCode).toBe(404);
      expect((await other.request({ method: 'GET', url: `/api/trainings/${draft.id}` })).statusCode).toBe(404);
      expect((await owner.request({ method: 'GET', url: `/api/trainings/${draft.id}` })).json().policies.canEdit).toBe(true);
      expect((await (await t.user('admin')).request({ method: 'GET', url: `/api/trainings/${draft.id}` })).statusCode).toBe(200);
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/trainings/${'x'.repeat(65)}` }))).toMatchObject({ status: 400, field: 'params.trainingId' });
    });

    it('lists upcoming sessions first, then past ones, and tells a teacher they may enrol', async () => {
      const { client: owner } = await providerAccount(t);
      const training = await createTraining(owner);
      const past = await createSession(owner, training.id, sessionInput(-10));
      const later = await createSession(owner, training.id, sessionInput(30));
      const soon = await createSession(owner, training.id, sessionInput(5));
      const teacher = await t.user('teacher');
      const body = (await teacher.request({ method: 'GET', url: `/api/trainings/${training.id}` })).json();
      expect(body.sessions.map((s: { id: string }) => s.id)).toEqual([soon.id, later.id, past.id]);
      expect(body.sessions[0]).toMatchObject({ capacity: 20, enrolled: 0, waitlisted: 0, seatsLeft: 20, myEnrolment: null });
      expect(body.policies).toEqual({ canEdit: false, canEnrol: true });
    });
  });

  describe('createSession and updateSession', () => {
    it('adds and changes a session; refuses impossible times and other providers', async () => {
      const { client: owner } = await providerAccount(t);
      const { client: other } = await providerAccount(t);
      const training = await createTraining(owner);
      const created = await owner.request({ method: 'POST', url: `/api/trainings/${training.id}/sessions`, payload: sessionInput(14) });
      expect(created.statusCode).toBe(201);
      const session = created.json();
      expect(session).toMatchObject({ trainingId: training.id, capacity: 20, seatsLeft: 20, online: false, place: 'Gent' });
      const changed = await owner.request({ method: 'PUT', url: `/api/sessions/${session.id}`, payload: sessionInput(15, { capacity: 5, online: true, place: null }) });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ capacity: 5, seatsLeft: 5, online: true, place: null });

      const start = sessionInput(14);
      expect(errorOf(await owner.request({ method: 'POST', url: `/api/trainings/${training.id}/sessions`, payload: { ...start, endsAt: start.startsAt } }))).toMatchObject({
        status: 400,
        field: 'body.endsAt',
      });
      expect(errorOf(await owner.request({ method: 'POST', url: `/api/trainings/${training.id}/sessions`, payload: { ...start, enrolmentDeadline: start.endsAt } }))).toMatchObject({
        status: 400,
        field: 'body.enrolmentDeadline',
      });
      expect(errorOf(await owner.request({ method: 'POST', url: `/api/trainings/${training.id}/sessions`, payload: { ...start, capacity: 0 } }))).toMatchObject({
        status: 400,
        field: 'body.capacity',
      });
      expect(errorOf(await owner.request({ method: 'POST', url: `/api/trainings/${training.id}/sessions`, payload: { ...start, startsAt: 'morgen' } }))).toMatchObject({
        status: 400,
        field: 'body.startsAt',
      });
      expect(errorOf(await other.request({ method: 'POST', url: `/api/trainings/${training.id}/sessions`, payload: start }))).toMatchObject({ status: 404 });
      expect(errorOf(await other.request({ method: 'PUT', url: `/api/sessions/${session.id}`, payload: start }))).toMatchObject({ status: 404 });
      const teacher = await t.user('teacher');
      expect(errorOf(await teacher.request({ method: 'PUT', url: `/api/sessions/${session.id}`, payload: start }))).toMatchObject({ status: 403 });
      expect(errorOf(await t.app.inject({ method: 'PUT', url: `/api/sessions/${session.id}`, payload: start }))).toMatchObject({ status: 401 });
    });

    it('never lowers the capacity below the people enrolled, and gives added seats to the waiting list', async () => {
      const { client: owner } = await providerAccount(t);
      const training = await createTraining(owner);
      const session = await createSession(owner, training.id, sessionInput(14, { capacity: 2 }));
      const teachers = [await t.user(), await t.user(), await t.user()];
      for (const teacher of teachers) await teacher.request({ method: 'POST', url: `/api/sessions/${session.id}/enrolments` });
      expect(errorOf(await owner.request({ method: 'PUT', url: `/api/sessions/${session.id}`, payload: sessionInput(14, { capacity: 1 }) }))).toMatchObject({
        status: 400,
        id: 'validation_error',
        field: 'body.capacity',
      });
      const grown = await owner.request({ method: 'PUT', url: `/api/sessions/${session.id}`, payload: sessionInput(14, { capacity: 3 }) });
      expect(grown.json()).toMatchObject({ capacity: 3, enrolled: 3, waitlisted: 0, seatsLeft: 0 });
      const third = (await teachers[2].request({ method: 'GET', url: '/api/me/enrolments' })).json().items[0];
      expect(third).toMatchObject({ status: 'enrolled', position: null });
    });
  });

  describe('listProviderTrainings', () => {
    it('lists the own trainings in every status, never another provider’s', async () => {
      const { client: owner, providerId } = await providerAccount(t);
      const { client: other } = await providerAccount(t);
      await createTraining(owner, { title: 'Gepubliceerde opleiding' });
      await createTraining(owner, { title: 'Concept opleiding', status: 'draft' });
      await createTraining(other, { title: 'Van de buren' });
      const list = await owner.request({ method: 'GET', url: '/api/provider/trainings' });
      expect(list.statusCode).toBe(200);
      expect(
        list
          .json()
          .items.map((i: { title: string }) => i.title)
          .sort(),
      ).toEqual(['Concept opleiding', 'Gepubliceerde opleiding']);
      expect(list.json().items.every((i: { provider: { id: string } }) => i.provider.id === providerId)).toBe(true);
      expect(errorOf(await other.request({ method: 'GET', url: `/api/provider/trainings?providerId=${providerId}` }))).toMatchObject({ status: 403 });
      const admin = await t.user('admin');
      expect((await admin.request({ method: 'GET', url: `/api/provider/trainings?providerId=${providerId}` })).json().items).toHaveLength(2);
      expect(errorOf(await (await t.user('teacher')).request({ method: 'GET', url: '/api/provider/trainings' }))).toMatchObject({ status: 403 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/provider/trainings' }))).toMatchObject({ status: 401 });
    });
  });

  it('documents every catalogue operation in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations = Object.values(document.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((methods) => Object.values(methods).map((m) => m.operationId));
    for (const id of [
      'searchTrainings',
      'getTraining',
      'createTraining',
      'updateTraining',
      'createSession',
      'updateSession',
      'importTrainings',
      'listProviderTrainings',
      'exportTrainings',
      'listSessionEnrolments',
      'enrolInSession',
      'cancelEnrolment',
      'listMyEnrolments',
      'getMyRecommendations',
      'listMyBookmarks',
      'addBookmark',
      'removeBookmark',
      'listMyCompletions',
      'markTrainingCompleted',
      'unmarkTrainingCompleted',
      'listProviders',
      'createProvider',
      'verifyProvider',
    ]) {
      expect(operations).toContain(id);
    }
  });
});
