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

/** A school as the picture groups it, with the teachers it has on the platform. */
export interface FlandersSchool {
  id: string;
  province: string | null;
  level: string | null;
  network: string | null;
  teacherIds: readonly string[];
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
            : sizeBandOf(school.teacherIds.length);
  return key !== null && pictureGroups[breakdown].includes(key) ? key : null;
}

/**
 * Counts every breakdown. A teacher of several schools counts once per breakdown, in the first of
 * them; a teacher without a scan in `levels` counts as a teacher, not as a respondent.
 */
export function countPicture(schools: readonly FlandersSchool[], levels: ReadonlyMap<string, TeacherLevels>, framework: Framework): PictureCounts {
  const cells = histogramLevels(framework);
  const index = cells.map((list) => new Map(list.map((level, i) => [level, i])));
  const counts = {} as PictureCounts;
  for (const breakdown of pictureBreakdowns) {
    const groups = new Map(
      pictureGroups[breakdown].map((key) => [key, { key, schools: 0, schoolsWithFinishedRound: 0, teachers: 0, histograms: cells.map((list) => list.map(() => 0)) }]),
    );
    const seen = new Set<string>();
    for (const school of schools) {
      const key = groupOf(school, breakdown);
      const group = key === null ? undefined : groups.get(key);
      if (!group) continue;
      group.schools += 1;
      if (school.finishedRound) group.schoolsWithFinishedRound += 1;
      for (const teacherId of school.teacherIds) {
        if (seen.has(teacherId)) continue;
        seen.add(teacherId);
        group.teachers += 1;
        const teacher = levels.get(teacherId);
        if (!teacher) continue;
        [teacher.overall, ...teacher.areas, ...teacher.competences].forEach((level, h) => {
          const cell = index[h]?.get(level);
          if (cell !== undefined) group.histograms[h][cell] += 1;
        });
      }
    }
    counts[breakdown] = [...groups.values()].filter((group) => group.schools > 0);
  }
  return counts;
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
