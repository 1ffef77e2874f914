import type { z } from 'zod';
import {
  providerInputSchema,
  type SearchQuery,
  type SearchResultDto,
  type SessionDto,
  type SessionInput,
  type TrainingDto,
  type TrainingInput,
  type TrainingSummaryDto,
  trainingInputSchema,
} from '../../shared/catalogue/api';
import { competenceList } from '../../shared/digisnap/framework';
import { AppError, forbidden, notFound, validationError } from '../../shared/errors';
import type { Role } from '../../shared/platform/api';
import { brusselsDate } from '../../shared/platform/brussels-time';
import type { TableBody } from '../../shared/platform/endpoint';
import { issueOfZod } from '../../shared/zod-issues';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthContext } from '../platform/auth/auth.service';
import { newId } from '../platform/ids';
import { ImportProblems, importRejected } from '../platform/import/import-problems';
import { ITEMS_PER_TURN, nextTurn } from '../platform/import/next-turn';
import { searchTerms } from '../platform/search/search-text';
import { actsForEveryProvider, type Caller, managesProvider, requireProviderSide, seesUnverifiedProviders } from './catalogue.access';
import type { CompetenceProfiles } from './catalogue.needs';
import { type CatalogueRepository, type SessionRow, sessionColumns, type TrainingRow } from './catalogue.repository';
import { RecommendationCatalogue, type Snapshot, type SummaryShape } from './catalogue.snapshot';
import type { EnrolmentRepository } from './enrolment.repository';
import { JsonBytes } from './json-bytes';
import { SearchCache } from './search.cache';
import type { SearchFilters } from './search.types';
import { csvColumnOf, type ImportProblem, readTrainingCsv, writeTrainingCsv } from './training-csv';
import { toProviderDto, toProviderRef, toSessionDto, toSummary, toTrainingInput } from './training-dto';

export type ProviderDto = ReturnType<typeof toProviderDto>;
/** A search result whose items are whole summaries, not the API's list items. */
export type SearchResultWithSummaries = Omit<SearchResultDto, 'items'> & { items: TrainingSummaryDto[] };
/** CSV text, an .xlsx workbook's bytes, or JSON. */
export type ImportBody = TableBody | { trainings: unknown[] };

export interface CatalogueDeps {
  /** Every role of a user, platform-wide or in any school: what a `Caller` carries. */
  rolesOf: (userId: string) => Promise<ReadonlySet<Role>>;
  /** The platform's access policy: adding and verifying providers are platform capabilities. */
  access: Pick<AccessPolicy, 'requirePlatform'>;
  digisnap: CompetenceProfiles;
  audit: AuditRepository;
  /** The clock; tests and demo data may fix it. */
  now?: () => Date;
  /** Seconds a search result may be served from memory; 0 turns the cache off. */
  searchCacheSeconds?: number;
}

/**
 * What search results may hold in memory: a result keeps its page's ids (the snapshot's own
 * strings), total and facets' JSON, about 1.5 KB, so some 10,000 searches.
 */
const SEARCH_CACHE_BYTES = 16 * 1024 * 1024;

/** A search's result as kept: its items are summarised per request, with live seats. */
interface FoundPage {
  ids: string[];
  total: number;
  /** The facets' JSON as UTF-8, copied into each answer as it is. */
  facetsJson: Buffer;
}

/**
 * The training database: providers, trainings, sessions, search, import and export. Each
 * public method resolves access first. Provider-side work needs a provider account or an
 * admin (403 otherwise); a training of another provider, or an unpublished one, is not found.
 */
export class CatalogueService {
  private readonly now: () => Date;
  private readonly searchCache: SearchCache<FoundPage>;
  /** The snapshot the cached results were found in: a new snapshot (the catalogue changed) drops them. */
  private cachedFor: Snapshot | undefined;
  /** Where search answers are written (one at a time: nothing is awaited while writing). */
  private readonly answer = new JsonBytes();
  /** The published catalogue kept in memory, which search and recommendations read. */
  readonly inMemory: RecommendationCatalogue;

  constructor(
    private readonly repo: CatalogueRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly deps: CatalogueDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    this.searchCache = new SearchCache(SEARCH_CACHE_BYTES, this.readCacheSeconds * 1000, (found) => found.facetsJson.length + 8 * found.ids.length + 64);
    this.inMemory = new RecommendationCatalogue(repo);
  }

  /** Seconds a search result may be served from memory, and whether recommendations read the catalogue kept in memory; 0: neither. */
  get readCacheSeconds(): number {
    return this.deps.searchCacheSeconds ?? 30;
  }

  /** Told by the enrolment service after an enrolment or cancellation is written. */
  seatsChanged(sessionId: string): void {
    this.inMemory.seatsChanged(sessionId);
  }

  /** A write of the catalogue in this process: what is kept in memory, and the results found in it, go at once. */
  private catalogueChanged(): void {
    this.inMemory.invalidate();
  }

  /** The caller behind a session, with roles and provider organisations; null when anonymous. */
  async caller(auth: AuthContext | null): Promise<Caller | null> {
    if (!auth) return null;
    const [roles, providers] = await Promise.all([this.deps.rolesOf(auth.userId), this.repo.providersOfUser(auth.userId)]);
    return { userId: auth.userId, roles, providerIds: providers.map((p) => p.providerId) };
  }

  // ------------------------------------------------------------ providers

  providersOfUser(userId: string) {
    return this.repo.providersOfUser(userId);
  }

  async listProviders(caller: Caller | null): Promise<ProviderDto[]> {
    return (await this.repo.listProviders(!seesUnverifiedProviders(caller))).map(toProviderDto);
  }

  /** Every provider, verified or not, without an access check: for the command line. */
  async listAllProviders(): Promise<ProviderDto[]> {
    return (await this.repo.listProviders(false)).map(toProviderDto);
  }

  async createProvider(userId: string, input: z.input<typeof providerInputSchema>): Promise<ProviderDto> {
    await this.deps.access.requirePlatform(userId, 'addProviders');
    return this.addProvider(input, userId);
  }

  /** Adds a provider without an access check: for the command line and demo data, whose operator is trusted. */
  async addProvider(input: z.input<typeof providerInputSchema>, actorId: string | null = null): Promise<ProviderDto> {
    const parsed = providerInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw validationError(String(issue.path[0] ?? 'provider'), `${String(issue.path[0] ?? 'provider')}: ${issue.message}`);
    }
    const id = newId();
    await this.repo.insertProvider({ id, ...parsed.data, now: this.nowIso() });
    await this.deps.audit.record({ actorId, action: 'provider_created', subject: id, details: { name: parsed.data.name } });
    return toProviderDto((await this.repo.findProvider(id))!);
  }

  async verifyProvider(userId: string, providerId: string): Promise<ProviderDto> {
    await this.deps.access.requirePlatform(userId, 'verifyProviders');
    return this.markVerified(providerId, userId);
  }

  async markVerified(providerId: string, actorId: string | null): Promise<ProviderDto> {
    if (!(await this.repo.findProvider(providerId))) throw notFound('Provider', 'params.providerId');
    await this.repo.verifyProvider(providerId, actorId ?? 'system', this.nowIso());
    await this.deps.audit.record({ actorId, action: 'provider_verified', subject: providerId });
    this.catalogueChanged();
    return toProviderDto((await this.repo.findProvider(providerId))!);
  }

  /** Links an account to a provider organisation (command line: `users add --provider`). */
  async addProviderMember(userId: string, providerId: string): Promise<void> {
    await this.requireProviderExists(providerId, 'provider');
    await this.repo.addProviderMember(userId, providerId, this.nowIso());
  }

  async requireProviderExists(providerId: string, field: string): Promise<void> {
    if (!(await this.repo.findProvider(providerId))) throw new AppError('not_found', `No provider with id ${providerId}`, field);
  }

  // ------------------------------------------------------------ search and reading

  /** The search result with each training's whole summary: for readers in this process (the training plan). */
  async search(query: SearchQuery): Promise<SearchResultWithSummaries> {
    return JSON.parse((await this.searchJson(query, 'summary')).toString('utf8')) as SearchResultWithSummaries;
  }

  /**
   * The search result as JSON bytes, its items in `shape` (the API sends list items), found by
   * the search index of the catalogue kept in memory (see RecommendationCatalogue). Results are
   * kept by their normalised query (see SearchCache) as ids, total and the facets' JSON, until the
   * catalogue changes; the items are written per request from the summary heads kept in memory,
   * with live seats. The bytes are those JSON.stringify gives the result, fields in the contract's order.
   */
  async searchJson(query: SearchQuery, shape: SummaryShape = 'listItem'): Promise<Buffer> {
    const snapshot = await this.inMemory.snapshot();
    if (this.cachedFor !== snapshot) {
      this.searchCache.clear();
      this.cachedFor = snapshot;
    }
    const filters = toFilters(query);
    const key = JSON.stringify([filters, query.sort, query.page, query.pageSize]);
    const now = this.nowIso();
    let found = this.searchCache.get(key);
    if (found === undefined) {
      const { ids, total, facets } = snapshot.search(filters, { sort: query.sort, offset: (query.page - 1) * query.pageSize, limit: query.pageSize, now });
      found = { ids, total, facetsJson: Buffer.from(JSON.stringify(facets), 'utf8') };
      this.searchCache.set(key, found);
    }
    const out = this.answer.start().text(`{"total":${found.total},"page":${query.page},"pageSize":${query.pageSize},"items":[`);
    snapshot.writeSummaries(found.ids, now, out, shape);
    return out.text('],"facets":').raw(found.facetsJson).text('}').bytes();
  }

  /** Summaries of the given trainings, in their order, loaded in four queries whatever their number. */
  async summaries(ids: readonly string[]): Promise<TrainingSummaryDto[]> {
    const rows = await this.repo.trainingsByIds(ids);
    return this.summariesOfRows(rows);
  }

  private async summariesOfRows(rows: TrainingRow[]): Promise<TrainingSummaryDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const steps = await this.repo.levelStepsOf(ids);
    const providers = new Map((await this.repo.providersByIds(rows.map((r) => r.provider_id))).map((p) => [p.id, toProviderRef(p)]));
    const next = await this.repo.nextSessionsOf(ids, this.nowIso());
    return rows.map((row) => toSummary(row, providers.get(row.provider_id)!, steps.get(row.id) ?? [], next.get(row.id)));
  }

  async getTraining(caller: Caller | null, trainingId: string): Promise<TrainingDto> {
    const row = await this.visibleTraining(caller, trainingId);
    return this.trainingDto(caller, row);
  }

  /** Published trainings for everyone; drafts and archived ones only for their provider and admins. */
  async visibleTraining(caller: Caller | null, trainingId: string): Promise<TrainingRow> {
    const row = await this.repo.findTraining(trainingId);
    if (!row || (row.status !== 'published' && !managesProvider(caller, row.provider_id))) throw notFound('Training', 'params.trainingId');
    return row;
  }

  /** The Brussels day of a training's first session; null for one without sessions (self-paced). */
  async firstSessionDay(trainingId: string): Promise<string | null> {
    const [first] = await this.repo.sessionsOf([trainingId]);
    return first ? brusselsDate(new Date(first.starts_at)) : null;
  }

  private async trainingDto(caller: Caller | null, row: TrainingRow): Promise<TrainingDto> {
    const now = this.nowIso();
    const [steps, providers, sessions] = await Promise.all([this.repo.levelStepsOf([row.id]), this.repo.providersByIds([row.provider_id]), this.repo.sessionsOf([row.id])]);
    const mine = caller
      ? await this.enrolments.liveOfUserInSessions(
          caller.userId,
          sessions.map((s) => s.id),
        )
      : new Map();
    const state = caller ? await this.enrolments.stateOf(caller.userId, row.id) : { bookmarked: false, completed: false };
    const upcoming = sessions.filter((s) => s.starts_at >= now);
    const past = sessions.filter((s) => s.starts_at < now).reverse();
    return {
      ...toTrainingInput(row, steps.get(row.id) ?? []),
      id: row.id,
      provider: toProviderRef(providers[0]),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      sessions: [...upcoming, ...past].map((s) => toSessionDto(s, mine.get(s.id))),
      bookmarked: state.bookmarked,
      completed: state.completed,
      policies: {
        canEdit: managesProvider(caller, row.provider_id),
        canEnrol: caller !== null && row.status === 'published' && sessions.some((s) => isOpenForEnrolment(s, now)),
      },
    };
  }

  // ------------------------------------------------------------ provider side

  async createTraining(caller: Caller | null, providerId: string | undefined, input: TrainingInput): Promise<TrainingDto> {
    const provider = await this.actingProvider(caller, providerId);
    const problem = this.competenceProblems(input)[0];
    if (problem) throw validationError(`body.${problem.path}`, `body.${problem.path}: ${problem.message}`);
    const id = newId();
    await this.repo.insertTrainings([{ id, providerId: provider, input, now: this.nowIso() }]);
    await this.deps.audit.record({ actorId: caller!.userId, action: 'training_created', subject: id });
    this.catalogueChanged();
    return this.trainingDto(caller, (await this.repo.findTraining(id))!);
  }

  async updateTraining(caller: Caller | null, trainingId: string, input: TrainingInput): Promise<TrainingDto> {
    const row = await this.managedTraining(caller, trainingId);
    const problem = this.competenceProblems(input)[0];
    if (problem) throw validationError(`body.${problem.path}`, `body.${problem.path}: ${problem.message}`);
    await this.repo.updateTraining(row.id, input, this.nowIso());
    await this.deps.audit.record({ actorId: caller!.userId, action: 'training_updated', subject: row.id });
    this.catalogueChanged();
    return this.trainingDto(caller, (await this.repo.findTraining(row.id))!);
  }

  async createSession(caller: Caller | null, trainingId: string, input: SessionInput): Promise<SessionDto> {
    const training = await this.managedTraining(caller, trainingId);
    checkSessionTimes(input);
    const id = newId();
    await this.repo.insertSession({ id, trainingId: training.id, input, now: this.nowIso() });
    this.catalogueChanged();
    return this.sessionDto(caller!, id);
  }

  async updateSession(caller: Caller | null, sessionId: string, input: SessionInput): Promise<SessionDto> {
    const session = await this.managedSession(caller, sessionId);
    checkSessionTimes(input);
    const outcome = await this.enrolments.updateSession(session.id, { ...sessionColumns(input), updated_at: this.nowIso() });
    if (!outcome.ok) {
      throw validationError('body.capacity', `body.capacity: ${outcome.enrolled} people are enrolled; the capacity cannot be lower`);
    }
    this.catalogueChanged();
    return this.sessionDto(caller!, session.id);
  }

  /** A session the caller may manage (its training's provider, or an admin); otherwise not found. */
  async managedSession(caller: Caller | null, sessionId: string) {
    const who = requireProviderSide(caller);
    const session = await this.repo.findSession(sessionId);
    if (!session || !managesProvider(who, session.provider_id)) throw notFound('Session', 'params.sessionId');
    return session;
  }

  /** A session of a published training; anything else is not found. */
  async enrollableSession(sessionId: string) {
    const session = await this.repo.findSession(sessionId);
    if (session?.training_status !== 'published') throw notFound('Session', 'params.sessionId');
    return session;
  }

  private async sessionDto(caller: Caller, sessionId: string): Promise<SessionDto> {
    const session = (await this.repo.findSession(sessionId))!;
    const mine = await this.enrolments.liveOfUserInSessions(caller.userId, [sessionId]);
    return toSessionDto(session, mine.get(sessionId));
  }

  async listProviderTrainings(caller: Caller | null, providerId: string | undefined): Promise<TrainingSummaryDto[]> {
    const providers = await this.providersInView(caller, providerId);
    return this.summariesOfRows(await this.repo.trainingsOfProviders(providers));
  }

  async exportTrainings(caller: Caller | null, providerId: string | undefined): Promise<string> {
    const providers = await this.providersInView(caller, providerId);
    const rows = await this.repo.trainingsOfProviders(providers);
    const steps = await this.repo.levelStepsOf(rows.map((r) => r.id));
    return writeTrainingCsv(rows.map((row) => toTrainingInput(row, steps.get(row.id) ?? [])));
  }

  /**
   * Imports trainings from CSV text, .xlsx bytes or JSON, all or nothing: every problem of every line is
   * reported (422 import_rejected) and then nothing is written. `dryRun` only checks; its
   * report counts the trainings that would be imported.
   */
  async importTrainings(caller: Caller | null, providerId: string | undefined, body: ImportBody, dryRun: boolean): Promise<{ imported: number; errors: ImportProblem[] }> {
    const provider = await this.actingProvider(caller, providerId);
    const csv = typeof body === 'string' || body instanceof Uint8Array;
    const read = csv ? await readTrainingCsv(body) : { items: body.trainings.map((raw, i) => ({ line: i + 1, raw })), problems: [] };
    const fieldOf = (path: ReadonlyArray<PropertyKey>) => (csv ? csvColumnOf(path) : path.map(String).join('.'));
    const problems = new ImportProblems(read.problems);
    const valid: TrainingInput[] = [];
    for (const [index, item] of read.items.entries()) {
      if (index > 0 && index % ITEMS_PER_TURN === 0) await nextTurn();
      const report = (field: string, message: string, issue?: Pick<ImportProblem, 'code' | 'params'>) => problems.addOnce({ line: item.line, field, message, ...issue });
      const parsed = trainingInputSchema.safeParse(item.raw);
      if (!parsed.success) for (const issue of parsed.error.issues) report(fieldOf(issue.path), issue.message, issueOfZod(issue));
      const steps = parsed.success ? parsed.data.levelSteps : rawSteps(item.raw);
      for (const problem of this.competenceProblems({ levelSteps: steps })) report(fieldOf(problem.path.split('.')), problem.message, { code: problem.code, params: problem.params });
      if (parsed.success && !problems.hasLine(item.line)) valid.push(parsed.data);
    }
    if (problems.count > 0) {
      throw importRejected(problems, {
        unit: csv ? 'line' : 'training',
        outcome: 'nothing was imported',
        where: (p) => (csv ? `line ${p.line}: ${p.field}` : `body.trainings.${p.line - 1}.${p.field}`),
        fileField: csv ? 'bestand' : 'body.trainings',
      });
    }
    if (!dryRun) {
      const now = this.nowIso();
      await this.repo.insertTrainings(valid.map((input) => ({ id: newId(), providerId: provider, input, now })));
      await this.deps.audit.record({ actorId: caller!.userId, action: 'trainings_imported', subject: provider, details: { count: valid.length } });
      this.catalogueChanged();
    }
    return { imported: valid.length, errors: [] };
  }

  /** Writes trainings and their sessions without access checks: demo data and benchmarks. */
  async seedTrainings(items: ReadonlyArray<{ providerId: string; training: TrainingInput; sessions: SessionInput[] }>): Promise<string[]> {
    const now = this.nowIso();
    const withIds = items.map((item) => ({ ...item, id: newId() }));
    await this.repo.insertTrainings(withIds.map((item) => ({ id: item.id, providerId: item.providerId, input: trainingInputSchema.parse(item.training), now })));
    await this.repo.insertSessions(withIds.flatMap((item) => item.sessions.map((input) => ({ id: newId(), trainingId: item.id, input, now }))));
    this.catalogueChanged();
    return withIds.map((item) => item.id);
  }

  /** The provider a create or import acts for: the only one the account works for, or `?providerId=`. */
  private async actingProvider(caller: Caller | null, providerId: string | undefined): Promise<string> {
    const who = requireProviderSide(caller);
    if (providerId !== undefined) {
      if (!managesProvider(who, providerId)) throw forbidden('You do not work for this provider');
      await this.requireProviderExists(providerId, 'query.providerId');
      return providerId;
    }
    if (who.providerIds.length === 1) return who.providerIds[0];
    throw validationError(
      'query.providerId',
      actsForEveryProvider(who) && who.providerIds.length === 0 ? 'query.providerId: name the provider to act for' : 'query.providerId: you work for several providers; name one',
    );
  }

  private async providersInView(caller: Caller | null, providerId: string | undefined): Promise<string[]> {
    const who = requireProviderSide(caller);
    if (providerId !== undefined) {
      if (!managesProvider(who, providerId)) throw forbidden('You do not work for this provider');
      return [providerId];
    }
    if (who.providerIds.length > 0) return [...who.providerIds];
    throw validationError('query.providerId', 'query.providerId: name the provider whose trainings to list');
  }

  private async managedTraining(caller: Caller | null, trainingId: string): Promise<TrainingRow> {
    const who = requireProviderSide(caller);
    const row = await this.repo.findTraining(trainingId);
    if (!row || !managesProvider(who, row.provider_id)) throw notFound('Training', 'params.trainingId');
    return row;
  }

  /** Level steps must name competences of the current framework, each at most once. */
  private competenceProblems(input: { levelSteps: ReadonlyArray<{ competence: string }> }): Array<{ path: string; message: string } & Pick<ImportProblem, 'code' | 'params'>> {
    const known = new Set(competenceList(this.deps.digisnap.currentFramework()).map((c) => c.code));
    const seen = new Set<string>();
    const problems: Array<{ path: string; message: string } & Pick<ImportProblem, 'code' | 'params'>> = [];
    input.levelSteps.forEach((step, i) => {
      if (step.competence === '') return;
      if (!known.has(step.competence))
        problems.push({
          path: `levelSteps.${i}.competence`,
          message: `${step.competence} is not a competence of the framework`,
          code: 'unknown_value',
          params: { value: step.competence },
        });
      else if (seen.has(step.competence))
        problems.push({ path: `levelSteps.${i}.competence`, message: `${step.competence} has a level step already`, code: 'duplicate', params: { value: step.competence } });
      seen.add(step.competence);
    });
    return problems;
  }

  /** The catalogue's clock, as stored and compared: ISO-8601 UTC. */
  nowIso(): string {
    return this.now().toISOString();
  }
}

export function isOpenForEnrolment(session: SessionRow, now: string): boolean {
  return now < session.enrolment_deadline && now < session.starts_at;
}

function checkSessionTimes(input: SessionInput): void {
  const at = (value: string) => Date.parse(value);
  if (at(input.endsAt) <= at(input.startsAt)) throw validationError('body.endsAt', 'body.endsAt: must be after startsAt');
  if (at(input.enrolmentDeadline) > at(input.startsAt)) throw validationError('body.enrolmentDeadline', 'body.enrolmentDeadline: must not be after startsAt');
  if (at(input.cancellationDeadline) > at(input.startsAt)) throw validationError('body.cancellationDeadline', 'body.cancellationDeadline: must not be after startsAt');
}

/** The well-formed level steps of a training that failed its schema check, so their competences are checked too. */
function rawSteps(raw: unknown): Array<{ competence: string }> {
  const steps = (raw as { levelSteps?: unknown } | null)?.levelSteps;
  if (!Array.isArray(steps)) return [];
  return steps
    .map((step) => ({ competence: String((step as { competence?: unknown } | null)?.competence ?? '') }))
    .map((step) => (/^\d\.\d$/.test(step.competence) ? step : { competence: '' }));
}

/** The values without repeats, sorted; most queries name none or one, which need no set. */
const sortedUnique = <T extends string>(values: readonly T[] | undefined): T[] => {
  if (values === undefined || values.length === 0) return [];
  if (values.length === 1) return [values[0]];
  return [...new Set(values)].sort();
};

function toFilters(query: SearchQuery): SearchFilters {
  return {
    terms: searchTerms(query.q),
    competence: sortedUnique(query.competence),
    fromLevel: query.fromLevel ?? null,
    kind: sortedUnique(query.kind),
    province: sortedUnique(query.province),
    language: sortedUnique(query.language),
    educationLevel: sortedUnique(query.educationLevel),
    audience: sortedUnique(query.audience),
    price: query.price ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
  };
}
