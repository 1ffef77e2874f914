import { type Background, backgroundSchema, type FrameworkVersionDto, type ProfileDto, type ScanDto, type ScanResultDto, type ScanSummaryDto } from '../../shared/digisnap/api';
import { type Framework, maxTotal, questionnaireOf } from '../../shared/digisnap/framework';
import { buildProfile, extendProfile, type ProfileRanking, parseProfileRanking, profileRankingText, type SubmittedResult } from '../../shared/digisnap/profile';
import { missingCompetences, type ScanResult, scoreAnswers } from '../../shared/digisnap/scoring';
import type { ComparisonGroup, ComparisonPart, ComparisonRequest, PublishedTeam, TeamMember, TeamSource, TeamState } from '../../shared/digisnap/team-aggregates';
import { AppError, conflict, notFound, validationError } from '../../shared/errors';
import { DEFAULT_EPSILON, type Uniform } from '../../shared/platform/differential-privacy';
import { answerProblem, progressOf as scanProgress } from '../../shared/scan/engine';
import type { AuditRepository } from '../platform/audit/audit.repository';
import { newId, nowIso } from '../platform/ids';
import { cryptoUniform } from '../platform/privacy/random';
import type { Answers, DigisnapRepository, ScanRow, SubmittedScan } from './digisnap.repository';
import type { FrameworkRegistry } from './framework.registry';
import { parseBackground } from './team-aggregate';
import { TeamAggregateService } from './team-aggregate.service';

/**
 * Digisnap for one teacher: start, answer, submit, profile, export. Every method takes the
 * caller's user id and reads only that user's scans: another user's scan is simply not found.
 */
export class DigisnapService {
  /** Stored team aggregates, kept up to date by `submitScan`; other modules read them through the aggregates API below. */
  private readonly teams: TeamAggregateService;

  constructor(
    private readonly repo: DigisnapRepository,
    private readonly frameworks: FrameworkRegistry,
    private readonly audit: AuditRepository,
    /** The time recorded on writes; demo data and tests may fix it. */
    private readonly now: () => string = nowIso,
    /** The noise of published team aggregates: ε per histogram and the uniform source (a seeded one in tests). */
    noise: { epsilon: number; uniform: Uniform } = { epsilon: DEFAULT_EPSILON, uniform: cryptoUniform },
  ) {
    this.teams = new TeamAggregateService(repo, (id, version) => frameworks.get(id, version), now, noise);
  }

  currentFramework(): Framework {
    return this.frameworks.current();
  }

  /** Every loaded version, the one new scans use marked `current`. */
  frameworkVersions(): FrameworkVersionDto[] {
    const current = this.frameworks.current();
    return this.frameworks.all().map((framework) => ({
      id: framework.id,
      version: framework.version,
      label: framework.label,
      scoringRule: framework.scoring.rule,
      maxTotal: maxTotal(framework),
      current: framework === current,
    }));
  }

  /** One loaded version; an unknown one is not found, naming the version. */
  frameworkVersion(frameworkId: string, version: string): Framework {
    const framework = this.frameworks.get(frameworkId, version);
    if (!framework) throw notFound(`Framework ${frameworkId} ${version}`, 'params.version');
    return framework;
  }

  frameworkLookup(): (id: string, version: string) => Framework | undefined {
    return (id, version) => this.frameworks.get(id, version);
  }

  /**
   * Resumes the scan in progress, or starts one on the current framework. Idempotent under
   * concurrency: when another start won the race (the database keeps one scan in progress per
   * user), that scan is the answer.
   */
  async startScan(userId: string): Promise<{ scan: ScanDto; created: boolean }> {
    const open = await this.repo.findInProgress(userId);
    if (open) return { scan: await this.toDto(open), created: false };
    const framework = this.frameworks.current();
    const id = newId();
    if (await this.repo.insertScan({ id, userId, frameworkId: framework.id, frameworkVersion: framework.version, now: this.now() })) {
      return { scan: await this.getScan(userId, id), created: true };
    }
    const winner = await this.repo.findInProgress(userId);
    if (!winner) throw conflict('The scan was started and submitted at the same moment; start again');
    return { scan: await this.toDto(winner), created: false };
  }

  async getScan(userId: string, scanId: string): Promise<ScanDto> {
    const { scan, answers } = await this.ownedScanWithAnswers(userId, scanId);
    return this.dtoOf(scan, answers);
  }

  async answerItem(userId: string, scanId: string, competence: string, option: number): Promise<ScanDto> {
    const scan = await this.ownedScan(userId, scanId);
    const problem = answerProblem(questionnaireOf(this.frameworkOf(scan)), competence, option, { item: 'params.competence', option: 'body.option' });
    if (problem) throw validationError(problem.field, problem.message);
    if (!(await this.repo.saveAnswer(scan.id, competence, option, this.now()))) throw submittedError();
    return this.getScan(userId, scanId);
  }

  async answerBackground(userId: string, scanId: string, background: Background): Promise<ScanDto> {
    const scan = await this.ownedScan(userId, scanId);
    const framework = this.frameworkOf(scan);
    const merged: Background = { ...parseBackground(scan.background) };
    for (const [question, value] of Object.entries(background) as Array<[keyof Background, string | null | undefined]>) {
      if (value === undefined) continue;
      const definition = framework.background.find((b) => b.id === question);
      if (value !== null && !definition?.options.some((o) => o.value === value)) {
        throw validationError(`body.${question}`, `${String(value)} is not an answer to ${question}`);
      }
      merged[question] = value;
    }
    if (!(await this.repo.saveBackground(scan.id, JSON.stringify(merged), this.now()))) throw submittedError();
    return this.getScan(userId, scanId);
  }

  /** Idempotent: a retry or a double click returns the one result that was stored. */
  async submitScan(userId: string, scanId: string): Promise<ScanDto> {
    const owned = await this.repo.findSubmittable(scanId, userId);
    if (!owned) throw notFound('Scan', 'params.scanId');
    const { scan, answers, earlierSubmitted } = owned;
    if (scan.status === 'submitted') return this.dtoOf(scan, answers);
    const framework = this.frameworkOf(scan);
    const missing = missingCompetences(framework, answers);
    if (missing.length > 0) {
      throw new AppError(
        'scan_incomplete',
        `${missing.length} competence(s) still need an answer`,
        `answers.${missing[0]}`,
        missing.map((code) => ({ field: `answers.${code}`, message: `Competence ${code} has no answer yet` })),
      );
    }
    const result = scoreAnswers(framework, answers);
    const resultJson = JSON.stringify(result);
    const now = this.now();
    const next: SubmittedResult = { scanId: scan.id, frameworkId: scan.framework_id, frameworkVersion: scan.framework_version, submittedAt: now, result };
    const submitted = await this.repo.submit(
      { id: scan.id, userId, frameworkId: scan.framework_id, frameworkVersion: scan.framework_version, earlierSubmitted },
      { total: result.total, level: result.level, band: result.band, json: resultJson },
      now,
      {
        // From the stored profile plus this scan; from every submitted scan when that cannot tell (see extendProfile).
        extend: (stored) => {
          const profile = extendProfile(JSON.parse(stored) as ProfileDto, next);
          return profile && JSON.stringify(profile);
        },
        alone: () => JSON.stringify(buildProfile([next])),
        // This scan is at hand: only the earlier ones are parsed.
        build: (scans) => JSON.stringify(buildProfile(scans.map((row) => (row.id === scan.id ? next : submittedResult(row))))),
      },
      async (trx, inTeams) => {
        await this.audit.record({ actorId: userId, action: 'scan_submitted', subject: scan.id }, trx);
        if (!inTeams) return;
        await this.teams.scanSubmitted(trx, {
          scanId: scan.id,
          userId,
          frameworkId: scan.framework_id,
          frameworkVersion: scan.framework_version,
          submittedAt: now,
          result,
          background: parseBackground(scan.background),
        });
      },
    );
    // A retry lost the race to an earlier submit: answer with what that one stored.
    if (!submitted) return this.getScan(userId, scanId);
    return this.dtoOf({ ...scan, status: 'submitted', submitted_at: now, updated_at: now, result: resultJson }, answers, result);
  }

  /**
   * `submitScan`'s answer as the JSON the route sends: a string body skips the response
   * serializer, which would parse the whole scan against its schema once more. The keys come in
   * the contract's order, as the serializer would send them (a test holds this to the contract).
   */
  /**
   * Scans taken and submitted in the past, many at once, one per teacher without a scan yet: for
   * the demo's synthetic Flanders, where thousands of scans through `submitScan` (a write per
   * answer) would take minutes. Each is scored like a submit and becomes its teacher's profile;
   * no team counts them, as none had a window open then.
   */
  async importSubmittedScans(scans: ReadonlyArray<{ userId: string; answers: Answers; submittedAt: string }>): Promise<void> {
    const framework = this.frameworks.current();
    const rows = scans.map(({ userId, answers, submittedAt }) => {
      const missing = missingCompetences(framework, answers);
      if (missing.length > 0) throw validationError(`answers.${missing[0]}`, `Competence ${missing[0]} has no answer`);
      const result = scoreAnswers(framework, answers);
      const id = newId();
      const submitted: SubmittedResult = { scanId: id, frameworkId: framework.id, frameworkVersion: framework.version, submittedAt, result };
      return {
        scan: {
          id,
          user_id: userId,
          framework_id: framework.id,
          framework_version: framework.version,
          status: 'submitted' as const,
          background: '{}',
          started_at: submittedAt,
          updated_at: submittedAt,
          submitted_at: submittedAt,
          total: result.total,
          level: result.level,
          band: result.band,
          result: JSON.stringify(result),
        },
        answers: Object.entries(answers).map(([code, option]) => ({ scan_id: id, competence_code: code, option_index: option, answered_at: submittedAt })),
        profile: JSON.stringify(buildProfile([submitted])),
      };
    });
    await this.repo.insertSubmittedScans(rows);
  }

  async submitScanJson(userId: string, scanId: string): Promise<string> {
    return scanJson(await this.submitScan(userId, scanId));
  }

  async listScans(userId: string): Promise<ScanSummaryDto[]> {
    const rows = await this.repo.listOfUser(userId);
    return rows.map((row) => ({
      id: row.id,
      frameworkId: row.framework_id,
      frameworkVersion: row.framework_version,
      status: row.status,
      startedAt: row.started_at,
      submittedAt: row.submitted_at,
      total: row.total === null ? null : Number(row.total),
      level: row.level as ScanSummaryDto['level'],
      band: row.band as ScanSummaryDto['band'],
    }));
  }

  /**
   * The teacher's profile as the JSON the API sends: stored at every submit, so the hottest
   * read is one indexed row. A missing row (a scan submitted before profiles were stored) is
   * rebuilt from the scans and stored.
   */
  async profileJson(userId: string): Promise<string> {
    const stored = await this.repo.profileBody(userId);
    if (stored !== undefined) return stored;
    const submitted = await this.repo.submittedOfUser(userId);
    const profile = buildProfile(submitted.map(submittedResult));
    if (!profile) throw notFound('Profile: no submitted scan yet');
    const body = JSON.stringify(profile);
    await this.repo.saveMissingProfile(userId, profile.scanId, body, this.now());
    return body;
  }

  /** The latest submitted scan, with history and growth since the previous one. */
  async profile(userId: string): Promise<ProfileDto> {
    return JSON.parse(await this.profileJson(userId)) as ProfileDto;
  }

  /**
   * What recommendations rank by, of the teacher's profile: stored beside the profile on the
   * first read after each new latest scan, so later reads skip the 4 kB profile. Fails as
   * `profile` does before a first scan.
   */
  async profileRanking(userId: string): Promise<ProfileRanking> {
    const stored = await this.repo.profileRanking(userId);
    if (stored?.ranking) return parseProfileRanking(stored.ranking);
    const profile = await this.profile(userId);
    const text = profileRankingText(profile);
    // Stored under the scan read first: a submit in between leaves it stale, and the next read makes it again.
    await this.repo.saveProfileRanking(userId, stored?.scanId ?? profile.scanId, text);
    return parseProfileRanking(text);
  }

  /** Every scan of the teacher with its answers and result: the teacher's own data, whole. */
  /** The profile as stored at the latest submit, without building a missing one: what the data download holds. */
  storedProfile(userId: string): Promise<string | undefined> {
    return this.repo.profileBody(userId);
  }

  async exportScans(userId: string): Promise<ScanDto[]> {
    const rows = await this.repo.listOfUser(userId);
    return Promise.all(rows.map((row) => this.toDto(row)));
  }

  // ------------------------------------------------------------ teams (for the school module)

  /**
   * Participation in a window, as counts: who of these users began a scan (one in progress
   * worked on during the window, or one submitted in it) and who submitted one in it. The ids of those who
   * have not submitted come back only for reminders, which the caller sends without showing them.
   */
  async teamParticipation(
    team: readonly TeamMember[],
    window: { from: string; to: string; frameworkId: string; frameworkVersion: string },
  ): Promise<{ invited: number; started: number; completed: number; notCompletedIds: string[] }> {
    const since = new Map(team.map((m) => [m.userId, m.since]));
    const members = new Set(since.keys());
    // Completed as the team report counts it: a scan submitted in the window after the teacher joined.
    const submitted = await this.repo.submittedInWindow([...members], window);
    const completed = new Set(submitted.filter((row) => row.submittedAt >= (since.get(row.userId) ?? '')).map((row) => row.userId));
    const started = new Set([...completed, ...(await this.repo.inProgressDuring([...members], window))]);
    return {
      invited: members.size,
      started: started.size,
      completed: completed.size,
      notCompletedIds: [...members].filter((id) => !completed.has(id)),
    };
  }

  // ------------------------------------------------------------ aggregates API, for other modules
  // Team reports (school) and, later, Flanders-wide figures (knowledge centre) ask these; what
  // they return holds numbers of respondents and protected tables only, never a teacher's scan.

  /** A team's live state as numbers: respondents, how many changed since publication, publications. */
  teamState(source: TeamSource): Promise<TeamState> {
    return this.teams.state(source);
  }

  /** Publishes the team's live state when the privacy gate allows it; null when it may not. */
  publishTeamIfDue(source: TeamSource, threshold: number, part?: ComparisonPart): Promise<PublishedTeam | null> {
    return this.teams.publishIfDue(source, threshold, part);
  }

  /** The team's latest published state, protected, or null before the first. */
  publishedTeam(source: TeamSource, threshold: number): Promise<PublishedTeam | null> {
    return this.teams.published(source, threshold);
  }

  /** Opaque keys of the team's live respondents, to compare with keys the caller stored. */
  liveRespondentKeys(source: TeamSource): Promise<string[]> {
    return this.teams.liveRespondentKeys(source);
  }

  /** The comparison groups (all of Flanders, the same education level) beside one member, protected. */
  teamComparisons(request: ComparisonRequest): Promise<{ all: ComparisonGroup | null; level: ComparisonGroup | null }> {
    return this.teams.comparisons(request);
  }

  /** Whether scans can be taken with this framework version. */
  hasFramework(frameworkId: string, version: string): boolean {
    return this.frameworks.get(frameworkId, version) !== undefined;
  }

  private async ownedScanWithAnswers(userId: string, scanId: string): Promise<{ scan: ScanRow; answers: Record<string, number> }> {
    const owned = await this.repo.findOwnedWithAnswers(scanId, userId);
    if (!owned) throw notFound('Scan', 'params.scanId');
    return owned;
  }

  private async ownedScan(userId: string, scanId: string): Promise<ScanRow> {
    const scan = await this.repo.findOwned(scanId, userId);
    if (!scan) throw notFound('Scan', 'params.scanId');
    return scan;
  }

  private frameworkOf(scan: ScanRow): Framework {
    const framework = this.frameworks.get(scan.framework_id, scan.framework_version);
    if (!framework) throw new Error(`Framework ${scan.framework_id}@${scan.framework_version} of scan ${scan.id} is not loaded`);
    return framework;
  }

  private async toDto(scan: ScanRow): Promise<ScanDto> {
    return this.dtoOf(scan, await this.repo.answersOf(scan.id));
  }

  /** `result`: the scan's result when it is at hand already, to skip parsing it again. */
  private dtoOf(scan: ScanRow, answers: Record<string, number>, result?: ScanResultDto): ScanDto {
    return {
      id: scan.id,
      frameworkId: scan.framework_id,
      frameworkVersion: scan.framework_version,
      status: scan.status,
      startedAt: scan.started_at,
      updatedAt: scan.updated_at,
      submittedAt: scan.submitted_at,
      answers,
      background: parseBackground(scan.background),
      progress: progressOf(this.frameworkOf(scan), answers),
      result: result ?? (scan.result ? (JSON.parse(scan.result) as ScanResultDto) : null),
    };
  }
}

const submittedResult = (scan: SubmittedScan): SubmittedResult => ({
  scanId: scan.id,
  frameworkId: scan.frameworkId,
  frameworkVersion: scan.frameworkVersion,
  submittedAt: scan.submittedAt,
  result: JSON.parse(scan.result) as ScanResult,
});

/** A scan as the JSON of its contract: the background's answers in the contract's order, unknown keys left out. */
function scanJson(scan: ScanDto): string {
  const background: Background = {};
  for (const question of BACKGROUND_QUESTIONS) if (scan.background[question] !== undefined) background[question] = scan.background[question];
  return JSON.stringify({ ...scan, background });
}

const BACKGROUND_QUESTIONS = Object.keys(backgroundSchema.shape) as Array<keyof Background>;

const submittedError = () => new AppError('scan_submitted', 'This scan is submitted and can no longer change', 'params.scanId');

const progressOf = (framework: Framework, answers: Record<string, number>) => scanProgress(questionnaireOf(framework), answers);
