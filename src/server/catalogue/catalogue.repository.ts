import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { LevelStep, SessionInput, TrainingInput } from '../../shared/catalogue/api';
import type { Dialect } from '../platform/db/database';
import type { CatalogueDatabase as Database, ProvidersTable, TrainingSessionsTable, TrainingsTable } from './catalogue.tables';

export type ProviderRow = Selectable<ProvidersTable>;
export type TrainingRow = Selectable<TrainingsTable>;
export type SessionRow = Selectable<TrainingSessionsTable>;
export type SessionWithTraining = SessionRow & { provider_id: string; training_status: string; training_title: string };
export type RecommendationSessionRow = Pick<SessionRow, 'id' | 'training_id' | 'starts_at' | 'enrolment_deadline' | 'online' | 'capacity' | 'enrolled_count'>;

export interface NewTraining {
  id: string;
  providerId: string;
  input: TrainingInput;
  now: string;
}

/** The columns a summary shows. */
export const summaryColumns = [
  'id',
  'title',
  'summary',
  'kind',
  'language',
  'education_levels',
  'duration_hours',
  'price_cents',
  'payable_from_ict_budget',
  'province',
  'city',
  'status',
] as const satisfies ReadonlyArray<keyof TrainingRow>;
export type SummaryRow = Pick<TrainingRow, (typeof summaryColumns)[number]>;
/** What CatalogueRepository.recommendationCatalogue reads but the words. */
export interface CatalogueInMemoryRows {
  version: number;
  trainings: Array<Pick<TrainingRow, 'id' | 'kind' | 'province' | 'price_cents' | 'language' | 'education_levels' | 'audiences'>>;
  steps: Array<{ training_id: string; competence: string; from_level: string; to_level: string }>;
  sessions: RecommendationSessionRow[];
  providers: Array<Pick<ProviderRow, 'id' | 'name' | 'verified'>>;
}
/** A batch of CatalogueRepository.recommendationCatalogue's words, with what its summaries show. */
export type CatalogueTextRow = SummaryRow & Pick<TrainingRow, 'description' | 'provider_id'>;

/** Rows of the trainings' words read at a time when the catalogue is loaded into memory. */
const TEXT_BATCH = 500;

/**
 * Every write of what a search or a recommendation shows bumps the catalogue's version in its
 * own transaction, so a process keeping the catalogue in memory sees that another one wrote.
 * Seat counts do not: they are read again per session (see Snapshot.seatsFresh).
 */
/** CatalogueRepository.recommendationCatalogue's reads but the words, handed to `onRows`. */
async function catalogueRows(trx: Transaction<Database>, onRows: (catalogue: CatalogueInMemoryRows) => void): Promise<void> {
  const version = await trx.selectFrom('catalogue_version').select('version').where('id', '=', 1).executeTakeFirst();
  const trainings = await trx
    .selectFrom('trainings')
    .select(['id', 'kind', 'province', 'price_cents', 'language', 'education_levels', 'audiences'])
    .where('status', '=', 'published')
    .execute();
  const steps = await trx
    .selectFrom('training_level_steps as s')
    .innerJoin('trainings as t', 't.id', 's.training_id')
    .select(['s.training_id', 's.competence', 's.from_level', 's.to_level'])
    .where('t.status', '=', 'published')
    .orderBy('s.training_id')
    .orderBy('s.competence')
    .execute();
  const sessions: RecommendationSessionRow[] = await trx
    .selectFrom('training_sessions as s')
    .innerJoin('trainings as t', 't.id', 's.training_id')
    .select(['s.id', 's.training_id', 's.starts_at', 's.enrolment_deadline', 's.online', 's.capacity', 's.enrolled_count'])
    .where('t.status', '=', 'published')
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
  const providers = await trx.selectFrom('providers').select(['id', 'name', 'verified']).execute();
  onRows({ version: Number(version?.version ?? 0), trainings, steps, sessions, providers });
}

export async function bumpCatalogueVersion(trx: Transaction<Database>): Promise<void> {
  await trx
    .updateTable('catalogue_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** `,a,b,` — see TrainingsTable.education_levels. */
export const codeList = (codes: readonly string[]) => `,${codes.join(',')},`;
export const parseCodeList = (text: string) => text.split(',').filter(Boolean);

// Inserting in chunks keeps each statement under SQLite's 32,766 bound parameters.
const CHUNK = 200;
/** Writes of this many rows refresh the planner's statistics. */
const BULK = 500;
const chunks = <T>(items: readonly T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Providers, their members, trainings with their level steps, and sessions. Every write of what
 * search and recommendations show also bumps the catalogue's version (bumpCatalogueVersion).
 */
export class CatalogueRepository {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  // ------------------------------------------------------------ providers

  async insertProvider(provider: { id: string; name: string; contactEmail: string; website: string | null; now: string }) {
    await this.db
      .insertInto('providers')
      .values({
        id: provider.id,
        name: provider.name,
        contact_email: provider.contactEmail,
        website: provider.website,
        verified: 0,
        created_at: provider.now,
      })
      .execute();
  }

  findProvider(id: string): Promise<ProviderRow | undefined> {
    return this.db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listProviders(verifiedOnly: boolean): Promise<ProviderRow[]> {
    return this.db
      .selectFrom('providers')
      .selectAll()
      .$if(verifiedOnly, (qb) => qb.where('verified', '=', 1))
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  providersByIds(ids: readonly string[]): Promise<ProviderRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('providers')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
  }

  async verifyProvider(id: string, by: string, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('providers').set({ verified: 1, verified_at: now, verified_by: by }).where('id', '=', id).execute();
      await bumpCatalogueVersion(trx);
    });
  }

  async addProviderMember(userId: string, providerId: string, now: string): Promise<void> {
    await this.db
      .insertInto('provider_members')
      .values({ user_id: userId, provider_id: providerId, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'provider_id']).doNothing())
      .execute();
  }

  async providersOfUser(userId: string): Promise<Array<{ providerId: string; providerName: string }>> {
    const rows = await this.db
      .selectFrom('provider_members')
      .innerJoin('providers', 'providers.id', 'provider_members.provider_id')
      .select(['providers.id', 'providers.name'])
      .where('provider_members.user_id', '=', userId)
      .orderBy('providers.name')
      .execute();
    return rows.map((r) => ({ providerId: r.id, providerName: r.name }));
  }

  // ------------------------------------------------------------ trainings

  /** All trainings in one transaction: an import is written whole or not at all. */
  async insertTrainings(trainings: readonly NewTraining[]): Promise<void> {
    if (trainings.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks(trainings)) {
        await trx
          .insertInto('trainings')
          .values(part.map((t) => ({ id: t.id, provider_id: t.providerId, ...trainingColumns(t.input), created_at: t.now, updated_at: t.now })))
          .execute();
      }
      const steps = trainings.flatMap((t) => t.input.levelSteps.map((step) => stepColumns(t.id, step)));
      for (const part of chunks(steps)) await trx.insertInto('training_level_steps').values(part).execute();
      await bumpCatalogueVersion(trx);
    });
    if (trainings.length >= BULK) await this.refreshStatistics();
  }

  /**
   * After a bulk write PostgreSQL's planner still believes the tables small, and may pick plans
   * for them that walk every row; autovacuum catches up only later.
   */
  private async refreshStatistics(): Promise<void> {
    if (this.dialect === 'postgres') await sql`analyze trainings, training_level_steps, training_sessions`.execute(this.db);
  }

  /** Replaces the training's fields and level steps; false when there is no such training. */
  async updateTraining(id: string, input: TrainingInput, now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('trainings')
        .set({ ...trainingColumns(input), updated_at: now })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('training_level_steps').where('training_id', '=', id).execute();
      await trx
        .insertInto('training_level_steps')
        .values(input.levelSteps.map((step) => stepColumns(id, step)))
        .execute();
      await bumpCatalogueVersion(trx);
      return true;
    });
  }

  findTraining(id: string): Promise<TrainingRow | undefined> {
    return this.db.selectFrom('trainings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The rows of the given trainings, in the order of the ids. */
  async trainingsByIds(ids: readonly string[]): Promise<TrainingRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('trainings')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is TrainingRow => r !== undefined);
  }

  trainingsOfProviders(providerIds: readonly string[]): Promise<TrainingRow[]> {
    if (providerIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('trainings')
      .selectAll()
      .where('provider_id', 'in', [...providerIds])
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .execute();
  }

  async levelStepsOf(trainingIds: readonly string[]): Promise<Map<string, LevelStep[]>> {
    const steps = new Map<string, LevelStep[]>(trainingIds.map((id) => [id, []]));
    if (trainingIds.length === 0) return steps;
    for (const part of chunks([...new Set(trainingIds)], 500)) {
      const rows = await this.db
        .selectFrom('training_level_steps')
        .select(['training_id', 'competence', 'from_level', 'to_level'])
        .where('training_id', 'in', part)
        .orderBy('training_id')
        .orderBy('competence')
        .execute();
      for (const r of rows) {
        steps.get(r.training_id)?.push({ competence: r.competence, from: r.from_level, to: r.to_level } as LevelStep);
      }
    }
    return steps;
  }

  // ------------------------------------------------------------ sessions

  async insertSession(session: { id: string; trainingId: string; input: SessionInput; now: string }): Promise<void> {
    await this.insertSessions([session]);
  }

  async insertSessions(sessions: ReadonlyArray<{ id: string; trainingId: string; input: SessionInput; now: string }>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks(sessions)) {
        await trx
          .insertInto('training_sessions')
          .values(
            part.map((s) => ({
              id: s.id,
              training_id: s.trainingId,
              ...sessionColumns(s.input),
              enrolled_count: 0,
              waitlist_count: 0,
              created_at: s.now,
              updated_at: s.now,
            })),
          )
          .execute();
      }
      await bumpCatalogueVersion(trx);
    });
    if (sessions.length >= BULK) await this.refreshStatistics();
  }

  findSession(id: string): Promise<SessionWithTraining | undefined> {
    return this.db
      .selectFrom('training_sessions as s')
      .innerJoin('trainings as t', 't.id', 's.training_id')
      .selectAll('s')
      .select(['t.provider_id', 't.status as training_status', 't.title as training_title'])
      .where('s.id', '=', id)
      .executeTakeFirst();
  }

  /** Every session of the given trainings, earliest first. */
  async sessionsOf(trainingIds: readonly string[]): Promise<SessionRow[]> {
    if (trainingIds.length === 0) return [];
    return this.db
      .selectFrom('training_sessions')
      .selectAll()
      .where('training_id', 'in', [...new Set(trainingIds)])
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
  }

  /** The earliest session starting after `now` of each training that has one. */
  async nextSessionsOf(trainingIds: readonly string[], now: string): Promise<Map<string, SessionRow>> {
    const upcoming = await this.nextSessionsOfAll(trainingIds, now);
    return new Map([...upcoming].map(([id, sessions]) => [id, sessions[0]]));
  }

  /** The sessions starting after `now` of each training that has any, earliest first. */
  async nextSessionsOfAll(trainingIds: readonly string[], now: string): Promise<Map<string, SessionRow[]>> {
    const next = new Map<string, SessionRow[]>();
    for (const part of chunks([...new Set(trainingIds)], 500)) {
      const rows = await this.db.selectFrom('training_sessions').selectAll().where('training_id', 'in', part).where('starts_at', '>', now).orderBy('starts_at').orderBy('id').execute();
      for (const row of rows) next.set(row.training_id, [...(next.get(row.training_id) ?? []), row]);
    }
    return next;
  }

  // ------------------------------------------------------------ recommendations

  /**
   * What the catalogue kept in memory reads (see RecommendationCatalogue): the catalogue's
   * version first, then every published training, its level steps by competence, its sessions,
   * earliest first, and the providers (to `onRows`, and not kept here); then its words and what
   * its summary shows (to `onTexts`, in batches). Reads of plain rows, in one transaction so they agree.
   */
  recommendationCatalogue(onRows: (catalogue: CatalogueInMemoryRows) => void, onTexts: (rows: CatalogueTextRow[]) => void): Promise<void> {
    return this.db.transaction().execute(async (trx) => {
      // Read in a call of its own, whose frame (and so its rows) is gone once onRows is done with them.
      await catalogueRows(trx, onRows);
      // The words, the bulk of the catalogue, in batches in the trainings' order: each batch
      // goes to `onTexts` and is dropped, so they are never all held as rows.
      let after = '';
      for (;;) {
        const texts = await trx
          .selectFrom('trainings')
          .select([...summaryColumns, 'description', 'provider_id'])
          .where('status', '=', 'published')
          .where('id', '>', after)
          .orderBy('id')
          .limit(TEXT_BATCH)
          .execute();
        if (texts.length === 0) break;
        onTexts(texts);
        after = texts[texts.length - 1].id;
      }
    });
  }

  /** The catalogue's version now (see bumpCatalogueVersion). */
  async catalogueVersion(): Promise<number> {
    const row = await this.db.selectFrom('catalogue_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
    return Number(row.version);
  }

  /** The capacity and enrolled count of the given sessions, as they are now. */
  async sessionSeats(sessionIds: readonly string[]): Promise<Array<{ id: string; capacity: number; enrolled_count: number }>> {
    const rows: Array<{ id: string; capacity: number; enrolled_count: number }> = [];
    for (const part of chunks([...new Set(sessionIds)], 500)) {
      rows.push(...(await this.db.selectFrom('training_sessions').select(['id', 'capacity', 'enrolled_count']).where('id', 'in', part).execute()));
    }
    return rows;
  }

  /**
   * Published trainings with a step that can raise the teacher in one of the focus competences
   * (ends above the teacher's level, starts at most two levels above it), that the teacher has
   * not completed, joined or waitlisted, and that can still be followed: self-paced work, or a
   * session open for enrolment. At most `limit`, those nearest the teacher's province first.
   */
  async recommendationCandidates(query: {
    userId: string;
    focus: ReadonlyArray<{ competence: string; above: string[]; reachable: string[] }>;
    province: string | null;
    now: string;
    limit: number;
  }): Promise<string[]> {
    if (query.focus.length === 0) return [];
    const rows = await this.db
      .selectFrom('trainings as t')
      .select('t.id')
      .where('t.status', '=', 'published')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('training_level_steps as s')
            .select(eb.lit(1).as('one'))
            .whereRef('s.training_id', '=', 't.id')
            .where((inner) =>
              inner.or(query.focus.map((f) => inner.and([inner('s.competence', '=', f.competence), inner('s.to_level', 'in', f.above), inner('s.from_level', 'in', f.reachable)]))),
            ),
        ),
      )
      .where((eb) =>
        eb.or([
          eb('t.kind', 'in', ['self_paced', 'learning_resource']),
          eb.exists(
            eb
              .selectFrom('training_sessions as ss')
              .select(eb.lit(1).as('one'))
              .whereRef('ss.training_id', '=', 't.id')
              .where('ss.starts_at', '>', query.now)
              .where('ss.enrolment_deadline', '>', query.now),
          ),
        ]),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('enrolments as e')
              .select(eb.lit(1).as('one'))
              .whereRef('e.training_id', '=', 't.id')
              .where('e.user_id', '=', query.userId)
              .where('e.status', 'in', ['enrolled', 'waitlisted']),
          ),
        ),
      )
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('training_completions as c').select(eb.lit(1).as('one')).whereRef('c.training_id', '=', 't.id').where('c.user_id', '=', query.userId))),
      )
      .orderBy(sql`case when t.province is null or t.province = ${query.province ?? ''} then 0 else 1 end`)
      .orderBy('t.price_cents')
      .orderBy('t.id')
      .limit(query.limit)
      .execute();
    return rows.map((r) => r.id);
  }
}

function trainingColumns(input: TrainingInput) {
  return {
    title: input.title,
    summary: input.summary,
    description: input.description,
    kind: input.kind,
    language: input.language,
    education_levels: codeList(input.educationLevels),
    audiences: codeList(input.audiences),
    duration_hours: input.durationHours,
    price_cents: Math.round(input.priceEuro * 100),
    payable_from_ict_budget: input.payableFromIctBudget ? 1 : 0,
    address: input.location?.address ?? null,
    postal_code: input.location?.postalCode ?? null,
    city: input.location?.city ?? null,
    province: input.location?.province ?? null,
    // An empty accreditation is none, as the CSV export and import read it.
    accreditation: input.accreditation || null,
    url: input.url,
    status: input.status,
  };
}

const stepColumns = (trainingId: string, step: LevelStep) => ({
  training_id: trainingId,
  competence: step.competence,
  from_level: step.from,
  to_level: step.to,
});

export function sessionColumns(input: SessionInput) {
  return {
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: new Date(input.endsAt).toISOString(),
    place: input.place,
    online: input.online ? 1 : 0,
    capacity: input.capacity,
    enrolment_deadline: new Date(input.enrolmentDeadline).toISOString(),
    cancellation_deadline: new Date(input.cancellationDeadline).toISOString(),
  };
}
