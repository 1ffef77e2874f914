import type { ErrorId } from '../shared/errors';
import type { CurrentUser, Locale, SessionResponse } from '../shared/platform/api';
import type { IdentityProvider } from '../shared/platform/oidc';
import type { Background, ProfileDto, ScanDto } from '../shared/digisnap/api';
import type {
  AddMemberResult,
  Campaign,
  CampaignInput,
  InvitationView,
  JoinCode,
  JoinResult,
  Member,
  PendingInvitation,
  ReminderResult,
  RosterReport,
  SchoolReport,
  SchoolRole,
  SchoolView,
  StudyDay,
  StudyDayInput,
  TrainingSuggestions,
  SchoolBudget,
  BudgetSettingsInput,
} from './school/types';
import type { Framework, ScanSummary } from './digisnap/types';
import type { CyberCheck, CyberCheckInstrument, CyberCheckResult, CyberCheckSummary } from './school/cyber-check/types';
import type {
  ClassCodeInfo,
  MyReflectionRound,
  ReflectionInstrument,
  ReflectionReport,
  ReflectionResponse,
  ReflectionRound,
  RoundInput,
  StartedResponse,
} from './school/reflection/types';
import type {
  ActionInput,
  ActionUpdate,
  GoalInput,
  GoalUpdate,
  PolicyAction,
  PolicyGoal,
  PolicyPlan,
  PolicySources,
  PolicySuggestions,
  PolicyVision,
  SourceKind,
  SuggestionsInput,
  SuggestionsResult,
  VisionInput,
} from './school/policy-plan/types';
import type {
  Completion,
  EnrolmentDto,
  ImportReport,
  RecommendationsDto,
  SearchResultDto,
  SessionDto,
  SessionEnrolment,
  SessionInput,
  TrainingDto,
  TrainingInput,
  TrainingSummaryDto,
} from './catalogue/types';

/** Error ids the server sends, plus the one the client raises when the server cannot be reached. */
export type ClientErrorId = ErrorId | 'network_error';

/** A failed API call: the server's stable error id, its message, and the field(s) at fault. */
export class ApiError extends Error {
  constructor(
    readonly id: ClientErrorId,
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly details?: Array<{ field: string; message: string }>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The CSRF token lives in memory only: it comes with the session (login, /auth/me)
// and goes back on every state-changing request.
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request finds the session gone (401 `unauthenticated`). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorBody(body: unknown): body is { error: { id: ErrorId; message: string; field?: string; details?: ApiError['details'] } } {
  const error = (body as { error?: { id?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.id === 'string' && typeof error.message === 'string';
}

/** A CSV file, sent as it is rather than as JSON. */
class CsvBody {
  constructor(readonly text: string) {}
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = body instanceof CsvBody ? 'text/csv; charset=utf-8' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : body instanceof CsvBody ? body.text : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError('network_error', cause instanceof Error ? cause.message : 'Network error', 0);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  if (isErrorBody(payload)) {
    const { id, message, field, details } = payload.error;
    if (id === 'unauthenticated' && !path.startsWith('/auth/')) unauthenticatedListeners.forEach((listener) => listener());
    throw new ApiError(id, message, response.status, field, details);
  }
  throw new ApiError('internal_error', `HTTP ${response.status}`, response.status);
}

async function startSession(session: Promise<SessionResponse>): Promise<CurrentUser> {
  const { user, csrfToken: token } = await session;
  setCsrfToken(token);
  return user;
}

export const api = {
  login: (email: string, password: string) =>
    startSession(request<SessionResponse>('POST', '/auth/login', { email, password })),
  currentUser: () => startSession(request<SessionResponse>('GET', '/auth/me')),
  logout: () => request<void>('POST', '/auth/logout').finally(() => setCsrfToken(null)),
  logoutEverywhere: () => request<void>('POST', '/auth/logout-all').finally(() => setCsrfToken(null)),
  updateMe: (changes: { displayName?: string; locale?: Locale }) => request<CurrentUser>('PATCH', '/me', changes),
  identityProvider: () => request<IdentityProvider>('GET', '/auth/identity-provider'),

  currentFramework: () => request<Framework>('GET', '/frameworks/current'),
  startOrResumeScan: () => request<ScanDto>('POST', '/scans'),
  scan: (scanId: string) => request<ScanDto>('GET', `/scans/${encodeURIComponent(scanId)}`),
  saveAnswer: (scanId: string, competence: string, option: number) =>
    request<ScanDto>('PUT', `/scans/${encodeURIComponent(scanId)}/answers/${encodeURIComponent(competence)}`, { option }),
  saveBackground: (scanId: string, background: Background) =>
    request<ScanDto>('PUT', `/scans/${encodeURIComponent(scanId)}/background`, background),
  submitScan: (scanId: string) => request<ScanDto>('POST', `/scans/${encodeURIComponent(scanId)}/submit`),
  myScans: () => request<{ scans: ScanSummary[] }>('GET', '/me/scans'),
  myProfile: () => request<ProfileDto>('GET', '/me/profile'),

  searchTrainings: (queryString: string) => request<SearchResultDto>('GET', `/trainings${queryString ? `?${queryString}` : ''}`),
  training: (trainingId: string) => request<TrainingDto>('GET', `/trainings/${id(trainingId)}`),
  enrol: (sessionId: string) => request<EnrolmentDto>('POST', `/sessions/${id(sessionId)}/enrolments`),
  cancelEnrolment: (enrolmentId: string) => request<EnrolmentDto>('DELETE', `/enrolments/${id(enrolmentId)}`),
  myEnrolments: () => request<{ items: EnrolmentDto[] }>('GET', '/me/enrolments'),
  myRecommendations: (limit: number) => request<RecommendationsDto>('GET', `/me/recommendations?limit=${limit}`),
  myBookmarks: () => request<{ items: TrainingSummaryDto[] }>('GET', '/me/bookmarks'),
  setBookmark: (trainingId: string, on: boolean) => request<void>(on ? 'PUT' : 'DELETE', `/me/bookmarks/${id(trainingId)}`),
  myCompletions: () => request<{ items: Completion[] }>('GET', '/me/completions'),
  markCompleted: (trainingId: string, completedOn: string) =>
    request<void>('PUT', `/me/completions/${id(trainingId)}`, { completedOn }),
  unmarkCompleted: (trainingId: string) => request<void>('DELETE', `/me/completions/${id(trainingId)}`),

  providerTrainings: () => request<{ items: TrainingSummaryDto[] }>('GET', '/provider/trainings'),
  createTraining: (input: TrainingInput) => request<TrainingDto>('POST', '/trainings', input),
  updateTraining: (trainingId: string, input: TrainingInput) => request<TrainingDto>('PUT', `/trainings/${id(trainingId)}`, input),
  createSession: (trainingId: string, input: SessionInput) =>
    request<SessionDto>('POST', `/trainings/${id(trainingId)}/sessions`, input),
  updateSession: (sessionId: string, input: SessionInput) => request<SessionDto>('PUT', `/sessions/${id(sessionId)}`, input),
  sessionEnrolments: (sessionId: string) =>
    request<{ items: SessionEnrolment[] }>('GET', `/sessions/${id(sessionId)}/enrolments?format=json`),
  importTrainings: (csv: string, dryRun: boolean) =>
    request<ImportReport>('POST', `/trainings/import${dryRun ? '?dryRun=true' : ''}`, new CsvBody(csv)),

  invitation: (token: string) => request<InvitationView>('GET', `/invitations/${id(token)}`),
  /** Accepting logs in (or keeps the session): the answer is a session like login's. */
  acceptInvitation: (token: string, body: { name?: string; password?: string; locale?: Locale }) =>
    startSession(request<SessionResponse>('POST', `/invitations/${id(token)}/accept`, body)),
  joinSchool: (code: string) => request<JoinResult>('POST', `/join/${id(code)}`),

  school: (schoolId: string) => request<SchoolView>('GET', `/schools/${id(schoolId)}`),
  schoolMembers: (schoolId: string) => request<{ items: Member[] }>('GET', `/schools/${id(schoolId)}/members`),
  addSchoolMember: (schoolId: string, body: { email: string; role: SchoolRole; name?: string }) =>
    request<AddMemberResult>('POST', `/schools/${id(schoolId)}/members`, body),
  importRoster: (schoolId: string, csv: string) => request<RosterReport>('POST', `/schools/${id(schoolId)}/roster`, new CsvBody(csv)),
  schoolInvitations: (schoolId: string) => request<{ items: PendingInvitation[] }>('GET', `/schools/${id(schoolId)}/invitations`),
  revokeInvitation: (schoolId: string, invitationId: string) =>
    request<void>('DELETE', `/schools/${id(schoolId)}/invitations/${id(invitationId)}`),
  joinCode: (schoolId: string) => request<JoinCode>('GET', `/schools/${id(schoolId)}/join-code`),
  rotateJoinCode: (schoolId: string) => request<JoinCode>('POST', `/schools/${id(schoolId)}/join-code`),

  campaigns: (schoolId: string) => request<{ items: Campaign[] }>('GET', `/schools/${id(schoolId)}/campaigns`),
  campaign: (schoolId: string, campaignId: string) => request<Campaign>('GET', `/schools/${id(schoolId)}/campaigns/${id(campaignId)}`),
  openCampaign: (schoolId: string, body: CampaignInput) => request<Campaign>('POST', `/schools/${id(schoolId)}/campaigns`, body),
  closeCampaign: (schoolId: string, campaignId: string) =>
    request<Campaign>('POST', `/schools/${id(schoolId)}/campaigns/${id(campaignId)}/close`),
  reopenCampaign: (schoolId: string, campaignId: string, closesOn?: string) =>
    request<Campaign>('POST', `/schools/${id(schoolId)}/campaigns/${id(campaignId)}/reopen`, closesOn ? { closesOn } : {}),
  remindCampaign: (schoolId: string, campaignId: string) =>
    request<ReminderResult>('POST', `/schools/${id(schoolId)}/campaigns/${id(campaignId)}/reminders`),
  schoolReport: (schoolId: string, campaignId: string) =>
    request<SchoolReport>('GET', `/schools/${id(schoolId)}/campaigns/${id(campaignId)}/report`),

  trainingSuggestions: (schoolId: string, campaignId: string) =>
    request<TrainingSuggestions>('GET', `/schools/${id(schoolId)}/campaigns/${id(campaignId)}/training-suggestions`),
  studyDays: (schoolId: string) => request<{ items: StudyDay[] }>('GET', `/schools/${id(schoolId)}/study-days`),
  planStudyDay: (schoolId: string, body: StudyDayInput) => request<StudyDay>('POST', `/schools/${id(schoolId)}/study-days`, body),
  cancelStudyDay: (schoolId: string, studyDayId: string) =>
    request<StudyDay>('POST', `/schools/${id(schoolId)}/study-days/${id(studyDayId)}/cancel`),
  schoolBudget: (schoolId: string, year?: number) =>
    request<SchoolBudget>('GET', `/schools/${id(schoolId)}/budget${year === undefined ? '' : `?year=${year}`}`),
  setBudgetSettings: (schoolId: string, body: BudgetSettingsInput) =>
    request<SchoolBudget>('PUT', `/schools/${id(schoolId)}/budget/settings`, body),
  cyberCheckInstrument: (version: string) => request<CyberCheckInstrument>('GET', `/instruments/cyber-check/${id(version)}`),
  cyberChecks: (schoolId: string) => request<{ items: CyberCheckSummary[] }>('GET', `/schools/${id(schoolId)}/cyber-checks`),
  startCyberCheck: (schoolId: string) => request<CyberCheck>('POST', `/schools/${id(schoolId)}/cyber-checks`),
  cyberCheck: (schoolId: string, checkId: string) => request<CyberCheck>('GET', `/schools/${id(schoolId)}/cyber-checks/${id(checkId)}`),
  answerCyberCheckItem: (schoolId: string, checkId: string, itemId: string, option: number) =>
    request<CyberCheck>('PUT', `/schools/${id(schoolId)}/cyber-checks/${id(checkId)}/answers/${id(itemId)}`, { option }),
  submitCyberCheck: (schoolId: string, checkId: string) => request<CyberCheck>('POST', `/schools/${id(schoolId)}/cyber-checks/${id(checkId)}/submit`),
  cyberCheckResult: (schoolId: string, checkId: string) =>
    request<CyberCheckResult>('GET', `/schools/${id(schoolId)}/cyber-checks/${id(checkId)}/result`),

  policyPlan: (schoolId: string) => request<PolicyPlan>('GET', policyPlanBase(schoolId)),
  savePolicyVision: (schoolId: string, body: VisionInput) => request<PolicyVision>('PUT', policyPlanBase(schoolId), body),
  addPolicyGoal: (schoolId: string, body: GoalInput) => request<PolicyGoal>('POST', `${policyPlanBase(schoolId)}/goals`, body),
  changePolicyGoal: (schoolId: string, goalId: string, body: GoalUpdate) =>
    request<PolicyGoal>('PATCH', `${policyPlanBase(schoolId)}/goals/${id(goalId)}`, body),
  removePolicyGoal: (schoolId: string, goalId: string) => request<void>('DELETE', `${policyPlanBase(schoolId)}/goals/${id(goalId)}`),
  addPolicyAction: (schoolId: string, body: ActionInput) => request<PolicyAction>('POST', `${policyPlanBase(schoolId)}/actions`, body),
  changePolicyAction: (schoolId: string, actionId: string, body: ActionUpdate) =>
    request<PolicyAction>('PATCH', `${policyPlanBase(schoolId)}/actions/${id(actionId)}`, body),
  removePolicyAction: (schoolId: string, actionId: string) => request<void>('DELETE', `${policyPlanBase(schoolId)}/actions/${id(actionId)}`),
  policySources: (schoolId: string) => request<PolicySources>('GET', `${policyPlanBase(schoolId)}/sources`),
  policySuggestions: (schoolId: string, kind: SourceKind, sourceId: string) =>
    request<PolicySuggestions>('GET', `${policyPlanBase(schoolId)}/suggestions?kind=${id(kind)}&id=${id(sourceId)}`),
  addPolicyActionsFromSuggestions: (schoolId: string, body: SuggestionsInput) =>
    request<SuggestionsResult>('POST', `${policyPlanBase(schoolId)}/actions/from-suggestions`, body),

  reflectionInstruments: () => request<{ items: ReflectionInstrument[] }>('GET', '/reflection-instruments'),
  reflectionRounds: (schoolId: string) => request<{ items: ReflectionRound[] }>('GET', `/schools/${id(schoolId)}/reflections`),
  openReflectionRound: (schoolId: string, body: RoundInput) => request<ReflectionRound>('POST', `/schools/${id(schoolId)}/reflections`, body),
  closeReflectionRound: (schoolId: string, roundId: string) =>
    request<ReflectionRound>('POST', `/schools/${id(schoolId)}/reflections/${id(roundId)}/close`),
  reopenReflectionRound: (schoolId: string, roundId: string, closesOn?: string) =>
    request<ReflectionRound>('POST', `/schools/${id(schoolId)}/reflections/${id(roundId)}/reopen`, closesOn ? { closesOn } : {}),
  createReflectionCode: (schoolId: string, roundId: string, body: { label: string; maxResponses?: number }) =>
    request<ReflectionRound>('POST', `/schools/${id(schoolId)}/reflections/${id(roundId)}/codes`, body),
  rotateReflectionCode: (schoolId: string, roundId: string, codeId: string) =>
    request<ReflectionRound>('POST', `/schools/${id(schoolId)}/reflections/${id(roundId)}/codes/${id(codeId)}/rotate`),
  revokeReflectionCode: (schoolId: string, roundId: string, codeId: string) =>
    request<ReflectionRound>('POST', `/schools/${id(schoolId)}/reflections/${id(roundId)}/codes/${id(codeId)}/revoke`),
  reflectionReport: (schoolId: string, roundId: string) =>
    request<ReflectionReport>('GET', `/schools/${id(schoolId)}/reflections/${id(roundId)}/report`),
  myReflections: () => request<{ items: MyReflectionRound[] }>('GET', '/me/reflections'),
  startReflectionResponse: (roundId: string) => request<StartedResponse>('POST', `/reflection-rounds/${id(roundId)}/responses`),
  reflectionCode: (code: string) => request<ClassCodeInfo>('GET', `/reflection-codes/${id(code)}`),
  startPupilReflection: (code: string) => request<StartedResponse>('POST', `/reflection-codes/${id(code)}/responses`),
  reflectionResponse: (token: string) => request<ReflectionResponse>('GET', `/reflection-responses/${id(token)}`),
  answerReflectionItem: (token: string, itemId: string, option: number) =>
    request<ReflectionResponse>('PUT', `/reflection-responses/${id(token)}/answers/${id(itemId)}`, { option }),
  submitReflectionResponse: (token: string) => request<ReflectionResponse>('POST', `/reflection-responses/${id(token)}/submit`),
};

function id(value: string): string {
  return encodeURIComponent(value);
}

function policyPlanBase(schoolId: string): string {
  return `/schools/${id(schoolId)}/policy-plan`;
}

export const exportUrl = (format: 'json' | 'csv') => `/api/me/export?format=${format}`;
export const trainingsExportUrl = '/api/provider/trainings/export';
export const schoolReportDownloadUrl = (schoolId: string, campaignId: string, format: 'csv' | 'xlsx', lang: 'nl' | 'en') =>
  `/api/schools/${id(schoolId)}/campaigns/${id(campaignId)}/report?format=${format}&lang=${lang}`;
export const cyberCheckCsvUrl = (schoolId: string, checkId: string, lang: 'nl' | 'en') =>
  `/api/schools/${id(schoolId)}/cyber-checks/${id(checkId)}/result?format=csv&lang=${lang}`;
export const policyPlanDownloadUrl = (schoolId: string, format: 'csv' | 'xlsx', lang: 'nl' | 'en') =>
  `/api${policyPlanBase(schoolId)}?format=${format}&lang=${lang}`;
export const sessionEnrolmentsCsvUrl = (sessionId: string) => `/api/sessions/${id(sessionId)}/enrolments?format=csv`;
export const reflectionReportCsvUrl = (schoolId: string, roundId: string, lang: 'nl' | 'en') =>
  `/api/schools/${id(schoolId)}/reflections/${id(roundId)}/report?format=csv&lang=${lang}`;
