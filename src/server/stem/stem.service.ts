import type { StemFront } from '../../shared/centre/fronts';
import { notFound } from '../../shared/errors';
import type { TableBody } from '../../shared/platform/endpoint';
import type { LocalisedText } from '../../shared/platform/text';
import type { GoalStemFigure } from '../../shared/school/policy-plan/policy-plan';
import type { StemImportReport, StemIndicatorList, StemIndicators, StemSeries } from '../../shared/stem/api';
import type { StemContent } from '../../shared/stem/content';
import { changeFromBaselinePp, definitionFor, indicatorOfYear, inPopulation, type StemCount, targetGap } from '../../shared/stem/indicators';
import type { StemBreakdown, StemCountSource, StemDefinition } from '../../shared/stem/vocabulary';
import type { AccessPolicy } from '../platform/access/access';
import { type ImportProblem, type ImportRejection, importRejected } from '../platform/import/import-problems';
import { type StemRepository, type StemYear, tallyYears } from './stem.repository';
import { readStemCounts, STEM_FILE_FIELD, type StemCountLine } from './stem-counts-csv';

/**
 * How long a process trusts the data version it read last. A read is then a lookup of kept bytes
 * without touching the database; an import in this process is seen at once, one in another
 * process (several servers on one PostgreSQL) within this time.
 */
export const STEM_VERSION_RECHECK_MS = 1_000;

export interface StemDeps {
  access: AccessPolicy;
  content: StemContent;
  now?: () => number;
}

export interface IndicatorsQuery {
  year: string;
  breakdown: StemBreakdown;
  definition?: StemDefinition;
}

export interface SeriesQuery {
  indicator: string;
  breakdown: StemBreakdown;
  definition?: StemDefinition;
}

/** One data version in memory: the sums per year, and every answer given from them as the bytes sent. */
interface StemData {
  version: number;
  years: StemYear[];
  byYear: Map<string, StemCount[]>;
  answers: Map<string, Buffer>;
}

const rejection: ImportRejection = { unit: 'line', outcome: 'nothing was imported', where: (p) => `line ${p.line}: ${p.field}`, fileField: STEM_FILE_FIELD };
/** The command line's files: a JSON page's problem names its file and record already. */
const operatorRejection: ImportRejection = { ...rejection, where: (p) => (p.field.includes(' content[') ? p.field : rejection.where(p)) };

/**
 * The STEM monitor. Every import writes the sums per year beside its lines and bumps the data
 * version; the indicators are computed from the sums (a few thousand rows a year, however many
 * schools), once per version and question, and kept as JSON bytes, so a read is a lookup.
 */
export class StemService {
  private data: StemData | null = null;
  private loading: Promise<StemData> | null = null;
  private recheckAt = 0;
  private readonly now: () => number;

  constructor(
    private readonly repo: StemRepository,
    private readonly deps: StemDeps,
  ) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** The counts CSV (or .xlsx) of a knowledge centre analyst or an admin: all or nothing, each year in it replaced. */
  async importCounts(userId: string, body: TableBody, options: { dryRun: boolean }): Promise<StemImportReport> {
    await this.deps.access.requirePlatform(userId, 'importStemCounts');
    const read = await readStemCounts(body);
    if (read.problems.count > 0) throw importRejected(read.problems, rejection);
    return this.importLines(read.lines, 'csv', { ...options, actorId: userId });
  }

  /** Counts the command line read (`readStemFiles`): refused whole when any problem was found, else imported. */
  async importRead(
    read: { lines: readonly Omit<StemCountLine, 'line'>[]; source: StemCountSource; problems: readonly ImportProblem[] },
    options: { dryRun: boolean },
  ): Promise<StemImportReport> {
    if (read.problems.length > 0) throw importRejected(read.problems, operatorRejection);
    return this.importLines(read.lines, read.source, { ...options, actorId: null });
  }

  /** Counts already read and checked (the command line's CSV or education API pages, the demo): each school year in them replaced. */
  async importLines(lines: readonly Omit<StemCountLine, 'line'>[], source: StemCountSource, options: { dryRun: boolean; actorId: string | null }): Promise<StemImportReport> {
    const years = tallyYears(lines);
    if (!options.dryRun) {
      await this.repo.replaceYears(lines, source, { actorId: options.actorId, action: 'stem_counts_imported', details: { source, years: [...years.keys()], rows: lines.length } });
      this.recheckAt = 0;
    }
    return { dryRun: options.dryRun, rows: lines.length, years: [...years].map(([year, tally]) => ({ year, ...tally })).sort((a, b) => a.year.localeCompare(b.year)) };
  }

  /** Every indicator of a school year, for Flanders and per group of the breakdown. */
  async indicators(query: IndicatorsQuery): Promise<StemIndicators> {
    return this.indicatorsOf(await this.current(), query);
  }

  /** The same as JSON bytes, kept per data version for the years with counts. */
  async indicatorsJson(query: IndicatorsQuery): Promise<Buffer> {
    const data = await this.current();
    if (!data.byYear.has(query.year)) return Buffer.from(JSON.stringify(this.indicatorsOf(data, query)));
    return kept(data, `indicators\u0000${query.year}\u0000${query.breakdown}\u0000${query.definition ?? ''}`, () => this.indicatorsOf(data, query));
  }

  /** One indicator over every school year with counts of its population, with the baseline, the targets and the published values, as JSON bytes. */
  async seriesJson(query: SeriesQuery): Promise<Buffer> {
    const data = await this.current();
    this.rule(query.indicator);
    return kept(data, `series\u0000${query.indicator}\u0000${query.breakdown}\u0000${query.definition ?? ''}`, () => this.seriesOf(data, query));
  }

  /** The categories, definitions, indicators with their targets and published values, and the years with counts, as JSON bytes. */
  async definitionsJson(): Promise<Buffer> {
    const data = await this.current();
    return kept(data, 'definitions', () => this.definitionsOf(data));
  }

  /** The indicators by name: what a school's policy plan goal may point at. */
  indicatorNames(): Array<{ id: string; name: LocalisedText }> {
    return this.deps.content.indicators.map(({ id, name }) => ({ id, name }));
  }

  /**
   * The indicator's value in the latest school year with counts of its population, for Flanders
   * and one province (when the indicator breaks down by province): what a policy plan quotes.
   * Null for an indicator the monitor does not know.
   */
  async latestFor(indicatorId: string, province: string | null): Promise<GoalStemFigure | null> {
    const rule = this.deps.content.indicators.find((indicator) => indicator.id === indicatorId);
    if (!rule) return null;
    const data = await this.current();
    const year = data.years.findLast((entry) => data.byYear.get(entry.year)?.some((count) => inPopulation(rule, count)))?.year ?? null;
    const byProvince = province !== null && rule.breakdowns.includes('province');
    const figure = { indicator: rule.id, name: rule.name, year, province: byProvince ? province : null, provinceValue: null, flanders: null };
    if (year === null) return figure;
    const value = indicatorOfYear(rule, definitionFor(this.deps.content.definitions, rule.level, year), data.byYear.get(year) ?? null, byProvince ? 'province' : 'none');
    return { ...figure, flanders: value.total, provinceValue: value.groups?.find((group) => group.key === province)?.value ?? null };
  }

  /** The data version, bumped by every import: what the centre's STEM front is kept by. */
  dataVersion(): Promise<number> {
    return this.repo.version();
  }

  /**
   * Each indicator's latest Flanders value against its furthest target: the centre's STEM front
   * and open data. A value the small-number rule hides is null, as on the monitor.
   */
  async headline(): Promise<StemFront> {
    const figures = await Promise.all(this.deps.content.indicators.map((rule) => this.latestFor(rule.id, null)));
    const indicators = figures
      .flatMap((figure) => (figure ? [figure] : []))
      .map((figure) => {
        const target = this.deps.content.targets
          .filter((one) => one.indicator === figure.indicator)
          .sort((a, b) => a.deadlineYear.localeCompare(b.deadlineYear))
          .at(-1);
        return {
          indicator: figure.indicator,
          name: figure.name,
          year: figure.year,
          value: figure.flanders?.status === 'shown' ? figure.flanders.share : null,
          target: target ? { value: target.value, deadlineYear: target.deadlineYear } : null,
        };
      });
    const data = await this.current();
    return { source: { module: 'stem', asOf: data.years.at(-1)?.year ?? null }, indicators };
  }

  private indicatorsOf(data: StemData, query: IndicatorsQuery): StemIndicators {
    const counts = data.byYear.get(query.year) ?? null;
    return {
      year: query.year,
      breakdown: query.breakdown,
      source: data.years.find((entry) => entry.year === query.year)?.source ?? null,
      indicators: this.deps.content.indicators.map((rule) =>
        indicatorOfYear(rule, query.definition ?? definitionFor(this.deps.content.definitions, rule.level, query.year), counts, query.breakdown),
      ),
    };
  }

  private seriesOf(data: StemData, query: SeriesQuery): StemSeries {
    const rule = this.rule(query.indicator);
    const { content } = this.deps;
    const definitionOf = (year: string) => query.definition ?? definitionFor(content.definitions, rule.level, year);
    const baseline = indicatorOfYear(rule, definitionOf(rule.baselineYear), data.byYear.get(rule.baselineYear) ?? null, query.breakdown);
    const years = data.years
      .filter((entry) => data.byYear.get(entry.year)?.some((count) => inPopulation(rule, count)))
      .map((entry) => {
        const value = indicatorOfYear(rule, definitionOf(entry.year), data.byYear.get(entry.year) ?? null, query.breakdown);
        return {
          year: entry.year,
          definition: value.definition,
          source: entry.source,
          total: value.total,
          changeFromBaselinePp: changeFromBaselinePp(value.total, baseline.total),
          groups: value.groups?.map((group, i) => ({ ...group, changeFromBaselinePp: changeFromBaselinePp(group.value, baseline.groups?.[i]?.value ?? baseline.total) })) ?? null,
        };
      });
    return {
      indicator: rule.id,
      breakdown: query.breakdown,
      baseline: { year: rule.baselineYear, total: baseline.total },
      years,
      targets: content.targets.filter((target) => target.indicator === rule.id).map((target) => targetGap(target, years)),
      published: content.published.filter((value) => value.indicator === rule.id),
    };
  }

  private definitionsOf(data: StemData): StemIndicatorList {
    const { content } = this.deps;
    return {
      categories: content.categories,
      definitions: content.definitions.map(({ id, name, description, use }) => ({ id, name, description, use })),
      years: data.years,
      indicators: content.indicators.map((rule) => ({
        ...rule,
        targets: content.targets.filter((target) => target.indicator === rule.id),
        published: content.published.filter((value) => value.indicator === rule.id),
      })),
    };
  }

  private rule(indicatorId: string) {
    const rule = this.deps.content.indicators.find((indicator) => indicator.id === indicatorId);
    if (!rule) throw notFound(`STEM indicator ${indicatorId}`, 'indicator');
    return rule;
  }

  /** The data of the current version: read anew when the version changed, one load at a time. */
  private async current(): Promise<StemData> {
    if (this.data && this.now() < this.recheckAt) return this.data;
    const version = await this.repo.version();
    this.recheckAt = this.now() + STEM_VERSION_RECHECK_MS;
    if (this.data?.version === version) return this.data;
    this.loading ??= this.repo
      .sums()
      .then((sums) => {
        const byYear = new Map<string, StemCount[]>();
        for (const count of sums.counts) {
          const ofYear = byYear.get(count.year);
          if (ofYear) ofYear.push(count);
          else byYear.set(count.year, [count]);
        }
        this.data = { version: sums.version, years: sums.years, byYear, answers: new Map() };
        return this.data;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}

/** The answer's bytes, made once per data version. */
function kept(data: StemData, key: string, make: () => unknown): Buffer {
  let bytes = data.answers.get(key);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(make()));
    data.answers.set(key, bytes);
  }
  return bytes;
}
