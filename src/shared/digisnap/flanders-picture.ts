import type { FlandersPicture, PictureCell, PictureDistribution, PictureGroup } from '../centre/digisnap-picture';
import { type PictureBreakdown, pictureBreakdowns, pictureGroups, sizeBandOf } from '../centre/picture-vocabulary';
import { geometricAlpha, HISTOGRAM_SENSITIVITY, noiseStatement, noisyHistogram, type Uniform } from '../platform/differential-privacy';
import { competenceList, type Framework, type LevelCode } from './framework';
import { effectiveThreshold, type ProtectedCount, suppressGroupTable } from './privacy';

/**
 * The Flanders-wide Digisnap picture of the knowledge centre, as pure rules: count the latest
 * scan of every teacher of the schools given, per group of each breakdown; draw the noise of a
 * release once (`drawPictureNoise`, the same mechanism and ε per histogram as the school
 * reports); and release the noisy counts (`releaseFlandersPicture`) with every cell under the
 * threshold hidden and the cells that would let a hidden one be worked out from a line hidden too.
 *
 * Histograms per breakdown: the overall level, each area's level and each competence's level.
 * Within a breakdown a teacher counts in one group only (parallel composition), so one release
 * spends histograms × breakdowns × ε.
 */

/** A school as the picture groups it, with the number of teachers it has on the platform. */
export interface FlandersSchool {
  id: string;
  province: string | null;
  level: string | null;
  network: string | null;
  teachers: number;
  /** Whether a Digisnap round of the school closed in the release's window. */
  finishedRound: boolean;
}

/** The levels of one teacher's latest scan: overall, per area and per competence, in the framework's order. */
export interface TeacherLevels {
  overall: LevelCode;
  areas: readonly LevelCode[];
  competences: readonly LevelCode[];
}

/** The histograms of one group: per level of the histogram's own level list, a count. */
export interface GroupCounts {
  key: string;
  schools: number;
  schoolsWithFinishedRound: number;
  teachers: number;
  /** Overall, then each area, then each competence: counts in the order of `histogramLevels`. */
  histograms: number[][];
}

/** Per breakdown, its groups' counts: raw, or after a release's noise. */
export type PictureCounts = Record<PictureBreakdown, GroupCounts[]>;

/** The levels each histogram has cells for: every level for overall and areas; those a competence's options give for a competence. */
export function histogramLevels(framework: Framework): LevelCode[][] {
  const all = framework.levels.map((level) => level.code);
  const areaLevels = framework.areas.map(() => all);
  const competenceLevels = competenceList(framework).map((competence) => {
    const given = new Set(competence.item.options.map((option) => option.level));
    return all.filter((level) => given.has(level));
  });
  return [all, ...areaLevels, ...competenceLevels];
}

/** The group a school is in under a breakdown; null when the school lacks the fact. */
export function groupOf(school: FlandersSchool, breakdown: PictureBreakdown): string | null {
  const key =
    breakdown === 'none'
      ? 'flanders'
      : breakdown === 'province'
        ? school.province
        : breakdown === 'level'
          ? school.level
          : breakdown === 'network'
            ? school.network
            : sizeBandOf(school.teachers);
  return key !== null && pictureGroups[breakdown].includes(key) ? key : null;
}

/**
 * Counts every breakdown, one teacher at a time: the schools are given first (how many schools
 * each group has), then each teacher with their schools and their latest scan, if any. A teacher
 * of several schools counts once per breakdown, in the first of them (in the order the schools
 * were given); a teacher without a scan counts as a teacher, not as a respondent. Teachers stream
 * through it, so Flanders' teachers and scans are never held at once.
 */
export class PictureCounter {
  private readonly counts = {} as PictureCounts;
  /** Each school's position in the order given. */
  private readonly positionOf: Map<string, number>;
  /** Per school position and breakdown, the index of its group in `counts` (-1: none). */
  private readonly groupIndex: Int16Array;
  private readonly levelIndex: Array<Map<LevelCode, number>>;

  constructor(schools: readonly FlandersSchool[], framework: Framework) {
    const cells = histogramLevels(framework);
    this.levelIndex = cells.map((list) => new Map(list.map((level, i) => [level, i])));
    this.groupIndex = new Int16Array(schools.length * pictureBreakdowns.length).fill(-1);
    this.positionOf = new Map(schools.map((school, s) => [school.id, s]));
    pictureBreakdowns.forEach((breakdown, b) => {
      const groups = pictureGroups[breakdown].map(
        (key): GroupCounts => ({ key, schools: 0, schoolsWithFinishedRound: 0, teachers: 0, histograms: cells.map((list) => list.map(() => 0)) }),
      );
      schools.forEach((school, s) => {
        const key = groupOf(school, breakdown);
        const g = key === null ? -1 : pictureGroups[breakdown].indexOf(key);
        if (g < 0) return;
        groups[g].schools += 1;
        if (school.finishedRound) groups[g].schoolsWithFinishedRound += 1;
        this.groupIndex[s * pictureBreakdowns.length + b] = g;
      });
      this.counts[breakdown] = groups;
    });
  }

  /** Adds a teacher of these schools (ids; others are left out) with their latest scan's levels, or none. */
  add(schoolIds: readonly string[], levels: TeacherLevels | undefined): void {
    const positions = schoolIds
      .map((id) => this.positionOf.get(id))
      .filter((s) => s !== undefined)
      .sort((a, b) => a - b);
    const all = levels && [levels.overall, ...levels.areas, ...levels.competences];
    pictureBreakdowns.forEach((breakdown, b) => {
      const s = positions.find((position) => this.groupIndex[position * pictureBreakdowns.length + b] >= 0);
      if (s === undefined) return;
      const group = this.counts[breakdown][this.groupIndex[s * pictureBreakdowns.length + b]];
      group.teachers += 1;
      all?.forEach((level, h) => {
        const cell = this.levelIndex[h]?.get(level);
        if (cell !== undefined) group.histograms[h][cell] += 1;
      });
    });
  }

  /** The counts of every breakdown, groups without schools left out. */
  result(): PictureCounts {
    return Object.fromEntries(pictureBreakdowns.map((breakdown) => [breakdown, this.counts[breakdown].filter((group) => group.schools > 0)])) as PictureCounts;
  }
}

/** A school with its teachers' ids: what the tests build a picture from. */
export type SchoolWithTeachers = Omit<FlandersSchool, 'teachers'> & { teacherIds: readonly string[] };

/** `PictureCounter` over teachers' levels at hand (tests, small sets). */
export function countPicture(schools: readonly SchoolWithTeachers[], levels: ReadonlyMap<string, TeacherLevels>, framework: Framework): PictureCounts {
  const counter = new PictureCounter(
    schools.map(({ teacherIds, ...school }) => ({ ...school, teachers: teacherIds.length })),
    framework,
  );
  const schoolsOf = new Map<string, string[]>();
  for (const school of schools) for (const teacherId of school.teacherIds) schoolsOf.set(teacherId, [...(schoolsOf.get(teacherId) ?? []), school.id]);
  for (const [teacherId, schoolIds] of schoolsOf) counter.add(schoolIds, levels.get(teacherId));
  return counter.result();
}

/** How many histograms one release publishes: every histogram of every breakdown (a group's are parallel to its siblings'). */
export function releaseHistograms(framework: Framework): number {
  return histogramLevels(framework).length * pictureBreakdowns.length;
}

/** The noise of one release, drawn once: every histogram of every group gets its own two-sided geometric noise with ε each. */
export function drawPictureNoise(counts: PictureCounts, epsilon: number, uniform: Uniform): PictureCounts {
  const alpha = geometricAlpha(epsilon, HISTOGRAM_SENSITIVITY);
  const noisy = {} as PictureCounts;
  for (const breakdown of pictureBreakdowns) {
    noisy[breakdown] = counts[breakdown].map((group) => ({ ...group, histograms: group.histograms.map((histogram) => noisyHistogram(histogram, alpha, uniform)) }));
  }
  return noisy;
}

/** What a release says of itself besides its figures. */
export interface ReleaseFacts {
  id: string;
  releasedAt: string;
  from: string;
  epsilon: number;
  threshold: number;
}

/**
 * The privacy gate of the Flanders picture: the only way its counts leave the digisnap module.
 * Takes a release's noisy counts (never raw ones) and hides, per histogram across the groups of
 * the breakdown with their totals as lines, every count under the threshold and what would let
 * one be recovered (suppressGroupTable). A release without respondents has no figures.
 */
export function releaseFlandersPicture(noisy: PictureCounts, breakdown: PictureBreakdown, framework: Framework, release: ReleaseFacts | null): FlandersPicture {
  const threshold = effectiveThreshold(release?.threshold);
  const cells = histogramLevels(framework);
  const groups = noisy[breakdown];
  const tables = cells.map((levels, h) => ({
    levels,
    table: suppressGroupTable({ rows: groups.map((group) => ({ key: group.key, cells: group.histograms[h] })), margins: true }, threshold),
  }));
  const distribution = (g: number, h: number): PictureDistribution => {
    const { levels, table } = tables[h];
    const row = table.rows[g];
    const total = row.total.count;
    return { total: cellOf(row.total, total), levels: levels.map((level, c) => ({ level, ...cellOf(row.cells[c], total) })) };
  };
  const areas = framework.areas.length;
  const competences = competenceList(framework);
  const published: PictureGroup[] = groups.map((group, g) => {
    const overall = distribution(g, 0);
    return {
      key: group.key,
      schools: group.schools,
      schoolsWithFinishedRound: group.schoolsWithFinishedRound,
      teachers: group.teachers,
      respondents: overall.total,
      participation: overall.total.count === null || group.teachers === 0 ? null : Math.min(100, percent(overall.total.count, group.teachers)),
      overall,
      areas: framework.areas.map((area, a) => ({ number: area.number, ...distribution(g, 1 + a) })),
      competences: competences.map((competence, c) => ({ code: competence.code, areaNumber: competence.areaNumber, ...distribution(g, 1 + areas + c) })),
    };
  });
  return {
    release: release && {
      id: release.id,
      releasedAt: release.releasedAt,
      from: release.from,
      threshold,
      noise: { epsilon: release.epsilon, histograms: releaseHistograms(framework), ...noiseStatement(release.epsilon) },
      epsilon: release.epsilon * releaseHistograms(framework),
    },
    breakdown,
    histogram: 'all',
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    areas: framework.areas.map((area) => ({ number: area.number, name: area.name })),
    competences: competences.map((competence) => ({ code: competence.code, areaNumber: competence.areaNumber, name: competence.name })),
    groups: release ? published : [],
  };
}

function cellOf(cell: ProtectedCount, total: number | null): PictureCell {
  if (cell.suppressed || cell.count === null) return { count: null, share: null, hidden: true };
  return { count: cell.count, share: total ? percent(cell.count, total) : null, hidden: false };
}

function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 1000) / 10;
}
