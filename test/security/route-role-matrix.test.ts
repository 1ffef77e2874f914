import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grants, type PlatformCapability, platformCapabilities, type SchoolCapability, schoolCapabilities } from '../../src/shared/platform/capabilities';
import { type Operation, operationsOf, pathWith, queryString, sampleBody } from '../support/openapi-operations';
import { login, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { type AccountRole, type SecurityWorld, securityWorld } from './security-world';

/**
 * The route × role matrix of issue 9, generated from the OpenAPI document: every operation is
 * called by every role, with the ids of other parties (school A, teacher A, provider P1) in its
 * path. Who may reach an operation is one table, derived rather than written per route:
 *
 * - the owner of the ids in the path (school A, A's board, teacher A's own records, provider P1),
 *   read off the parameter names;
 * - the capability the server asked for (every `access.require` / `requirePlatform` call is
 *   recorded per operation), granted or not by `capabilities.ts`.
 *
 * A role that is not a party to the ids, or lacks the school capability, must get 401/403/404
 * (400 when the generated body fails the schema, counted apart) and never 2xx; every role gets no
 * 5xx. Then every state-changing operation is sent with a valid session but no CSRF header: 403
 * `csrf_failed`, always.
 */

type Owner = 'schoolA' | 'boardA' | 'teacherA' | 'providerP1';
type RoleName = 'anonymous' | AccountRole;

/** Which path parameters name whose things. Tokens and codes are secrets, not ids: a wrong one is tried. */
const OWNER_OF_PARAM: Record<string, Owner> = {
  schoolId: 'schoolA',
  userId: 'schoolA',
  invitationId: 'schoolA',
  campaignId: 'schoolA',
  studyDayId: 'schoolA',
  checkId: 'schoolA',
  roundId: 'schoolA',
  codeId: 'schoolA',
  goalId: 'schoolA',
  actionId: 'schoolA',
  deviceId: 'schoolA',
  loanId: 'schoolA',
  fileId: 'schoolA',
  spendingId: 'schoolA',
  batchId: 'schoolA',
  boardId: 'boardA',
  scanId: 'teacherA',
  enrolmentId: 'teacherA',
  trainingId: 'providerP1',
  sessionId: 'providerP1',
};

/**
 * Operations on another party's ids that any logged-in user may call for themselves: enrolling in
 * a published session, and taking a training off one's own lists (204 whether or not it was there).
 */
const selfService = (operation: Operation) => operation.operationId === 'enrolInSession' || (operation.method === 'DELETE' && operation.path.startsWith('/api/me/'));

/** The roles each role holds at school A, and platform-wide. */
const ROLES: Record<RoleName, { atSchoolA: string[]; platform: string[]; owns: Owner[] }> = {
  anonymous: { atSchoolA: [], platform: [], owns: [] },
  teacherA: { atSchoolA: ['teacher'], platform: [], owns: ['schoolA', 'teacherA'] },
  ictA: { atSchoolA: ['ict_coordinator'], platform: [], owns: ['schoolA'] },
  principalA: { atSchoolA: ['principal'], platform: [], owns: ['schoolA'] },
  boardAdminA: { atSchoolA: ['board_admin'], platform: [], owns: ['schoolA', 'boardA'] },
  principalB: { atSchoolA: [], platform: [], owns: [] },
  teacherB: { atSchoolA: [], platform: [], owns: [] },
  providerP1: { atSchoolA: [], platform: ['provider'], owns: ['providerP1'] },
  providerP2: { atSchoolA: [], platform: ['provider'], owns: [] },
  admin: { atSchoolA: [], platform: ['admin'], owns: [] },
  analyst: { atSchoolA: [], platform: ['centre_analyst'], owns: [] },
};
/** The order each operation is tried in: outsiders first, so a party's write (a delete) cannot hide an outsider's answer. */
const ROLE_ORDER: RoleName[] = ['anonymous', 'principalB', 'teacherB', 'providerP2', 'analyst', 'admin', 'providerP1', 'teacherA', 'ictA', 'boardAdminA', 'principalA'];

const isSchoolCapability = (name: string): name is SchoolCapability => name in schoolCapabilities;
const isPlatformCapability = (name: string): name is PlatformCapability => name in platformCapabilities;

interface Tried {
  operation: Operation;
  role: RoleName;
  status: number;
  id?: string;
  capabilities: string[];
}

describe('route × role matrix and CSRF, from the OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  let clients: SecurityWorld['clients'];
  let ids: SecurityWorld['ids'];
  let query: SecurityWorld['query'];

  beforeAll(async () => {
    t = await startTestApp();
    ({ clients, ids, query } = await securityWorld(t));
    operations = await operationsOf(t.app);
  });
  afterAll(() => t.close());

  /** Sends an operation as a role, with the world's ids and a sample body. */
  function send(operation: Operation, client: TestClient | null, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = sampleBody(operation);
    const queryValues = Object.fromEntries(operation.query.filter((p) => p.required || p.name === 'providerId').map((p) => [p.name, query[p.name] ?? 'x']));
    const request = {
      method: operation.method,
      url: `${pathWith(operation, ids)}${queryString(queryValues)}`,
      ...(body.payload !== undefined
        ? { payload: typeof body.payload === 'string' ? body.payload : JSON.stringify(body.payload), headers: { 'content-type': body.contentType ?? '' } }
        : {}),
    };
    if (!client) return t.app.inject(request);
    return client.request({ ...request, csrf: options.csrf ?? true });
  }

  it('refuses every role that is not a party to the ids or lacks the capability, and never fails', async () => {
    // Record every capability the server asks for, per request (requests run one at a time).
    const access = t.app.services.access;
    let asked: string[] = [];
    const require = access.require.bind(access);
    const requirePlatform = access.requirePlatform.bind(access);
    access.require = (userId, capability, schoolId) => {
      asked.push(capability);
      return require(userId, capability, schoolId);
    };
    access.requirePlatform = (userId, capability) => {
      asked.push(capability);
      return requirePlatform(userId, capability);
    };

    const tried: Tried[] = [];
    // Deletions last, so the things they remove are there for every other operation.
    const ordered = [...operations].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const operation of ordered) {
      for (const role of ROLE_ORDER) {
        asked = [];
        const client = role === 'anonymous' ? null : clients[role];
        const response = await send(operation, client);
        tried.push({ operation, role, status: response.statusCode, id: safeJson(response)?.error?.id, capabilities: asked });
        // A logout (or a password change) ends the role's session: log in again for what follows.
        if (client && response.statusCode < 300 && operation.path.startsWith('/api/auth/logout')) {
          clients[role as AccountRole] = await login(t.app, client.email, client.password, client.userId);
        }
      }
    }

    // The table: per operation, who owns the ids in its path and which capabilities the server asked for.
    const table = new Map<string, { owner: Owner | null; capabilities: Set<string>; open: boolean }>();
    for (const operation of operations) {
      const owners = operation.params.map((p) => OWNER_OF_PARAM[p.name]).filter(Boolean);
      if (operation.query.some((p) => p.name === 'providerId')) owners.push('providerP1');
      const ownerOrder: Owner[] = ['teacherA', 'boardA', 'schoolA', 'providerP1'];
      const owner = selfService(operation) ? null : (ownerOrder.find((o) => owners.includes(o)) ?? null);
      table.set(operation.operationId, { owner, capabilities: new Set(), open: operation.open });
    }
    for (const entry of tried) for (const capability of entry.capabilities) table.get(entry.operation.operationId)?.capabilities.add(capability);

    const failures: string[] = [];
    let refusedBySchema = 0;
    for (const { operation, role, status, id } of tried) {
      const where = `${operation.operationId} as ${role}: ${status} ${id ?? ''}`;
      if (status >= 500) {
        failures.push(`${where} (server error)`);
        continue;
      }
      const rule = table.get(operation.operationId)!;
      // Anonymous: nothing but an open operation answers 2xx (login and the like answer it a 4xx here, as the sample credentials are wrong).
      if (role === 'anonymous' && !rule.open && status < 300) failures.push(`${where} (anonymous)`);
      if (mayReach(role, rule)) continue;
      if (status === 400 && id === 'validation_error') {
        refusedBySchema += 1;
        continue;
      }
      if (![401, 403, 404].includes(status)) failures.push(`${where} (expected 401, 403 or 404)`);
    }
    const rows = [...table.entries()].map(([operationId, rule]) => `${operationId}: ${rule.open ? 'open' : (rule.owner ?? 'any login')} ${[...rule.capabilities].join(',')}`);
    console.log(`route × role matrix (${operations.length} operations × ${ROLE_ORDER.length} roles):\n  ${rows.join('\n  ')}`);
    const reached = tried.filter((entry) => entry.status < 300);
    const sampleRefused = [...new Set(tried.filter((entry) => entry.role === 'principalA' && entry.id === 'validation_error').map((entry) => entry.operation.operationId))];
    console.log(`route × role matrix: the generated body or query did not pass the schema of ${sampleRefused.join(', ') || 'no operation'} (as principal A)`);
    console.log(`route × role matrix: ${tried.length} requests, ${reached.length} answered 2xx, ${refusedBySchema} refused by the schema first, ${failures.length} failures`);
    expect(failures).toEqual([]);
    // The ids are real: their owners reach them (else the matrix would pass on 404s alone).
    const reachedBy = (operationId: string, role: RoleName) => reached.some((entry) => entry.operation.operationId === operationId && entry.role === role);
    expect(['getScan', 'cancelEnrolment'].map((operationId) => reachedBy(operationId, 'teacherA'))).toEqual([true, true]);
    expect(
      ['getCampaign', 'getCyberCheck', 'getReflectionRound', 'changePolicyGoal', 'listSchoolMembers', 'getDevice', 'listDevices', 'getLoan', 'listLoans'].map((operationId) =>
        reachedBy(operationId, 'principalA'),
      ),
    ).toEqual([true, true, true, true, true, true, true, true, true]);
    expect(['getDevice', 'listBoardDevices', 'getLoan', 'listLoans'].map((operationId) => reachedBy(operationId, 'boardAdminA'))).toEqual([true, true, true, true]);
    expect(['getInfraIndicators', 'getBoardInfraIndicators'].map((operationId) => reachedBy(operationId, 'boardAdminA'))).toEqual([true, true]);
    expect(['getTraining', 'listSessionEnrolments'].map((operationId) => reachedBy(operationId, 'providerP1'))).toEqual([true, true]);
    expect(['getFundingSummary', 'getBoardFundingSummary'].map((operationId) => reachedBy(operationId, 'boardAdminA'))).toEqual([true, true]);
    expect(tried.length).toBe(operations.length * ROLE_ORDER.length);
  });

  it('refuses every state-changing operation with a session but without the CSRF header', async () => {
    // The cookie routes: those that refuse an anonymous caller. The others ignore or check a session on their own (below).
    const stateChanging: Operation[] = [];
    const sessionOptional: string[] = [];
    for (const operation of operations.filter((o) => o.stateChanging)) {
      if (safeJson(await send(operation, null))?.error?.id === 'unauthenticated') stateChanging.push(operation);
      else sessionOptional.push(operation.operationId);
    }
    const failures: string[] = [];
    for (const operation of stateChanging) {
      for (const role of ['teacherA', 'principalA', 'providerP1', 'admin'] as const) {
        const response = await send(operation, clients[role], { csrf: false });
        const body = safeJson(response);
        if (response.statusCode !== 403 || body?.error?.id !== 'csrf_failed') failures.push(`${operation.operationId} as ${role}: ${response.statusCode} ${body?.error?.id}`);
      }
    }
    // Open operations that act on a session when one is sent (accepting an invitation while logged in) check it too.
    const accept = operations.find((operation) => operation.operationId === 'acceptInvitation');
    if (accept) {
      const response = await send(accept, clients.teacherB, { csrf: false });
      if (safeJson(response)?.error?.id !== 'csrf_failed') failures.push(`acceptInvitation with a session: ${response.statusCode}`);
    }
    // A teacher's own reflection response is submitted with its session; without the CSRF token the session counts for nothing.
    const started = await clients.teacherA.request({ method: 'POST', url: `/api/reflection-rounds/${ids.roundId}/responses` });
    const token = started.json().token as string;
    const submitted = await clients.teacherA.request({ method: 'POST', url: `/api/reflection-responses/${token}/submit`, csrf: false });
    if (submitted.statusCode < 300 || submitted.statusCode >= 500) failures.push(`submitReflectionResponse of an account without CSRF: ${submitted.statusCode}`);
    console.log(`CSRF: session-optional state changes (checked one by one or open): ${sessionOptional.join(', ')}`);
    console.log(`CSRF: ${stateChanging.length * 4 + 2} requests without the header over ${stateChanging.length} cookie routes, ${failures.length} failures`);
    expect(stateChanging.length).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });
});

/** Whether the table lets a role reach an operation with school A's, teacher A's or provider P1's ids. */
function mayReach(role: RoleName, rule: { owner: Owner | null; capabilities: Set<string>; open: boolean }): boolean {
  const held = ROLES[role];
  // Provider P1's things are also every provider's to an account that acts for every provider.
  if (rule.owner === 'providerP1' && grants(held.platform, 'actForEveryProvider')) return true;
  const platformGrant = [...rule.capabilities].some((capability) => isPlatformCapability(capability) && grants(held.platform, capability));
  if (platformGrant) return true;
  if (rule.open) return true;
  if (role === 'anonymous') return false;
  if (rule.owner && !held.owns.includes(rule.owner)) return false;
  const schoolCapabilityAsked = [...rule.capabilities].filter(isSchoolCapability);
  if (schoolCapabilityAsked.length > 0 && !schoolCapabilityAsked.some((capability) => grants(held.atSchoolA, capability))) return false;
  const platformAsked = [...rule.capabilities].filter(isPlatformCapability);
  if (platformAsked.length > 0 && !rule.owner) return false;
  return true;
}

function safeJson(response: LightMyRequestResponse): { error?: { id?: string } } | null {
  try {
    return response.json();
  } catch {
    return null;
  }
}
