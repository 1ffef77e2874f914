import { dayFromToday, openCampaign } from '../api/campaign-fixtures';
import { createSession, createTraining, providerAccount, sessionInput } from '../api/catalogue-fixtures';
import { classCode, openRound } from '../api/reflection-fixtures';
import { schoolWorld, uniqueEmail } from '../api/school-fixtures';
import type { TestApp, TestClient } from '../support/test-app';

/** The roles the security suites try, each a logged-in account (anonymous is no account). */
export type AccountRole = 'teacherA' | 'ictA' | 'principalA' | 'boardAdminA' | 'principalB' | 'teacherB' | 'providerP1' | 'providerP2' | 'admin' | 'analyst';

export interface SecurityWorld {
  clients: Record<AccountRole, TestClient>;
  /** A value for every path parameter of the API: the ids of school A, teacher A and provider P1; a wrong token or code. */
  ids: Record<string, string>;
  /** Values for query parameters that name a party or a result. */
  query: Record<string, string>;
}

/**
 * School A (of a board) with a teacher, ICT coordinator, principal and board admin; a principal
 * and a teacher of another school (B); providers P1 and P2; an admin and a centre analyst. School A
 * has a campaign, a cyber check, a reflection round with a class code, a policy plan goal and
 * action and an open invitation; teacher A a scan and an enrolment in P1's session; P1 a draft.
 */
export async function securityWorld(t: TestApp): Promise<SecurityWorld> {
  const w = await schoolWorld(t);
  const p1 = await providerAccount(t, 'Opleider Eén');
  const p2 = await providerAccount(t, 'Opleider Twee');
  const clients: SecurityWorld['clients'] = {
    teacherA: w.teacherA,
    ictA: w.ictA,
    principalA: w.principalA,
    boardAdminA: w.boardAdmin,
    principalB: w.principalOther,
    teacherB: await t.user('teacher', { schoolId: w.other }),
    providerP1: p1.client,
    providerP2: p2.client,
    admin: await t.user('admin'),
    analyst: await t.user('centre_analyst'),
  };
  const victim = await t.user('teacher', { schoolId: w.schoolA });
  const published = await createTraining(p1.client);
  const draft = await createTraining(p1.client, { status: 'draft', title: 'Nog niet gepubliceerd' });
  const session = await createSession(p1.client, published.id, sessionInput(20));
  const enrolment = (await w.teacherA.request({ method: 'POST', url: `/api/sessions/${session.id}/enrolments` })).json();
  const scan = (await w.teacherA.request({ method: 'POST', url: '/api/scans' })).json();
  const campaign = await openCampaign(w.principalA, w.schoolA, { opensOn: dayFromToday(0), closesOn: dayFromToday(30) });
  const check = (await w.principalA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/cyber-checks` })).json();
  const cyber = t.app.services.instruments.latest('cyber-check');
  const round = await openRound(w.principalA, w.schoolA);
  await classCode(w.principalA, w.schoolA, round.id);
  const codes = (await w.principalA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/reflections/${round.id}` })).json().codes;
  const goal = (
    await w.principalA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/policy-plan/goals`, payload: { term: 'short', text: 'Elke leraar gebruikt het leerplatform' } })
  ).json();
  const action = (
    await w.principalA.request({
      method: 'POST',
      url: `/api/schools/${w.schoolA}/policy-plan/actions`,
      payload: { title: 'Vorming leerplatform', front: 'skills', status: 'planned' },
    })
  ).json();
  await w.principalA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/members`, payload: { email: uniqueEmail('uitgenodigd'), role: 'teacher' } });
  const invitations = (await w.principalA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/invitations` })).json().items;
  const device = (
    await w.principalA.request({
      method: 'POST',
      url: `/api/schools/${w.schoolA}/devices`,
      payload: { device: { assetTag: 'SEC-0001', manufacturer: 'Lenovo', modelName: 'ThinkPad L13', type: 'laptop' } },
    })
  ).json().device;
  await w.principalA.request({
    method: 'POST',
    url: `/api/schools/${w.schoolA}/devices`,
    payload: { device: { assetTag: 'SEC-0002', manufacturer: 'Lenovo', modelName: 'ThinkPad L13', type: 'laptop' } },
  });
  const loan = (
    await w.principalA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/loans`, payload: { className: '6A', loans: [{ assetTag: 'SEC-0002', borrower: 'L-01' }] } })
  ).json().items?.[0];
  const file = (
    await w.principalA.request({
      method: 'POST',
      url: `/api/schools/${w.schoolA}/infra-files`,
      payload: { name: 'certificaat.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
    })
  ).json();
  const spending = (
    await w.principalA.request({
      method: 'POST',
      url: `/api/schools/${w.schoolA}/funding/spending`,
      payload: {
        scheme: 'digisprong',
        category: 'network',
        description: 'Wifi',
        amountCents: 100,
        invoiceReference: 'F-1',
        invoiceDate: '2022-01-10',
        notDoubleFinanced: true,
        procurementProcedure: 'low_value_invoice',
      },
    })
  ).json().line;
  await w.principalA.request({
    method: 'POST',
    url: `/api/schools/${w.schoolA}/devices`,
    payload: { device: { assetTag: 'SEC-0003', manufacturer: 'Lenovo', modelName: 'ThinkPad L13', type: 'laptop' } },
  });
  const batch = (
    await w.principalA.request({
      method: 'POST',
      url: `/api/schools/${w.schoolA}/decommission-batches`,
      payload: {
        partnerId: 'recupel',
        handedOverOn: '2026-11-20',
        sanitisation: { method: 'purge', performedBy: 'Recupel', performedOn: '2026-11-20', verification: 'Wisrapport', certificateFileId: file.id },
        devices: [{ assetTag: 'SEC-0003' }],
      },
    })
  ).json();
  const ids: Record<string, string> = {
    schoolId: w.schoolA,
    boardId: w.boardId,
    userId: victim.userId,
    invitationId: invitations?.[0]?.id,
    campaignId: campaign.id,
    checkId: check.id,
    itemId: cyber?.sections[0]?.items[0]?.id ?? '',
    version: cyber?.version ?? '',
    roundId: round.id,
    codeId: codes?.[0]?.id,
    goalId: goal.id,
    actionId: action.id,
    scanId: scan.id,
    competence: '1.1',
    enrolmentId: enrolment.id,
    trainingId: draft.id,
    sessionId: session.id,
    providerId: p1.providerId,
    studyDayId: 'study-day-of-school-a',
    deviceId: device?.id,
    loanId: loan?.id,
    fileId: file.id,
    spendingId: spending?.id,
    batchId: batch.id,
    token: 'not-a-real-token-0123456789abcdef',
    code: 'ZZZZ-ZZZZ',
    item: '1.1',
  };
  const query = { providerId: p1.providerId, kind: 'cyber_check', id: check.id };
  const missing = Object.entries(ids).filter(([, value]) => !value);
  if (missing.length > 0) throw new Error(`the security world lacks ${missing.map(([name]) => name).join(', ')}`);
  return { clients, ids, query };
}
