import { type LevelStep, type TrainingSummaryDto, trainingAudiences, trainingEducationLevels } from '../../shared/catalogue/api';
import { type matchLists, type RankingCandidate, REACHABLE_LEVELS_ABOVE, SESSIONLESS_KINDS, stepFit } from '../../shared/catalogue/recommend';
import { LEVEL_CODES } from '../../shared/digisnap/framework';
import type { Province } from '../../shared/platform/flanders';
import { type CatalogueInMemoryRows, type CatalogueRepository, parseCodeList, type RecommendationSessionRow } from './catalogue.repository';
import type { JsonBytes } from './json-bytes';
import { type SearchDocument, type SearchIndex, SearchIndexBuilder } from './search.index';
import type { FacetCounts, FacetValues, SearchFilters, SearchPage } from './search.types';
import { type SummaryHead, SummaryHeads } from './summary-heads';
import { type ProviderRef, toProviderRef, toSummary } from './training-dto';

/**
 * The published catalogue held in memory, for recommendations and search: per training its kind,
 * province, price and level steps, its sessions, and the search index over its words and facets.
 * Every recommendation used to select its candidates in SQL by walking every published training
 * (over 100 ms on 20,000), and a search by a short prefix counted thousands of matching rows;
 * here both read nothing but changed seat counts.
 *
 * What it holds changes only when the catalogue is written and, for seat counts, when someone
 * enrols or cancels (the enrolment service names the session, whose counts are read again before
 * the next use). A write in this process drops it at once (the catalogue service tells it), so
 * there a reader sees exactly what the database holds. A write by another process (the command
 * line, a second server on the same PostgreSQL) bumps the catalogue's version
 * (bumpCatalogueVersion), which is read at most every `checkMs` (1 s): such a write is seen at
 * most that long after it committed, and the catalogue is read again only when it moved.
 */
export class RecommendationCatalogue {
  private current: Promise<Snapshot> | undefined;
  private generation = 0;

  constructor(
    private readonly repo: CatalogueRepository,
    private readonly checkMs = 1_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The snapshot, built on first use or when the catalogue changed, with every seat count changed so far read in. */
  async snapshot(): Promise<Snapshot> {
    for (;;) {
      const current = this.current ?? this.build();
      const snapshot = await current;
      if (await this.unchanged(snapshot)) {
        await snapshot.seatsFresh();
        return snapshot;
      }
      if (this.current === current) this.current = undefined;
    }
  }

  /** Something in the catalogue changed: the next reader reads it anew. */
  invalidate(): void {
    this.generation += 1;
    this.current = undefined;
  }

  /** Enrolled or waiting counts of this session changed. */
  seatsChanged(sessionId: string): void {
    // A snapshot still being built reads the counts after this write, or marks them itself.
    void this.current?.then((snapshot) => snapshot.markSeats(sessionId)).catch(() => undefined);
  }

  /** Whether the catalogue's version is still the snapshot's, as read at most `checkMs` ago; one read at a time. */
  private unchanged(snapshot: Snapshot): boolean | Promise<boolean> {
    if (this.clock() - snapshot.checkedAt <= this.checkMs) return true;
    if (!snapshot.checking) {
      const at = this.clock();
      snapshot.checking = this.repo.catalogueVersion().then(
        (version) => {
          snapshot.checking = undefined;
          if (version !== snapshot.version) return false;
          snapshot.checkedAt = at;
          return true;
        },
        (error: unknown) => {
          snapshot.checking = undefined;
          throw error;
        },
      );
    }
    return snapshot.checking;
  }

  private build(): Promise<Snapshot> {
    const generation = this.generation;
    const promise = Snapshot.load(this.repo, this.clock(), () => this.invalidate());
    this.current = promise;
    promise.then(
      () => {
        if (this.generation !== generation && this.current === promise) this.current = undefined;
      },
      () => {
        if (this.current === promise) this.current = undefined;
      },
    );
    return promise;
  }
}

/** A session as the ranking reads it (seatsLeft kept in step with the counts), with those counts. */
type SessionEntry = RankingCandidate['sessions'][number] & {
  capacity: number;
  enrolled: number;
  /** Its JSON as a summary's next session, up to the live seat count: written on its first answer. */
  nextSessionJson?: string;
};

interface TrainingEntry {
  id: string;
  kind: RankingCandidate['kind'];
  province: string | null;
  priceCents: number;
  steps: LevelStep[];
  /** Every session, earliest first (then by id). */
  sessions: SessionEntry[];
  sessionless: boolean;
  /** The latest moment some session is open for enrolment: min(start, deadline), maxed over sessions. */
  openUntil: string;
  /** The ranking's view, its sessions those after `upcomingAfter`; rebuilt once the first of them starts. */
  candidate: RankingCandidate | null;
  upcomingAfter: string;
  /**
   * Its summary's head in the snapshot's SummaryHeads (-1: none yet): written when the snapshot is
   * read; a training published while it was read gets it on first use.
   */
  head: number;
}

export interface CandidateQuery {
  focus: ReadonlyArray<{ competence: string; above: readonly string[]; reachable: readonly string[] }>;
  province: string | null;
  excluded: ReadonlySet<string>;
  now: string;
  limit: number;
}

const seatsLeftOf = (session: { capacity: number; enrolled: number }) => Math.max(0, session.capacity - session.enrolled);

export class Snapshot {
  private readonly sessionsById = new Map<string, SessionEntry>();
  /**
   * Per teacher province ('' when unknown): every training in the SQL's order (nearest first,
   * then price, then id), and per focus (a competence with the levels a step may start at and
   * end at, which follow from the teacher's level there) the set of positions in that order of
   * the trainings with such a step, as bits: built on first use, at most one per competence and
   * level (22 × 5 of 2.5 kB each on 20,000 trainings).
   */
  private readonly orders = new Map<string, Order>();
  private dirtySeats = new Set<string>();
  private seatsRead: Promise<void> = Promise.resolve();

  /** When the catalogue's version was last found to be `version` (or the read began that found it). */
  checkedAt: number;
  /** The version read under way, if any. */
  checking: Promise<boolean> | undefined;

  private constructor(
    private readonly repo: CatalogueRepository,
    readonly version: number,
    readAt: number,
    private readonly trainings: TrainingEntry[],
    private readonly byId: Map<string, TrainingEntry>,
    private readonly index: SearchIndex,
    private readonly heads: SummaryHeads,
    private readonly onFailure: () => void,
  ) {
    this.checkedAt = readAt;
    for (const training of trainings) for (const session of training.sessions) this.sessionsById.set(session.id, session);
  }

  static async load(repo: CatalogueRepository, readAt: number, onFailure: () => void): Promise<Snapshot> {
    // Every session, past ones too: each request picks those after its own `now`, whatever the clock says.
    let parts: SnapshotParts | undefined;
    let heads: SummaryHeads | undefined;
    const index = new SearchIndexBuilder();
    await repo.recommendationCatalogue(
      (catalogue) => {
        parts = snapshotParts(catalogue);
        heads = new SummaryHeads(parts.entries.length);
      },
      (rows) => {
        const { byId, trainingRows, providerRefs } = parts!;
        // Each batch's words go to the index and its summaries are written, then the rows are dropped.
        for (const row of rows) {
          const entry = byId.get(row.id);
          const training = trainingRows.get(row.id);
          const provider = providerRefs.get(row.provider_id);
          // Published after the trainings were read (the next version check reads everything again).
          if (!entry || !training || !provider) continue;
          // Only a training with its head is indexed: what a search finds, writeSummaries can write.
          entry.head = heads!.add(summaryHead(toSummary(row, provider, entry.steps, undefined)));
          index.add(searchDocument(training, entry, row));
        }
      },
    );
    const { version, entries, byId } = parts!;
    heads!.trim();
    return new Snapshot(repo, version, readAt, entries, byId, index.finish(searchFacetValues), heads!, onFailure);
  }

  /** Published trainings matching the search, a page of their ids, the total and the facets (see SearchIndex). */
  search(filters: SearchFilters, page: SearchPage): { ids: string[]; total: number; facets: FacetCounts } {
    return this.index.search(filters, page);
  }

  /**
   * Writes these trainings, found by search(), as JSON in `shape` (a list item for the API, the
   * whole summary (toSummary's) for readers in this process), comma-separated in their order,
   * each with its next session after `now` and live seats. Every training search() finds has its
   * head: the snapshot indexes a training only once its head is written.
   */
  writeSummaries(ids: readonly string[], now: string, out: JsonBytes, shape: SummaryShape): void {
    for (let i = 0; i < ids.length; i++) {
      const training = this.byId.get(ids[i])!;
      const next = training.sessions.find((s) => s.startsAt > now);
      if (i > 0) out.ascii(COMMA);
      if (shape === 'listItem') this.heads.writeListItem(training.head, out);
      else this.heads.writeSummary(training.head, out);
      // nextSession's JSON as JSON.stringify writes it, without building the object.
      if (next === undefined) out.text(NO_NEXT_SESSION);
      else {
        next.nextSessionJson ??= `,"nextSession":{"id":${JSON.stringify(next.id)},"startsAt":${JSON.stringify(next.startsAt)},"seatsLeft":`;
        out.text(`${next.nextSessionJson}${seatsLeftOf(next)},"online":${next.online}}}`);
      }
    }
  }

  /**
   * The candidates worth ranking for a teacher: of the trainings the SQL of
   * CatalogueRepository.recommendationCandidates selects (published, with a step raising the
   * teacher in a focus competence, open for enrolment or needing no session, not excluded; the
   * first `limit` nearest the teacher's province, then cheapest, then by id), those found in the
   * teacher's match lists (see matchLists), best match first, a whole match at a time, until
   * `enough` says the rest cannot make the ranking (it is told the lowest match merged so far: what
   * is left has a lower one), and only lists of the competences `wanted` (asked again after each
   * `enough`) are merged. Ranking what this returns gives what ranking every candidate gives.
   */
  topCandidates(
    query: CandidateQuery,
    lists: ReturnType<typeof matchLists>,
    enough: (chosen: TrainingEntry[], below: number) => boolean,
    wanted: (competence: string) => boolean = () => true,
  ): TrainingEntry[] {
    if (query.focus.length === 0 || query.limit <= 0) return [];
    const order = this.orderFor(query.province ?? '');
    const { bits, end } = candidateWindow(order, query);
    const chosen: TrainingEntry[] = [];
    // Positions already chosen; like `bits`, a buffer of the order's, zeroed again before returning.
    const seen = order.seen;
    try {
      chooseByMatch(order, lists, bits, seen, end, chosen, enough, wanted);
    } finally {
      bits.fill(0, 0, Math.ceil(end / 32));
      seen.fill(0, 0, Math.ceil(end / 32));
    }
    return chosen;
  }

  /** The ranking's view of a candidate: its sessions starting after `now`, earliest first, with live seats. */
  rankingCandidate(training: TrainingEntry, now: string): RankingCandidate {
    const first = training.candidate?.sessions[0];
    if (!training.candidate || training.upcomingAfter > now || (first !== undefined && !(first.startsAt > now))) {
      training.candidate = {
        trainingId: training.id,
        kind: training.kind,
        levelSteps: training.steps,
        province: training.province as Province | null,
        priceEuro: training.priceCents / 100,
        sessions: training.sessions.filter((s) => s.startsAt > now),
      };
      training.upcomingAfter = now;
    }
    return training.candidate;
  }

  training(id: string): TrainingEntry | undefined {
    return this.byId.get(id);
  }

  /** The training's summary JSON without its next session and closing brace; undefined until it is kept. */
  summaryHead(training: TrainingEntry): string | undefined {
    return training.head < 0 ? undefined : this.heads.text(training.head);
  }

  /** Keeps the summary of a training published while the snapshot was read (see TrainingEntry.head). */
  keepSummary(summary: SummaryHead): void {
    const training = this.byId.get(summary.id);
    if (training && training.head < 0) training.head = this.heads.add(summary);
  }

  /** The next session after `now` as a summary shows it, with live seats. */
  nextSession(training: TrainingEntry, now: string): TrainingSummaryDto['nextSession'] {
    const next = training.sessions.find((s) => s.startsAt > now);
    return next ? { id: next.id, startsAt: next.startsAt, seatsLeft: seatsLeftOf(next), online: next.online } : null;
  }

  markSeats(sessionId: string): void {
    if (this.sessionsById.has(sessionId)) this.dirtySeats.add(sessionId);
  }

  /** Reads the counts of sessions marked since the last read; also waits for a read already under way. */
  seatsFresh(): Promise<void> {
    if (this.dirtySeats.size > 0) {
      const ids = [...this.dirtySeats];
      this.dirtySeats = new Set();
      const previous = this.seatsRead;
      this.seatsRead = previous
        .then(() => this.repo.sessionSeats(ids))
        .then(
          (rows) => {
            for (const row of rows) {
              const session = this.sessionsById.get(row.id);
              if (!session) continue;
              session.capacity = Number(row.capacity);
              session.enrolled = Number(row.enrolled_count);
              session.seatsLeft = seatsLeftOf(session);
            }
          },
          (error: unknown) => {
            // Counts that could not be read must not be served stale: start over next time.
            this.onFailure();
            throw error;
          },
        );
    }
    return this.seatsRead;
  }

  private orderFor(province: string) {
    let order = this.orders.get(province);
    if (!order) {
      const near = (t: TrainingEntry) => (t.province === null || t.province === province ? 0 : 1);
      const trainings = [...this.trainings].sort((a, b) => near(a) - near(b) || a.priceCents - b.priceCents || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const words = Math.ceil(trainings.length / 32);
      // Whether a training is open for enrolment at `now` is `openUntil > now` compared as text,
      // as the SQL does: each training keeps the rank of its openUntil among the distinct ones,
      // and a request finds the rank of its `now` once.
      const openTimes = [...new Set(trainings.map((t) => t.openUntil))].sort(compareText);
      const rankOf = new Map(openTimes.map((time, rank) => [time, rank]));
      const openRank = Int32Array.from(trainings, (t) => (t.sessionless ? ALWAYS_OPEN : rankOf.get(t.openUntil)!));
      order = { trainings, byFocus: new Map(), lists: new Map(), words, openTimes, openRank, window: new Uint32Array(words), seen: new Uint32Array(words) };
      this.orders.set(province, order);
    }
    return order;
  }
}

const COMMA = 0x2c;
/** How a summary without a next session ends. */
const NO_NEXT_SESSION = ',"nextSession":null}';

/** How a search answer shows each training: as the API's list item, or its whole summary. */
export type SummaryShape = 'listItem' | 'summary';

const summaryHead = ({ nextSession: _live, ...head }: TrainingSummaryDto): SummaryHead => head;

const searchFacetValues: FacetValues = { educationLevel: trainingEducationLevels, audience: trainingAudiences };

/** The search's view of a published training, made as the index takes it: the words are the row's, not copied. */
function searchDocument(training: TrainingRow, entry: TrainingEntry, text: { title: string; summary: string; description: string }): SearchDocument {
  return {
    id: training.id,
    title: text.title,
    summary: text.summary,
    description: text.description,
    kind: training.kind,
    province: training.province,
    language: training.language,
    priceCents: entry.priceCents,
    educationLevels: parseCodeList(training.education_levels),
    audiences: parseCodeList(training.audiences),
    steps: entry.steps,
    sessionStarts: entry.sessions.map((session) => session.startsAt),
  };
}

type TrainingRow = CatalogueInMemoryRows['trainings'][number];

/** What the snapshot makes of the catalogue's rows before its words: the trainings with their steps and sessions. */
interface SnapshotParts {
  version: number;
  entries: TrainingEntry[];
  byId: Map<string, TrainingEntry>;
  trainingRows: Map<string, TrainingRow>;
  providerRefs: Map<string, ProviderRef>;
}

function snapshotParts({ version, trainings, steps, sessions, providers }: CatalogueInMemoryRows): SnapshotParts {
  const byId = new Map<string, TrainingEntry>();
  const trainingRows = new Map<string, TrainingRow>();
  const entries = trainings.map((row) => {
    const entry: TrainingEntry = {
      id: row.id,
      kind: row.kind as RankingCandidate['kind'],
      province: row.province,
      priceCents: Number(row.price_cents),
      steps: [],
      sessions: [],
      sessionless: SESSIONLESS_KINDS.has(row.kind as RankingCandidate['kind']),
      openUntil: '',
      candidate: null,
      upcomingAfter: '',
      head: -1,
    };
    byId.set(row.id, entry);
    trainingRows.set(row.id, row);
    return entry;
  });
  // A few hundred distinct steps among tens of thousands: one object each, shared (never changed).
  const shared = new Map<string, LevelStep>();
  for (const row of steps) {
    const key = stepKey(row.competence, row.from_level, row.to_level);
    let step = shared.get(key);
    if (!step) shared.set(key, (step = { competence: row.competence, from: row.from_level, to: row.to_level } as LevelStep));
    byId.get(row.training_id)?.steps.push(step);
  }
  for (const row of sessions) {
    const entry = byId.get(row.training_id);
    if (!entry) continue;
    const session = toSessionEntry(row);
    entry.sessions.push(session);
    // biome-ignore lint/complexity/useMathMinMax: ISO timestamps, compared as text
    const open = row.starts_at < row.enrolment_deadline ? row.starts_at : row.enrolment_deadline;
    if (open > entry.openUntil) entry.openUntil = open;
  }
  // Every summary's JSON but its next session is written once: search answers are these and live sessions.
  const providerRefs = new Map(providers.map((provider) => [provider.id, toProviderRef(provider)]));
  return { version, entries, byId, trainingRows, providerRefs };
}

const stepKey = (competence: string, from: string, to: string) => `${competence} ${from} ${to}`;

/**
 * The trainings in the SQL's order for one teacher province, with two indexes over their
 * positions, built on first use in one pass: per focus (a competence with the levels a step may
 * start and end at, which follow from the teacher's level there) a bit set of the trainings with
 * such a step, and per competence, teacher level and fit (stepFit) the ascending list of the
 * trainings with a step in it. On 20,000 trainings: at most 22 × 5 bit sets of 2.5 kB and about
 * 80,000 list entries of 4 bytes, per province asked for.
 */
type Order = {
  trainings: TrainingEntry[];
  byFocus: Map<string, Uint32Array>;
  /** Per competence, its lists by listSlot(teacher level, fit). */
  lists: Map<string, Array<Uint32Array | undefined>>;
  words: number;
  /** The distinct openUntil of the trainings, ascending as text. */
  openTimes: string[];
  /** Per position, the rank of its training's openUntil in openTimes (ALWAYS_OPEN when it needs no session). */
  openRank: Int32Array;
  /** Buffers of one request at a time (topCandidates is synchronous), all zeros between requests. */
  window: Uint32Array;
  seen: Uint32Array;
};

const ALWAYS_OPEN = 0x7fffffff;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How many of the ascending `times` are at or before `now` (as text): openUntil > now is rank >= this. */
function countAtOrBefore(times: readonly string[], now: string): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] <= now) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The merge of topCandidates: the lists best match first, a whole match at a time, until `enough`. */
function chooseByMatch(
  order: Order,
  lists: ReturnType<typeof matchLists>,
  bits: Uint32Array,
  seen: Uint32Array,
  end: number,
  chosen: TrainingEntry[],
  enough: (chosen: TrainingEntry[], below: number) => boolean,
  wanted: (competence: string) => boolean,
): void {
  let i = 0;
  while (i < lists.length) {
    const match = lists[i].match;
    for (; i < lists.length && lists[i].match === match; i += 1) {
      // What `wanted` says changes only in `enough`: the same for every list of this match.
      if (!wanted(lists[i].competence)) continue;
      const list = order.lists.get(lists[i].competence)?.[listSlot(lists[i].level, lists[i].fit)];
      if (!list) continue;
      for (let k = 0; k < list.length; k += 1) {
        const position = list[k];
        if (position >= end) break;
        const word = position >>> 5;
        const bit = 1 << (position & 31);
        if ((bits[word] & bit) === 0 || (seen[word] & bit) !== 0) continue;
        seen[word] |= bit;
        chosen.push(order.trainings[position]);
      }
    }
    if (enough(chosen, match)) break;
  }
}

/** Where a list sits among its competence's lists: per teacher level, one place per fit (at most 16). */
const listSlot = (level: number, fit: number) => level * 32 + fit;

/**
 * The positions, as bits, of the first `query.limit` trainings the SQL selects (see
 * topCandidates), and the position past the last of them: the union of the focus bit sets, taken
 * a word at a time in the SQL's order until enough are found (the nearest and cheapest come
 * first, so seldom far), leaving out those closed for enrolment or excluded.
 */
function candidateWindow(order: Order, query: CandidateQuery): { bits: Uint32Array; end: number } {
  const sets = query.focus.map((f) => focusSet(order, f));
  const window = order.window;
  const openRank = order.openRank;
  const openFrom = countAtOrBefore(order.openTimes, query.now);
  const excluded = query.excluded.size > 0 ? query.excluded : null;
  let found = 0;
  for (let word = 0; word < order.words; word += 1) {
    let bits = 0;
    for (let i = 0; i < sets.length; i += 1) bits |= sets[i][word];
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const position = word * 32 + bit;
      if (openRank[position] < openFrom) continue;
      if (excluded?.has(order.trainings[position].id)) continue;
      window[word] |= 1 << bit;
      found += 1;
      if (found === query.limit) return { bits: window, end: word * 32 + bit + 1 };
    }
  }
  return { bits: window, end: order.trainings.length };
}

/**
 * The positions in `order` of the trainings with a step of the focus competence that starts at
 * a level it allows and ends at one above the teacher. A focus's levels follow from the teacher's
 * level in the competence, so one pass over the order builds the sets of every competence and level.
 */
function focusSet(order: Order, focus: CandidateQuery['focus'][number]): Uint32Array {
  if (order.byFocus.size === 0 && order.lists.size === 0) buildIndexes(order);
  const key = focusKey(focus.competence, focus.reachable, focus.above);
  let set = order.byFocus.get(key);
  if (!set) {
    // Levels that no teacher level gives (never asked by the service): built from the steps.
    set = new Uint32Array(order.words);
    const reachable = new Set(focus.reachable);
    const above = new Set(focus.above);
    order.trainings.forEach((training, position) => {
      if (training.steps.some((step) => step.competence === focus.competence && reachable.has(step.from) && above.has(step.to))) set![position >>> 5] |= 1 << (position & 31);
    });
    order.byFocus.set(key, set);
  }
  return set;
}

const focusKey = (competence: string, reachable: readonly string[], above: readonly string[]) => `${competence} ${reachable.join(',')} ${above.join(',')}`;

function buildIndexes(order: Order): void {
  // Steps are shared objects (a few hundred distinct among tens of thousands): the keys of the
  // sets and lists a step belongs to are worked out once per step.
  const keysOfStep = new Map<LevelStep, Array<{ focus: string; slot: number }>>();
  const keysOf = (step: LevelStep) => {
    let keys = keysOfStep.get(step);
    if (!keys) {
      keys = [];
      // Every teacher level below C2 the step can raise: it starts at most REACHABLE_LEVELS_ABOVE
      // above it and ends above it (the same levels the focus sets allow).
      for (let at = 0; at < LEVEL_CODES.length - 1; at += 1) {
        const fit = stepFit(step, at);
        if (fit === null) continue;
        keys.push({
          focus: focusKey(step.competence, LEVEL_CODES.slice(0, Math.min(LEVEL_CODES.length, at + REACHABLE_LEVELS_ABOVE + 1)), LEVEL_CODES.slice(at + 1)),
          slot: listSlot(at, fit),
        });
      }
      keysOfStep.set(step, keys);
    }
    return keys;
  };
  const lists = new Map<string, number[][]>();
  order.trainings.forEach((training, position) => {
    for (const step of training.steps) {
      for (const keys of keysOf(step)) {
        let set = order.byFocus.get(keys.focus);
        if (!set) order.byFocus.set(keys.focus, (set = new Uint32Array(order.words)));
        set[position >>> 5] |= 1 << (position & 31);
        let ofCompetence = lists.get(step.competence);
        if (!ofCompetence) lists.set(step.competence, (ofCompetence = []));
        const list = (ofCompetence[keys.slot] ??= []);
        if (list[list.length - 1] !== position) list.push(position);
      }
    }
  });
  for (const [competence, ofCompetence] of lists)
    order.lists.set(
      competence,
      Array.from(ofCompetence, (list) => (list ? Uint32Array.from(list) : undefined)),
    );
}

function toSessionEntry(row: RecommendationSessionRow): SessionEntry {
  const capacity = Number(row.capacity);
  const enrolled = Number(row.enrolled_count);
  return {
    id: row.id,
    startsAt: row.starts_at,
    enrolmentDeadline: row.enrolment_deadline,
    startsAtMs: Date.parse(row.starts_at),
    enrolmentDeadlineMs: Date.parse(row.enrolment_deadline),
    online: Number(row.online) === 1,
    seatsLeft: Math.max(0, capacity - enrolled),
    capacity,
    enrolled,
  };
}
