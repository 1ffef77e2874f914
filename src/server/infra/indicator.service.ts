import type { IctParkFront } from '../../shared/centre/fronts';
import type { BoardInfraIndicators, InfraIndicators } from '../../shared/infra/indicator-api';
import type { IndicatorContent } from '../../shared/infra/indicator-content';
import { type ParkSummary, type PupilCounts, parkIndicators, pupilCountsOf, summarisePark } from '../../shared/infra/indicators';
import type { PupilCount } from '../../shared/infra/pupil-groups';
import { brusselsDate } from '../../shared/platform/brussels-time';
import type { AccessPolicy } from '../platform/access/access';
import { boardSchoolsKey } from './board-schools';
import type { IndicatorRepository } from './indicator.repository';
import type { InfraNeeds } from './infra.needs';
import type { ParkVersions } from './park-versions';
import type { PupilCountRepository } from './pupil-count.repository';

/** Where the indicators read each school's pupil counts: absent for a school that entered none. */
export interface PupilCountSource {
  pupilCounts(schoolIds: readonly string[]): Promise<ReadonlyMap<string, PupilCounts>>;
}

/** The funding slice's counts, each group's latest, per school. */
export function pupilCountsPerSchool(counts: Pick<PupilCountRepository, 'pupilCounts'>): PupilCountSource {
  return {
    async pupilCounts(schoolIds) {
      const bySchool = new Map<string, PupilCount[]>();
      for (const count of await counts.pupilCounts(schoolIds)) bySchool.set(count.schoolId, [...(bySchool.get(count.schoolId) ?? []), count]);
      return new Map([...bySchool].map(([schoolId, rows]) => [schoolId, pupilCountsOf(rows)!]));
    },
  };
}

export interface IndicatorDeps {
  access: AccessPolicy;
  needs: InfraNeeds;
  pupils: PupilCountSource;
  content: IndicatorContent;
  /** The parks' versions, which the kept summaries and answers are compared with. */
  versions: Pick<ParkVersions, 'version'>;
  now?: () => Date;
}

/** Parks and answers kept per process: about 2 KB each, so a few MB for every school of Flanders. */
const KEPT = 4_096;

interface Kept<T> {
  version: number;
  day: string;
  value: T;
}

/**
 * The ICT park's indicators. Counting a park reads all its devices, so each school's summary and
 * each answer is kept per process with the park's version (bumped by triggers on every device, loan
 * and pupil count write, in any process) and the day the ages are taken on: a request compares the version
 * (ParkVersions: kept in memory on PostgreSQL, one indexed read on SQLite) and sends the kept bytes while neither changed.
 */
export class IndicatorService {
  private readonly now: () => Date;
  private readonly summaries = new Map<string, Kept<ParkSummary>>();
  private readonly answers = new Map<string, Kept<Buffer> & { schools: string }>();
  private readonly reference: InfraIndicators['reference'];
  private day = { value: '', until: 0 };

  constructor(
    private readonly repo: IndicatorRepository,
    private readonly deps: IndicatorDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    const { mictivo, co2 } = deps.content;
    this.reference = {
      mictivo: { edition: mictivo.edition, devicesPer100Pupils: mictivo.devicesPer100Pupils, source: { title: mictivo.source.title, url: mictivo.source.url } },
      co2: { productionShare: co2.productionShare, usualLifeYears: co2.usualLifeYears, source: { title: co2.source.title, url: co2.source.url }, footprints: co2.footprints },
    };
  }

  /** A school's indicators as JSON bytes (`infraIndicatorsSchema`). */
  async schoolIndicatorsJson(userId: string, schoolId: string): Promise<Buffer> {
    await this.deps.access.require(userId, 'readDevices', schoolId);
    const day = this.today();
    const version = await this.deps.versions.version(schoolId);
    const kept = this.answers.get(schoolId);
    if (kept && kept.version === version && kept.day === day) return kept.value;
    const summary = await this.summaryOf(schoolId, version, day);
    const pupils = (await this.deps.pupils.pupilCounts([schoolId])).get(schoolId) ?? null;
    const answer: InfraIndicators = { asOf: day, indicators: parkIndicators([{ summary, pupils }]), reference: this.reference };
    return keep(this.answers, schoolId, { version, day, schools: schoolId, value: Buffer.from(JSON.stringify(answer)) });
  }

  /** A board's indicators over all its schools, and each school's, as JSON bytes (`boardInfraIndicatorsSchema`). */
  async boardIndicatorsJson(userId: string, boardId: string): Promise<Buffer> {
    return this.boardIndicatorsJsonOf(boardId, await this.deps.needs.boards.schoolsOfBoard(userId, boardId));
  }

  /** The same for the board's schools as the school module read them, without an access check: a platform admin's support read of the board's overview. */
  async boardIndicatorsJsonOf(boardId: string, schools: ReadonlyArray<{ id: string; name: string }>): Promise<Buffer> {
    const day = this.today();
    const version = await this.deps.versions.version(boardId);
    const schoolKey = boardSchoolsKey(schools);
    const key = `board\u0000${boardId}`;
    const kept = this.answers.get(key);
    if (kept && kept.version === version && kept.day === day && kept.schools === schoolKey) return kept.value;
    const pupils = await this.deps.pupils.pupilCounts(schools.map((school) => school.id));
    const parks = [];
    for (const school of schools) {
      const summary = await this.summaryOf(school.id, await this.deps.versions.version(school.id), day);
      parks.push({ school, summary, pupils: pupils.get(school.id) ?? null });
    }
    const answer: BoardInfraIndicators = {
      asOf: day,
      indicators: parkIndicators(parks),
      reference: this.reference,
      schools: parks.map((park) => ({ schoolId: park.school.id, schoolName: park.school.name, indicators: parkIndicators([park]) })),
    };
    return keep(this.answers, key, { version, day, schools: schoolKey, value: Buffer.from(JSON.stringify(answer)) });
  }

  /**
   * Flanders' park, for the knowledge centre: every school's kept summary added up. Sums only,
   * no school named, so no access check; each school's summary is read again only when its park changed.
   */
  /** Changes with every change to a park or a funding ledger anywhere: what the centre's ICT park and funding fronts are kept by. */
  frontsVersion(): Promise<number> {
    return this.repo.frontsVersion();
  }

  async flandersFront(): Promise<IctParkFront> {
    const day = this.today();
    const schoolIds = await this.repo.schoolsWithDevices();
    const pupils = await this.deps.pupils.pupilCounts(schoolIds);
    const parks = [];
    for (const schoolId of schoolIds) parks.push({ summary: await this.summaryOf(schoolId, await this.deps.versions.version(schoolId), day), pupils: pupils.get(schoolId) ?? null });
    const indicators = parkIndicators(parks);
    return {
      source: { module: 'infra', asOf: day },
      schools: schoolIds.length,
      devices: indicators.devices,
      devicesPer100Pupils: { primary: indicators.devicesPer100Pupils.primary.value, secondary: indicators.devicesPer100Pupils.secondary.value },
      youngerThanFourYears: indicators.youngerThanFourYears.share,
      averageAgeYears: indicators.averageAgeYears,
    };
  }

  /** The Brussels day, worked out at most once a minute: formatting it costs a tenth of a kept answer. A new day shows within that minute. */
  private today(): string {
    const now = this.now().getTime();
    if (now >= this.day.until) this.day = { value: brusselsDate(new Date(now)), until: now + 60_000 };
    return this.day.value;
  }

  private async summaryOf(schoolId: string, version: number, day: string): Promise<ParkSummary> {
    const kept = this.summaries.get(schoolId);
    if (kept && kept.version === version && kept.day === day) return kept.value;
    const park = await this.repo.park(schoolId);
    return keep(this.summaries, schoolId, { version, day, value: summarisePark(park.devices, park.pupilLoans, day, this.deps.content.co2) });
  }
}

/** Keeps the entry as the most recent, dropping the least recent beyond KEPT; returns what it kept. */
function keep<T extends Kept<unknown>>(map: Map<string, T>, key: string, entry: T): T['value'] {
  map.delete(key);
  if (map.size >= KEPT) map.delete(map.keys().next().value!);
  map.set(key, entry);
  return entry.value;
}
