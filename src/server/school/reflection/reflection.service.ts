import type { ReflectionFront } from '../../../shared/centre/fronts';
import { effectiveThreshold } from '../../../shared/digisnap/privacy';
import { AppError, conflict, forbidden, notFound, unauthenticated, validationError } from '../../../shared/errors';
import { formatDate } from '../../../shared/i18n/format';
import type { Role } from '../../../shared/platform/api';
import type { Uniform } from '../../../shared/platform/differential-privacy';
import { type Answers, answerProblem, missingItems, progressOf } from '../../../shared/scan/engine';
import { answeredBy, type Instrument, questionnaireFor, scaleOptions } from '../../../shared/scan/instrument';
import { brusselsDate, campaignStatus, campaignWindow, windowProblem, windowsOverlap } from '../../../shared/school/campaign/campaign';
import type { SuggestedAction } from '../../../shared/school/policy-plan/suggested-action';
import {
  groupForRoles,
  type MyReflectionRound,
  type OpenRoundBody,
  type ReflectionGroup,
  type ReflectionReport,
  type ReflectionResponseDto,
  type ReflectionRoundDto,
  type ReflectionSourceKind,
  reflectionGroups,
  reflectionInstrumentIds,
  sourceKindOf,
} from '../../../shared/school/reflection/reflection';
import { flandersAreas, type ReleasedArea } from '../../../shared/school/reflection/reflection-flanders';
import { type ReflectionPublication, reflectionPublicationSchema, reflectionSuggestedActions, type SubmittedReflection } from '../../../shared/school/reflection/reflection-report';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import type { AuthService } from '../../platform/auth/auth.service';
import { newId, newReadableCode, newToken, sha256 } from '../../platform/ids';
import type { InstrumentRegistry } from '../instrument.registry';
import type { ActionSource, SourceResult } from '../policy-plan/action-sources';
import { normaliseJoinCode, type SchoolService } from '../school.service';
import { releaseReflectionAggregate, reportOfPublication } from './reflection.gate';
import type { ClassCodeRow, ReflectionRepository, ResponseRow, RoundRow } from './reflection.repository';

export interface ReflectionDeps {
  /** The access check every use case starts with. */
  access: AccessPolicy;
  schools: SchoolService;
  auth: AuthService;
  audit: AuditRepository;
  instruments: InstrumentRegistry;
  /** Where the web app is reached, for the class-code links. */
  appUrl: string;
  /** The clock; tests may fix it. */
  now?: () => Date;
  /** ε of one published histogram (PRIVACY_EPSILON). */
  epsilon: number;
  /** Where publication noise comes from: cryptoUniform on the server, a seeded source in tests. */
  uniform: Uniform;
}

/**
 * Reflection rounds of a school (the school reflection and the AI-readiness reflection), their
 * anonymous responses and their report. Managers' methods check access first: a school the caller
 * has no role in is not found (404), another role gets 403. Respondents reach a response only
 * through its token, which is stored as a hash; nothing stored links a response to an account.
 */
export class ReflectionService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: ReflectionRepository,
    private readonly deps: ReflectionDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The reflection instruments a round can be opened with, in their newest version. */
  listInstruments() {
    return Object.values(reflectionInstrumentIds).flatMap((id) => {
      const instrument = this.deps.instruments.latest(id);
      if (!instrument) return [];
      const groups = reflectionGroups.filter((group) => instrument.groups.includes(group));
      return [
        {
          id,
          version: instrument.version,
          name: instrument.name,
          description: instrument.description,
          groups,
          sections: instrument.sections.length,
          items: groups.map((group) => ({ group, count: itemCount(instrument, group) })),
        },
      ];
    });
  }

  // ------------------------------------------------------------ rounds (managers)

  async openRound(userId: string, schoolId: string, body: OpenRoundBody): Promise<ReflectionRoundDto> {
    await this.deps.access.require(userId, 'manageReflections', schoolId);
    const instrument = this.deps.instruments.latest(body.instrumentId);
    if (!instrument) throw validationError('body.instrumentId', `${body.instrumentId} is not loaded`);
    body.groups.forEach((group, index) => {
      if (!instrument.groups.includes(group)) throw validationError(`body.groups[${index}]`, `${group} do not answer ${body.instrumentId}`);
    });
    this.checkDates(body.opensOn, body.closesOn);
    const row: RoundRow = {
      id: newId(),
      school_id: schoolId,
      instrument_id: instrument.id,
      instrument_version: instrument.version,
      groups: reflectionGroups.filter((group) => body.groups.includes(group)).join(','),
      opens_on: body.opensOn,
      closes_on: body.closesOn,
      closed_at: null,
      min_group_size: effectiveThreshold(body.minGroupSize),
      max_responses_per_code: body.maxResponsesPerCode,
      opened_by: userId,
      created_at: this.now().toISOString(),
    };
    const clash = await this.repo.insertRoundUnlessClashing(row, (others) => clashing(others, row, windowOf(row)));
    if (clash) throw clashError(clash);
    await this.deps.audit.record({ actorId: userId, action: 'reflection_opened', subject: row.id, details: { schoolId, instrument: row.instrument_id } });
    return this.roundDto(row);
  }

  async listRounds(userId: string, schoolId: string): Promise<ReflectionRoundDto[]> {
    await this.deps.access.require(userId, 'readReflections', schoolId);
    const rows = await this.repo.roundsOfSchools([schoolId]);
    const codes = await this.repo.codesOfRounds(rows.map((row) => row.id));
    return Promise.all(rows.map((row) => this.roundDto(row, codes)));
  }

  async getRound(userId: string, schoolId: string, roundId: string): Promise<ReflectionRoundDto> {
    await this.deps.access.require(userId, 'readReflections', schoolId);
    return this.roundDto(await this.roundOf(schoolId, roundId));
  }

  async closeRound(userId: string, schoolId: string, roundId: string): Promise<ReflectionRoundDto> {
    await this.deps.access.require(userId, 'manageReflections', schoolId);
    const round = await this.roundOf(schoolId, roundId);
    const now = this.now();
    if (statusOf(round, now) === 'closed' || !(await this.repo.closeRound(round.id, now.toISOString()))) {
      throw conflict('This round is closed already', 'params.roundId');
    }
    await this.deps.audit.record({ actorId: userId, action: 'reflection_closed', subject: round.id });
    return this.roundDto((await this.repo.findRound(schoolId, roundId))!);
  }

  /** Opens a closed round again, to its old last day or a new one; answers given before stay. */
  async reopenRound(userId: string, schoolId: string, roundId: string, body: { closesOn?: string }): Promise<ReflectionRoundDto> {
    await this.deps.access.require(userId, 'manageReflections', schoolId);
    const round = await this.roundOf(schoolId, roundId);
    if (statusOf(round, this.now()) !== 'closed') throw conflict('Only a closed round can be reopened', 'params.roundId');
    const closesOn = body.closesOn ?? round.closes_on;
    if (closesOn < brusselsDate(this.now())) throw validationError('body.closesOn', 'The last day has passed: give a new closesOn, today or later');
    this.checkDates(round.opens_on, closesOn);
    const window = campaignWindow({ opensOn: round.opens_on, closesOn, closedAt: null });
    const clash = await this.repo.reopenUnlessClashing(round, closesOn, (others) => clashing(others, round, window));
    if (clash) throw clashError(clash);
    await this.deps.audit.record({ actorId: userId, action: 'reflection_reopened', subject: round.id, details: { closesOn } });
    return this.roundDto((await this.repo.findRound(schoolId, roundId))!);
  }

  // ------------------------------------------------------------ class codes (managers)

  async createCode(userId: string, schoolId: string, roundId: string, body: { label: string; maxResponses?: number }): Promise<ReflectionRoundDto> {
    await this.deps.access.require(userId, 'manageReflections', schoolId);
    const round = await this.roundOf(schoolId, roundId);
    if (!groupsOf(round).includes('pupils')) throw conflict('Pupils do not take part in this round', 'params.roundId');
    const code: ClassCodeRow = {
      id: newId(),
      round_id: round.id,
      label: body.label,
      code: await this.newCode(),
      max_responses: body.maxResponses ?? Number(round.max_responses_per_code),
      used: 0,
      created_at: this.now().toISOString(),
      revoked_at: null,
    };
    await this.repo.insertCode(code);
    await this.deps.audit.record({ actorId: userId, action: 'reflection_code_created', subject: round.id, details: { codeId: code.id } });
    return this.roundDto(round);
  }

  /** A new code text for the same class; the old one stops working at once. */
  async rotateCode(userId: string, schoolId: string, roundId: string, codeId: string): Promise<ReflectionRoundDto> {
    const { round, code } = await this.managedCode(userId, schoolId, roundId, codeId);
    if (code.revoked_at !== null) throw conflict('This code was revoked', 'params.codeId');
    await this.repo.replaceCode(code.id, await this.newCode());
    await this.deps.audit.record({ actorId: userId, action: 'reflection_code_rotated', subject: round.id, details: { codeId } });
    return this.roundDto(round);
  }

  async revokeCode(userId: string, schoolId: string, roundId: string, codeId: string): Promise<ReflectionRoundDto> {
    const { round, code } = await this.managedCode(userId, schoolId, roundId, codeId);
    if (!(await this.repo.revokeCode(code.id, this.now().toISOString()))) throw conflict('This code was revoked already', 'params.codeId');
    await this.deps.audit.record({ actorId: userId, action: 'reflection_code_revoked', subject: round.id, details: { codeId } });
    return this.roundDto(round);
  }

  // ------------------------------------------------------------ the report

  /**
   * The round's report. A group's answers join it only in batches of at least the threshold:
   * the first time once the group reaches it, later once that many more have submitted (until
   * then the group is `awaiting`). Each batch makes a new publication whose noisy counts are
   * stored; every read in between serves the stored one. Two publications therefore never differ
   * by fewer people than the threshold in any group, and each count carries noise besides.
   * No group in the report at the threshold: 422 too_few_respondents.
   */
  async report(userId: string, schoolId: string, roundId: string): Promise<ReflectionReport> {
    await this.deps.access.require(userId, 'readReflections', schoolId);
    return this.buildReport(await this.roundOf(schoolId, roundId));
  }

  /** The two action sources of this module, for the ICT policy plan. */
  actionSources(): ActionSource[] {
    return (Object.keys(reflectionInstrumentIds) as ReflectionSourceKind[]).map((kind) => ({
      kind,
      suggestedActions: (userId, schoolId, roundId) => this.suggestedActions(kind, userId, schoolId, roundId),
      latestResult: (userId, schoolId) => this.latestRound(kind, userId, schoolId),
    }));
  }

  /** The school's newest round of this kind that has begun, for the policy plan's panels; null when there is none. */
  async latestRound(kind: ReflectionSourceKind, userId: string, schoolId: string): Promise<SourceResult | null> {
    await this.deps.access.require(userId, 'readReflections', schoolId);
    const now = this.now();
    const round = (await this.repo.roundsOfSchools([schoolId])).find((candidate) => sourceKindOf(candidate.instrument_id) === kind && statusOf(candidate, now) !== 'scheduled');
    if (!round) return null;
    const name = this.instrumentOf(round).name;
    const period = (locale: 'nl' | 'en') => `${formatDate(round.opens_on, locale)} – ${formatDate(round.closes_on, locale)}`;
    return { id: round.id, date: round.opens_on, label: { nl: `${name.nl} (${period('nl')})`, en: `${name.en} (${period('en')})` } };
  }

  /** What the report shows below the action threshold, as actions; a round of the other instrument is not found. */
  async suggestedActions(kind: ReflectionSourceKind, userId: string, schoolId: string, roundId: string): Promise<SuggestedAction[]> {
    await this.deps.access.require(userId, 'readReflections', schoolId);
    const round = await this.roundOf(schoolId, roundId);
    if (sourceKindOf(round.instrument_id) !== kind) throw notFound('Round', 'params.roundId');
    const report = await this.buildReport(round);
    return reflectionSuggestedActions(report, this.instrumentOf(round), { kind, id: round.id });
  }

  // ------------------------------------------------------------ respondents with an account

  /** Open rounds in the caller's schools that their group answers, with how far they got. */
  async listMyRounds(userId: string): Promise<MyReflectionRound[]> {
    const user = await this.deps.auth.currentUser(userId);
    const schoolNames = new Map(user.memberships.map((m) => [m.schoolId, m.schoolName]));
    const now = this.now();
    const open = (await this.repo.roundsOfSchools([...schoolNames.keys()])).filter((round) => statusOf(round, now) === 'open');
    const done = await this.repo.participationsOfUser(
      userId,
      open.map((round) => round.id),
    );
    const rolesBySchool = new Map<string, Role[]>();
    const items: MyReflectionRound[] = [];
    for (const round of open) {
      if (!rolesBySchool.has(round.school_id)) rolesBySchool.set(round.school_id, await this.deps.schools.rolesIn(userId, round.school_id));
      const group = groupForRoles(rolesBySchool.get(round.school_id)!, groupsOf(round));
      if (!group) continue;
      const completed = done.get(round.id);
      items.push({
        roundId: round.id,
        schoolId: round.school_id,
        schoolName: schoolNames.get(round.school_id)!,
        instrument: this.instrumentRef(round),
        closesOn: round.closes_on,
        group,
        status: completed === undefined ? 'not_started' : completed ? 'completed' : 'started',
      });
    }
    return items;
  }

  /**
   * A new response for the caller, in the group their roles give. The participation record
   * says they started; the response itself knows only its group. Starting again (a lost token)
   * gives a new response; an unsubmitted one never counts.
   */
  async startAccountResponse(userId: string, roundId: string): Promise<{ token: string; response: ReflectionResponseDto }> {
    const round = await this.repo.findRoundById(roundId);
    const roles = round ? await this.deps.schools.rolesIn(userId, round.school_id) : [];
    if (!round || roles.length === 0) throw notFound('Round', 'params.roundId');
    const group = groupForRoles(roles, groupsOf(round));
    if (!group) throw forbidden('Your group does not take part in this round');
    this.requireOpen(round);
    const token = newToken();
    const response: ResponseRow = { id: newId(), roundId: round.id, group, submitted: false };
    if (!(await this.repo.startAccountResponse({ roundId: round.id, userId, group }, { id: response.id, tokenHash: sha256(token) }))) {
      throw alreadyAnswered();
    }
    return { token, response: await this.responseDto(response, round) };
  }

  // ------------------------------------------------------------ pupils (no account)

  /** What a class code opens: the school, the instrument, whether it is open. Unknown or revoked: 404. */
  async codeInfo(code: string) {
    const { row, round } = await this.liveCode(code);
    return { label: row.label, round: await this.publicRound(round) };
  }

  /** A pupil's new response through a class code, within the code's maximum (409 class_code_full). */
  async startPupilResponse(code: string): Promise<{ token: string; response: ReflectionResponseDto }> {
    const { row, round } = await this.liveCode(code);
    this.requireOpen(round);
    const token = newToken();
    const response: ResponseRow = { id: newId(), roundId: round.id, group: 'pupils', submitted: false };
    if (!(await this.repo.startPupilResponse(row.id, { id: response.id, roundId: round.id, tokenHash: sha256(token) }))) {
      throw new AppError('class_code_full', `This class code admits ${row.max_responses} pupils and all places are taken`, 'params.code');
    }
    return { token, response: await this.responseDto(response, round) };
  }

  // ------------------------------------------------------------ any response, by its token

  async getResponse(token: string): Promise<ReflectionResponseDto> {
    const { response, round } = await this.responseOf(token);
    return this.responseDto(response, round);
  }

  async answer(token: string, itemId: string, option: number): Promise<ReflectionResponseDto> {
    const { response, round } = await this.responseOf(token);
    const problem = answerProblem(questionnaireFor(this.instrumentOf(round), response.group), itemId, option, { item: 'params.item', option: 'body.option' });
    if (problem) throw validationError(problem.field, problem.message);
    if (response.submitted) throw submittedError();
    this.requireOpen(round);
    if (!(await this.repo.saveAnswer(response.id, itemId, option))) throw submittedError();
    return this.responseDto(response, round);
  }

  /**
   * Submits a complete response; a submitted one is returned as it is (idempotent). An account
   * holder's response needs their session: their participation is marked completed with it, in
   * one transaction, so an account submits once (409 already_answered).
   */
  async submit(token: string, userId: string | null): Promise<ReflectionResponseDto> {
    const { response, round } = await this.responseOf(token);
    if (response.submitted) return this.responseDto(response, round);
    const answers = await this.repo.answersOf(response.id);
    const missing = missingItems(questionnaireFor(this.instrumentOf(round), response.group), answers);
    if (missing.length > 0) {
      throw new AppError(
        'scan_incomplete',
        `${missing.length} statement(s) still need an answer`,
        `answers.${missing[0]}`,
        missing.map((item) => ({ field: `answers.${item}`, message: `${item} has no answer yet` })),
      );
    }
    this.requireOpen(round);
    if (response.group === 'pupils') await this.repo.submitResponse(response.id);
    else await this.submitForAccount(response, userId);
    return this.responseDto({ ...response, submitted: true }, round, answers);
  }

  // ------------------------------------------------------------ internals

  private async submitForAccount(response: ResponseRow, userId: string | null): Promise<void> {
    if (userId === null) throw unauthenticated();
    const participation = await this.repo.participationOf(response.roundId, userId);
    if (!participation || participation.group !== response.group) throw forbidden('Only the account that started this response can submit it');
    if (participation.completed) throw alreadyAnswered();
    const outcome = await this.repo.submitAccountResponse(response.id, { roundId: response.roundId, userId });
    if (outcome === 'already_answered') throw alreadyAnswered();
  }

  /**
   * The report from the round's publication: a new one is drawn (and stored) only when a group
   * has at least the threshold of new respondents since the last; every other read serves the
   * stored one, so reading again shows the same numbers and learns nothing new.
   */
  private async buildReport(round: RoundRow): Promise<ReflectionReport> {
    const threshold = effectiveThreshold(Number(round.min_group_size));
    const instrument = this.instrumentOf(round);
    const groups = groupsOf(round);
    const draw = (answers: ReadonlyArray<{ responseId: string; group: ReflectionGroup; itemId: string; option: number }>, previous: string | undefined) =>
      JSON.stringify(
        releaseReflectionAggregate({
          instrument,
          groups,
          responses: responsesOf(answers),
          threshold,
          epsilon: this.deps.epsilon,
          uniform: this.deps.uniform,
          previous: previous === undefined ? undefined : parsePublication(previous),
        }),
      );
    const { publication, awaiting } = await this.repo.publishIfDue(round.id, threshold, draw, this.now().toISOString());
    const aggregate = reportOfPublication(publication && parsePublication(publication.content), { instrument, groups, threshold });
    const school = await this.deps.schools.schoolOf(round.school_id);
    return {
      ...aggregate,
      round: {
        id: round.id,
        schoolId: round.school_id,
        schoolName: school?.name ?? '',
        instrument: this.instrumentRef(round),
        opensOn: round.opens_on,
        closesOn: round.closes_on,
        status: statusOf(round, this.now()),
      },
      groups: aggregate.groups.map((entry) => ({ ...entry, awaiting: awaiting.includes(entry.group) })),
      noise: { ...aggregate.noise, publication: publication!.number, publishedAt: publication!.publishedAt },
    };
  }

  /**
   * Flanders-wide, for the knowledge centre: per area, the respondents and their mean over every
   * round's latest publication. Only what the gate released is read (shown groups, noisy counts),
   * added up by `flandersAreas`.
   */
  async flandersFront(): Promise<ReflectionFront> {
    const released: ReleasedArea[][] = [];
    let asOf: string | null = null;
    for (const { round, publication } of await this.repo.latestPublications()) {
      const shape = { instrument: this.instrumentOf(round), groups: groupsOf(round), threshold: effectiveThreshold(Number(round.min_group_size)) };
      try {
        released.push(reportOfPublication(parsePublication(publication.content), shape).sections);
      } catch (error) {
        if (error instanceof AppError && error.id === 'too_few_respondents') continue;
        throw error;
      }
      if (asOf === null || publication.publishedAt > asOf) asOf = publication.publishedAt;
    }
    return { source: { module: 'school', asOf: asOf && brusselsDate(new Date(asOf)) }, rounds: released.length, areas: flandersAreas(released) };
  }

  private async roundDto(row: RoundRow, codesOfRounds?: ClassCodeRow[]): Promise<ReflectionRoundDto> {
    const [counts, codes] = await Promise.all([
      this.repo.participationCounts(row.id),
      codesOfRounds ? Promise.resolve(codesOfRounds.filter((code) => code.round_id === row.id)) : this.repo.codesOfRounds([row.id]),
    ]);
    const groups = groupsOf(row);
    return {
      id: row.id,
      schoolId: row.school_id,
      instrument: this.instrumentRef(row),
      sourceKind: sourceKindOf(row.instrument_id),
      groups,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      closedAt: row.closed_at,
      status: statusOf(row, this.now()),
      minGroupSize: Number(row.min_group_size),
      maxResponsesPerCode: Number(row.max_responses_per_code),
      createdAt: row.created_at,
      participation: groups.map((group) => counts.find((count) => count.group === group) ?? { group, started: 0, completed: 0 }),
      codes: codes.map((code) => this.codeDto(code)),
    };
  }

  private codeDto(code: ClassCodeRow) {
    const shown = `${code.code.slice(0, 4)}-${code.code.slice(4)}`;
    return {
      id: code.id,
      label: code.label,
      code: shown,
      url: `${this.deps.appUrl}/reflectie/${shown}`,
      maxResponses: Number(code.max_responses),
      used: Number(code.used),
      revokedAt: code.revoked_at,
    };
  }

  private async responseDto(response: ResponseRow, round: RoundRow, known?: Answers): Promise<ReflectionResponseDto> {
    const instrument = this.instrumentOf(round);
    const questionnaire = questionnaireFor(instrument, response.group);
    const options = scaleOptions(instrument);
    const answers = known ?? (await this.repo.answersOf(response.id));
    return {
      round: await this.publicRound(round),
      group: response.group,
      submitted: response.submitted,
      answers: { ...answers },
      progress: progressOf(questionnaire, answers),
      questionnaire: {
        sections: questionnaire.sections.map((section) => ({
          id: section.id,
          name: section.name,
          items: section.items.map((item) => ({ id: item.id, statement: item.statement, options })),
        })),
      },
    };
  }

  private async publicRound(round: RoundRow) {
    const school = await this.deps.schools.schoolOf(round.school_id);
    return { id: round.id, schoolName: school?.name ?? '', instrument: this.instrumentRef(round), status: statusOf(round, this.now()), closesOn: round.closes_on };
  }

  private instrumentRef(round: RoundRow) {
    const instrument = this.instrumentOf(round);
    return { id: instrument.id, version: instrument.version, name: instrument.name, description: instrument.description };
  }

  private instrumentOf(round: RoundRow): Instrument {
    const instrument = this.deps.instruments.get(round.instrument_id, round.instrument_version);
    if (!instrument) throw new Error(`Instrument ${round.instrument_id}@${round.instrument_version} of round ${round.id} is not loaded`);
    return instrument;
  }

  private async roundOf(schoolId: string, roundId: string): Promise<RoundRow> {
    const round = await this.repo.findRound(schoolId, roundId);
    if (!round) throw notFound('Round', 'params.roundId');
    return round;
  }

  private async managedCode(userId: string, schoolId: string, roundId: string, codeId: string) {
    await this.deps.access.require(userId, 'manageReflections', schoolId);
    const round = await this.roundOf(schoolId, roundId);
    const code = await this.repo.findCode(round.id, codeId);
    if (!code) throw notFound('Class code', 'params.codeId');
    return { round, code };
  }

  private async liveCode(code: string): Promise<{ row: ClassCodeRow; round: RoundRow }> {
    const normalised = normaliseJoinCode(code);
    const row = normalised.length === 8 ? await this.repo.findLiveCode(normalised) : undefined;
    const round = row && (await this.repo.findRoundById(row.round_id));
    if (!row || !round) throw notFound('Class code', 'params.code');
    return { row, round };
  }

  private async responseOf(token: string): Promise<{ response: ResponseRow; round: RoundRow }> {
    const response = await this.repo.findResponse(sha256(token));
    const round = response && (await this.repo.findRoundById(response.roundId));
    if (!response || !round) throw notFound('Response', 'params.token');
    return { response, round };
  }

  private requireOpen(round: RoundRow): void {
    const status = statusOf(round, this.now());
    if (status === 'scheduled') throw new AppError('round_not_open', `This round opens on ${round.opens_on}`, 'params.roundId');
    if (status === 'closed') throw new AppError('round_not_open', 'This round is closed', 'params.roundId');
  }

  private async newCode(): Promise<string> {
    for (;;) {
      const code = newReadableCode();
      if (!(await this.repo.codeExists(code))) return code;
    }
  }

  private checkDates(opensOn: string, closesOn: string): void {
    const problem = windowProblem(opensOn, closesOn, brusselsDate(this.now()), 'round');
    if (problem) throw validationError('body.closesOn', problem);
  }
}

const groupsOf = (round: RoundRow): ReflectionGroup[] => round.groups.split(',').filter((g): g is ReflectionGroup => (reflectionGroups as readonly string[]).includes(g));

const windowOf = (round: RoundRow) => campaignWindow({ opensOn: round.opens_on, closesOn: round.closes_on, closedAt: round.closed_at });

const statusOf = (round: RoundRow, now: Date) => campaignStatus({ opensOn: round.opens_on, closesOn: round.closes_on, closedAt: round.closed_at }, now);

/** Two rounds of one instrument in one school may not overlap: the team would not know which one to answer. */
function clashing(others: RoundRow[], round: RoundRow, window: { from: string; to: string }): RoundRow | undefined {
  return others.find((other) => other.id !== round.id && other.instrument_id === round.instrument_id && windowsOverlap(windowOf(other), window));
}

const clashError = (clash: RoundRow) => conflict(`The window overlaps round ${clash.id} (${clash.opens_on} – ${clash.closes_on}) of the same instrument`, 'body.opensOn');

const submittedError = () => new AppError('scan_submitted', 'This response is submitted and can no longer change', 'params.token');

const alreadyAnswered = () => new AppError('already_answered', 'You have submitted an answer to this round already', 'params.roundId');

function itemCount(instrument: Instrument, group: ReflectionGroup): number {
  return instrument.sections.reduce((sum, section) => sum + section.items.filter((item) => answeredBy(item, group, instrument)).length, 0);
}

/** A stored publication, checked: a row that does not parse is a bug, not bad input. */
function parsePublication(content: string): ReflectionPublication {
  return reflectionPublicationSchema.parse(JSON.parse(content));
}

/** Answer rows → one answer set per response, keyed by nothing but the response they belong to. */
function responsesOf(rows: ReadonlyArray<{ responseId: string; group: ReflectionGroup; itemId: string; option: number }>): SubmittedReflection[] {
  const byResponse = new Map<string, { group: ReflectionGroup; answers: Record<string, number> }>();
  for (const row of rows) {
    const entry = byResponse.get(row.responseId) ?? { group: row.group, answers: {} };
    entry.answers[row.itemId] = row.option;
    byResponse.set(row.responseId, entry);
  }
  return [...byResponse.values()];
}
