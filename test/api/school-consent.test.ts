import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, login, startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../support/test-app';
import { submitScanAt } from './campaign-fixtures';
import { loginAtProvider, type ProviderPerson, startTestProvider, type TestProvider } from './oidc-fixtures';
import { invitationTokenFor, type SchoolWorld, schoolWorld, uniqueEmail } from './school-fixtures';

const APP_URL = 'http://digisprong.test';
const CALLBACK = `${APP_URL}/api/auth/oidc/callback`;

/**
 * Issue 9, findings 2 and 9, as attacks that must fail: a principal adding an existing account
 * without its consent, answers that tell whether an address has an account, an invitation link
 * accepted by another account, platform accounts as school staff; and a teacher leaving a school.
 */
describe('school membership by consent', () => {
  let provider: TestProvider;
  let t: TestApp;
  let w: SchoolWorld;
  beforeAll(async () => {
    provider = await startTestProvider(CALLBACK);
    t = await startTestApp({}, { appUrl: APP_URL, oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: 'Schoolnet' } });
    w = await schoolWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  const membersUrl = (schoolId = w.schoolA) => `/api/schools/${schoolId}/members`;
  const addMember = (email: string, role = 'teacher', client = w.principalA, schoolId = w.schoolA) =>
    client.request({ method: 'POST', url: membersUrl(schoolId), payload: { email, role, name: 'Collega' } });
  const memberIds = async (schoolId = w.schoolA) =>
    ((await w.principalA.request({ method: 'GET', url: membersUrl(schoolId) })).json().items as Array<{ userId: string }>).map((m) => m.userId);
  const accept = (token: string, payload?: object, client?: TestClient) =>
    client ? client.request({ method: 'POST', url: `/api/invitations/${token}/accept`, payload }) : t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload });
  const stillOpen = async (token: string) => (await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode === 200;
  /** A body without what differs by nature between two invitations: ids, times and the address typed. */
  const comparable = (body: { outcome: string; invitation: Record<string, unknown> }) => ({
    ...body,
    invitation: { ...body.invitation, id: '<id>', email: '<email>', createdAt: '<time>', expiresAt: '<time>' },
  });
  const sameShape = (a: LightMyRequestResponse, b: LightMyRequestResponse) => {
    expect(a.statusCode).toBe(b.statusCode);
    expect(comparable(a.json())).toEqual(comparable(b.json()));
    expect(Object.keys(a.json().invitation).sort()).toEqual(Object.keys(b.json().invitation).sort());
  };

  describe('adding someone by address', () => {
    it('makes an existing account a member only when it accepts', async () => {
      const colleague = await t.user('teacher', { schoolId: w.other });
      const added = await addMember(colleague.email);
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ outcome: 'invited', invitation: { email: colleague.email, role: 'teacher' } });
      expect(await memberIds()).not.toContain(colleague.userId);
      expect(await t.app.services.schools.teacherIdsOf(w.schoolA)).not.toContain(colleague.userId);

      const token = await invitationTokenFor(t, colleague.email);
      const accepted = await accept(token, undefined, colleague);
      expect(accepted.statusCode).toBe(200);
      expect(await memberIds()).toContain(colleague.userId);
    });

    it('answers the same for an address with an account and one without', async () => {
      const existing = await t.user('teacher');
      const withAccount = await addMember(existing.email, 'ict_coordinator');
      const withoutAccount = await addMember(uniqueEmail('niemand'), 'ict_coordinator');
      sameShape(withAccount, withoutAccount);
      expect(withAccount.headers['content-type']).toBe(withoutAccount.headers['content-type']);
    });

    it('answers the same for a platform account: it is refused only when it tries to accept', async () => {
      const admin = await t.user('admin');
      sameShape(await addMember(admin.email), await addMember(uniqueEmail('nog-niemand')));
    });

    it('invites existing accounts from a roster too, without making them members', async () => {
      const existing = await t.user('teacher');
      const csv = `naam;e-mail\r\nBestaand;${existing.email}\r\nNieuw;${uniqueEmail('nieuw')}\r\n`;
      const response = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/roster`, payload: csv, headers: { 'content-type': 'text/csv' } });
      expect(response.json()).toEqual({ invited: 2, alreadyMembers: [] });
      expect(await memberIds()).not.toContain(existing.userId);
      expect(await invitationTokenFor(t, existing.email)).toBeTruthy();
    });

    it('no longer has an operation that adds an account at once', () => {
      expect(Object.keys(t.app.services.schools)).not.toContain('addExistingMember');
      expect('addExistingMember' in t.app.services.schools).toBe(false);
    });
  });

  describe('getInvitation', () => {
    it('shows the same fields whether or not the address has an account', async () => {
      const existing = await t.user('teacher');
      const fresh = uniqueEmail('vers');
      await addMember(existing.email);
      await addMember(fresh);
      const a = await t.app.inject({ method: 'GET', url: `/api/invitations/${await invitationTokenFor(t, existing.email)}` });
      const b = await t.app.inject({ method: 'GET', url: `/api/invitations/${await invitationTokenFor(t, fresh)}` });
      expect(a.statusCode).toBe(200);
      expect(b.statusCode).toBe(200);
      const strip = (body: Record<string, unknown>) => ({ ...body, email: '<email>', expiresAt: '<time>' });
      expect(strip(a.json())).toEqual(strip(b.json()));
      expect(a.json()).not.toHaveProperty('accountExists');
    });
  });

  describe('an invitation is bound to its address', () => {
    it('refuses another logged-in account, keeps the link usable and grants nothing', async () => {
      const invited = uniqueEmail('ict');
      await addMember(invited, 'ict_coordinator');
      const token = await invitationTokenFor(t, invited);
      const other = await t.user('teacher', { schoolId: w.other });
      expect(errorOf(await accept(token, undefined, other))).toEqual({ status: 403, id: 'invitation_other_address', field: undefined });
      expect(await t.app.services.schools.rolesIn(other.userId, w.schoolA)).toEqual([]);
      expect(await stillOpen(token)).toBe(true);
    });

    it('refuses another account with its own password: the password is checked for the invited address only', async () => {
      const invited = uniqueEmail('gebonden');
      await addMember(invited, 'ict_coordinator');
      const token = await invitationTokenFor(t, invited);
      const other = await t.user('teacher');
      expect(errorOf(await accept(token, { password: other.password, account: 'existing' }))).toMatchObject({ status: 401, id: 'invalid_credentials' });
      expect(await t.app.services.auth.accountByEmail(invited)).toBeUndefined();
      expect(await stillOpen(token)).toBe(true);
    });

    it('compares addresses as the platform stores them: an invitation typed in capitals is accepted by its account', async () => {
      const colleague = await t.user('teacher');
      await addMember(`  ${colleague.email.toUpperCase()} `);
      const accepted = await accept(await invitationTokenFor(t, colleague.email), undefined, colleague);
      expect(accepted.statusCode).toBe(200);
      expect(await t.app.services.schools.rolesIn(colleague.userId, w.schoolA)).toEqual(['teacher']);
    });

    it('`account: existing` without an account is a wrong password, not a new account', async () => {
      const email = uniqueEmail('bestaat-niet');
      await addMember(email);
      const token = await invitationTokenFor(t, email);
      expect(errorOf(await accept(token, { password: 'een-lang-wachtwoord', account: 'existing' }))).toMatchObject({ status: 401, id: 'invalid_credentials' });
      expect(await t.app.services.auth.accountByEmail(email)).toBeUndefined();
    });

    it('makes a new account with the invited address, whatever else is sent', async () => {
      const email = uniqueEmail('nieuw');
      await addMember(email);
      const accepted = await accept(await invitationTokenFor(t, email), { name: 'Nieuwe Collega', password: 'een-lang-wachtwoord', account: 'new', email: 'iemand@anders.test' });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().user.email).toBe(email);
      expect(await t.app.services.auth.accountByEmail('iemand@anders.test')).toBeUndefined();
    });
  });

  describe('platform accounts are never school staff', () => {
    for (const role of ['admin', 'provider', 'centre_analyst'] as const) {
      it(`refuses a ${role} accepting an invitation, with its password or its session, and joining by code`, async () => {
        const account = await t.user(role);
        await addMember(account.email);
        const token = await invitationTokenFor(t, account.email);
        expect(errorOf(await accept(token, { password: account.password }))).toMatchObject({ status: 403, id: 'platform_account_not_staff' });
        expect(errorOf(await accept(token, undefined, account))).toMatchObject({ status: 403, id: 'platform_account_not_staff' });
        expect(await stillOpen(token)).toBe(true);

        const { code } = await t.app.services.schools.joinCode(w.principalA.userId, w.schoolA);
        expect(errorOf(await account.request({ method: 'POST', url: `/api/join/${code}` }))).toMatchObject({ status: 403, id: 'platform_account_not_staff' });
        expect(await t.app.services.schools.rolesIn(account.userId, w.schoolA)).toEqual([]);
      });
    }

    it('names the platform role only after the password proved the account', async () => {
      const admin = await t.user('admin');
      await addMember(admin.email);
      const token = await invitationTokenFor(t, admin.email);
      expect(errorOf(await accept(token, { password: 'not-the-password' }))).toMatchObject({ status: 401, id: 'invalid_credentials' });
    });
  });

  describe('leaveSchool', () => {
    const leave = (client: TestClient, schoolId: string, csrf = true) => client.request({ method: 'DELETE', url: `/api/me/schools/${schoolId}`, csrf });

    it('ends every role of a teacher there, and keeps their account, their other schools and their scans', async () => {
      const teacher = await t.user('teacher', { schoolId: w.schoolA });
      await t.app.services.schools.grantRole(teacher.userId, w.schoolA, 'ict_coordinator');
      await t.app.services.schools.grantRole(teacher.userId, w.other, 'teacher');
      await submitScanAt(t, teacher.userId, new Date().toISOString(), () => 2);
      const scansBefore = (await teacher.request({ method: 'GET', url: '/api/me/scans' })).json();

      const response = await leave(teacher, w.schoolA);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect(await t.app.services.schools.rolesIn(teacher.userId, w.schoolA)).toEqual([]);
      expect(await t.app.services.schools.rolesIn(teacher.userId, w.other)).toEqual(['teacher']);
      expect((await teacher.request({ method: 'GET', url: '/api/me/scans' })).json()).toEqual(scansBefore);
      expect(scansBefore.scans).toHaveLength(1);
      const me = (await teacher.request({ method: 'GET', url: '/api/auth/me' })).json().user;
      expect(me.memberships.map((m: { schoolId: string }) => m.schoolId)).toEqual([w.other]);
      const audit = await t.app.db.kysely
        .selectFrom('audit_log')
        .select(['actor_id', 'action', 'details'])
        .where('subject', '=', teacher.userId)
        .where('action', '=', 'school_left')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(teacher.userId);
      expect(JSON.parse(audit[0].details ?? '{}')).toEqual({ schoolId: w.schoolA, roles: ['teacher', 'ict_coordinator'] });

      expect(errorOf(await leave(teacher, w.schoolA))).toMatchObject({ status: 404, id: 'not_found' });
    });

    it('refuses the last principal, and lets them go once there is another', async () => {
      const schoolId = await t.app.services.schools.createSchool({ name: 'Eén directeur' });
      const principal = await t.user('principal', { schoolId });
      expect(errorOf(await leave(principal, schoolId))).toEqual({ status: 409, id: 'last_principal', field: 'schoolId' });
      // Not by removing or demoting themselves either.
      expect(errorOf(await principal.request({ method: 'DELETE', url: `${membersUrl(schoolId)}/${principal.userId}` }))).toMatchObject({ status: 409, id: 'last_principal' });
      const demoted = await principal.request({ method: 'PUT', url: `${membersUrl(schoolId)}/${principal.userId}`, payload: { roles: ['teacher'] } });
      expect(errorOf(demoted)).toMatchObject({ status: 409, id: 'last_principal', field: 'body.roles' });
      expect(await t.app.services.schools.rolesIn(principal.userId, schoolId)).toEqual(['principal']);

      await t.user('principal', { schoolId });
      expect((await leave(principal, schoolId)).statusCode).toBe(204);
      expect(await t.app.services.schools.rolesIn(principal.userId, schoolId)).toEqual([]);
    });

    it('lets only one of two principals leaving at the same moment go', async () => {
      const schoolId = await t.app.services.schools.createSchool({ name: 'Twee directeurs' });
      const first = await t.user('principal', { schoolId });
      const second = await t.user('principal', { schoolId });
      const answers = await Promise.all([leave(first, schoolId), leave(second, schoolId)]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([204, 409]);
      expect(await t.app.services.schools.staffIdsOf(schoolId)).toHaveLength(1);
    });

    it('is not found for a school one is not a member of, or that does not exist; a board admin holds no role of their own in the other schools', async () => {
      const stranger = await t.user('teacher');
      expect(errorOf(await leave(stranger, w.schoolA))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await leave(stranger, 'no-such-school'))).toMatchObject({ status: 404 });
      expect(errorOf(await leave(w.boardAdmin, w.schoolB))).toMatchObject({ status: 404 });
    });

    it('needs a session and its CSRF token', async () => {
      expect(errorOf(await t.app.inject({ method: 'DELETE', url: `/api/me/schools/${w.schoolA}` }))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect(errorOf(await leave(w.teacherA, w.schoolA, false))).toMatchObject({ status: 403, id: 'csrf_failed' });
      expect(await t.app.services.schools.rolesIn(w.teacherA.userId, w.schoolA)).toEqual(['teacher']);
    });

    it('refuses a malformed school id as bad input, never a 500', async () => {
      expect(errorOf(await leave(w.teacherA, 'x'.repeat(101)))).toMatchObject({ status: 400, id: 'validation_error' });
      expect(errorOf(await leave(w.teacherA, '%ZZ'))).toMatchObject({ status: 400, id: 'validation_error', field: 'url' });
    });
  });

  describe('a school that requires its identity provider', () => {
    const start = (query: string) => t.app.inject({ method: 'GET', url: `/api/auth/oidc/start?${query}` });
    async function oidcLogin(person: ProviderPerson, query = '') {
      const started = await start(query);
      const state = started.cookies.find((c) => c.name === 'ds_oidc')?.value;
      const url = await loginAtProvider(started.headers.location as string, person.sub, CALLBACK);
      return t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { cookie: `ds_oidc=${state}` } });
    }
    const settings = (client: TestClient, schoolId: string, payload: unknown, csrf = true) =>
      client.request({ method: 'PUT', url: `/api/schools/${schoolId}/settings`, payload: payload as object, csrf });

    let schoolId: string;
    let principal: TestClient;
    beforeAll(async () => {
      schoolId = await t.app.services.schools.createSchool({ name: 'Alleen Schoolnet' });
      principal = await t.user('principal', { schoolId });
    });

    it('is turned on and off by the principal, and shown with the school', async () => {
      const on = await settings(principal, schoolId, { requireIdentityProvider: true });
      expect(on.statusCode).toBe(200);
      expect(on.json()).toMatchObject({ id: schoolId, requireIdentityProvider: true, myRoles: ['principal'] });
      expect((await principal.request({ method: 'GET', url: `/api/schools/${schoolId}` })).json().requireIdentityProvider).toBe(true);
      expect((await settings(principal, schoolId, { requireIdentityProvider: false })).json().requireIdentityProvider).toBe(false);
      await settings(principal, schoolId, { requireIdentityProvider: true });
    });

    it('refuses bad input, an ICT coordinator, a teacher, another school, anonymous callers and a missing CSRF token', async () => {
      expect(errorOf(await settings(principal, schoolId, { requireIdentityProvider: 'yes' }))).toMatchObject({ status: 400, field: 'body.requireIdentityProvider' });
      expect(errorOf(await settings(principal, schoolId, {}))).toMatchObject({ status: 400, field: 'body.requireIdentityProvider' });
      expect(errorOf(await settings(w.ictA, w.schoolA, { requireIdentityProvider: true }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await settings(w.teacherA, w.schoolA, { requireIdentityProvider: true }))).toMatchObject({ status: 403 });
      expect(errorOf(await settings(w.principalA, schoolId, { requireIdentityProvider: false }))).toMatchObject({ status: 404 });
      expect(errorOf(await settings(principal, schoolId, { requireIdentityProvider: false }, false))).toMatchObject({ status: 403, id: 'csrf_failed' });
      const anonymous = await t.app.inject({ method: 'PUT', url: `/api/schools/${schoolId}/settings`, payload: { requireIdentityProvider: false } });
      expect(errorOf(anonymous)).toMatchObject({ status: 401 });
      expect((await principal.request({ method: 'GET', url: `/api/schools/${schoolId}` })).json().requireIdentityProvider).toBe(true);
    });

    it('admits by invitation only a login through the provider that verified the invited address', async () => {
      const email = uniqueEmail('schoolnet');
      await addMember(email, 'teacher', principal, schoolId);
      const token = await invitationTokenFor(t, email);
      expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json().requireIdentityProvider).toBe(true);

      // A password account for the address, made elsewhere, and its session: both refused.
      const standIn = await t.app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher' });
      expect(errorOf(await accept(token, { password: TEST_PASSWORD }))).toMatchObject({ status: 403, id: 'identity_provider_required' });
      const session = await login(t.app, email, TEST_PASSWORD, standIn.userId);
      expect(errorOf(await accept(token, undefined, session))).toMatchObject({ status: 403, id: 'identity_provider_required' });

      // The provider without a verified address: refused, and nothing is made or linked.
      const unverified = provider.add({ email, emailVerified: false, name: 'Niet Bevestigd' });
      const refused = await oidcLogin(unverified, `invitation=${token}`);
      expect(refused.headers.location).toBe(`/uitnodiging/${token}?error=invitation_other_address`);
      expect(await t.app.services.schools.rolesIn(standIn.userId, schoolId)).toEqual([]);
      expect(await stillOpen(token)).toBe(true);

      const verified = provider.add({ email, emailVerified: true, name: 'Wel Bevestigd' });
      const admitted = await oidcLogin(verified, `invitation=${token}`);
      expect(admitted.headers.location).toBe('/scan');
      expect(await t.app.services.schools.rolesIn(standIn.userId, schoolId)).toEqual(['teacher']);
    });

    it('admits by join code only an account linked to the provider', async () => {
      const { code } = await t.app.services.schools.joinCode(principal.userId, schoolId);
      const unlinked = await t.user('teacher');
      expect(errorOf(await unlinked.request({ method: 'POST', url: `/api/join/${code}` }))).toMatchObject({ status: 403, id: 'identity_provider_required' });
      expect(await t.app.services.schools.rolesIn(unlinked.userId, schoolId)).toEqual([]);

      const linked = await t.user('teacher');
      expect((await oidcLogin(provider.add({ email: linked.email, emailVerified: true, name: 'Gekoppeld' }))).headers.location).toBe('/');
      const joined = await linked.request({ method: 'POST', url: `/api/join/${code}` });
      expect(joined.statusCode).toBe(200);
      expect(joined.json()).toMatchObject({ schoolId, roles: ['teacher'] });
    });

    it('cannot be turned on where the server has no identity provider', async () => {
      const plain = await startTestApp();
      try {
        const id = await plain.app.services.schools.createSchool({ name: 'Zonder provider' });
        const head = await plain.user('principal', { schoolId: id });
        const response = await head.request({ method: 'PUT', url: `/api/schools/${id}/settings`, payload: { requireIdentityProvider: true } });
        expect(errorOf(response)).toEqual({ status: 409, id: 'conflict', field: 'body.requireIdentityProvider' });
        expect((await head.request({ method: 'GET', url: `/api/schools/${id}` })).json().requireIdentityProvider).toBe(false);
      } finally {
        await plain.close();
      }
    });
  });
});
