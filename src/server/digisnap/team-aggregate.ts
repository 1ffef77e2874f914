import { createHash } from 'node:crypto';
import type { Background } from '../../shared/digisnap/api';
import { type BandCode, competenceList, type Framework, type LevelCode } from '../../shared/digisnap/framework';
import { effectiveThreshold } from '../../shared/digisnap/privacy';
import { NOT_ANSWERED, type ProtectedTeam, protectTeam, type TeamCounts } from '../../shared/digisnap/protected-team';
import type { ScanResult } from '../../shared/digisnap/scoring';

/**
 * A team's Digisnap results as one aggregate. The raw counts stay in the digisnap module: what
 * leaves it has passed `protectTeam`, and so `suppressSmallGroups`, with the campaign's threshold.
 * The counts are additive, so the stored aggregates (team-aggregate.service.ts) add and take
 * away one scan at a time with the very functions that count a team from scratch here.
 */

/** Members of a team and the window in which their submitted scans count (from inclusive, to exclusive; ISO-8601 UTC). */
export interface TeamCohort {
  userIds: readonly string[];
  from: string;
  to: string;
}

export interface TeamAggregateRequest {
  /** One or more cohorts; a teacher found in several counts once, with their latest scan among them. */
  cohorts: readonly TeamCohort[];
  frameworkId: string;
  frameworkVersion: string;
  threshold: number;
  /**
   * Respondents come back as keys derived from this salt (e.g. the campaign id) and the user,
   * so a caller can tell whether the group changed without learning who is in it.
   */
  respondentSalt: string;
}

export interface TeamAggregate {
  respondents: number;
  respondentKeys: string[];
  /** null when there are fewer respondents than the threshold: no table of such a group leaves. */
  team: ProtectedTeam | null;
}

export interface TeamScan {
  scanId: string;
  userId: string;
  submittedAt: string;
  result: ScanResult;
  background: Background;
}

/** A scan's background answers; a broken or empty column reads as no answers. */
export function parseBackground(json: string): Background {
  try {
    return JSON.parse(json) as Background;
  } catch {
    return {};
  }
}

/** Whether scan `a` replaces `b` as its teacher's latest: submitted later, or at the same instant with the larger id, so ties never depend on row order. */
export function isLaterScan(a: Pick<TeamScan, 'scanId' | 'submittedAt'>, b: Pick<TeamScan, 'scanId' | 'submittedAt'>): boolean {
  return a.submittedAt > b.submittedAt || (a.submittedAt === b.submittedAt && a.scanId > b.scanId);
}

/** Each teacher's latest scan among those given. */
export function latestPerTeacher(scans: readonly TeamScan[]): TeamScan[] {
  const latest = new Map<string, TeamScan>();
  for (const scan of scans) {
    const seen = latest.get(scan.userId);
    if (!seen || isLaterScan(scan, seen)) latest.set(scan.userId, scan);
  }
  return [...latest.values()];
}

/** The counts of a team without respondents: every cell the framework has, at zero. */
export function emptyCounts(framework: Framework): TeamCounts {
  const zeroLevels = () => Object.fromEntries(framework.levels.map((l) => [l.code, 0])) as Record<LevelCode, number>;
  const zeroBands = () => Object.fromEntries(framework.bands.map((b) => [b.code, 0])) as Record<BandCode, number>;
  return {
    respondents: 0,
    totalScoreSum: 0,
    overallLevels: zeroLevels(),
    areas: framework.areas.map((area) => ({ number: area.number, scoreSum: 0, levels: zeroLevels() })),
    competences: competenceList(framework).map((c) => ({ code: c.code, levels: {} })),
    background: framework.background.map((question) => ({
      question: question.id,
      groups: [...question.options.map((o) => o.value), NOT_ANSWERED].map((value) => ({ value, bands: zeroBands() })),
    })),
  };
}

/**
 * Adds one scan to the counts (sign 1) or takes it away again (sign -1), in place. A competence
 * level whose count comes back to zero is removed, so counts kept up to date scan by scan equal
 * counts made from scratch, cell for cell.
 */
export function addScan(counts: TeamCounts, scan: Pick<TeamScan, 'result' | 'background'>, sign: 1 | -1 = 1): TeamCounts {
  const { result, background } = scan;
  counts.respondents += sign;
  counts.totalScoreSum += sign * result.total;
  counts.overallLevels[result.level] += sign;
  for (const area of result.areas) {
    const cell = counts.areas.find((a) => a.number === area.number);
    if (!cell) continue;
    cell.scoreSum += sign * area.score;
    cell.levels[area.level] += sign;
  }
  for (const competence of result.competences) {
    const row = counts.competences.find((c) => c.code === competence.code);
    if (!row) continue;
    const cell = (row.levels[competence.level] ??= { count: 0, pointsSum: 0 });
    cell.count += sign;
    cell.pointsSum += sign * competence.points;
    if (cell.count === 0) delete row.levels[competence.level];
  }
  for (const breakdown of counts.background) {
    const answer = (background as Record<string, string | null | undefined>)[breakdown.question];
    const group = breakdown.groups.find((g) => g.value === answer) ?? breakdown.groups.find((g) => g.value === NOT_ANSWERED)!;
    group.bands[result.band] += sign;
  }
  return counts;
}

/** Adds (sign 1) or takes away (sign -1) a whole team's counts, in place: comparison groups are sums of teams. */
export function addCounts(counts: TeamCounts, other: TeamCounts, sign: 1 | -1 = 1): TeamCounts {
  const addLevels = <K extends string>(into: Record<K, number>, from: Record<K, number>) => {
    for (const key of Object.keys(from) as K[]) into[key] = (into[key] ?? 0) + sign * from[key];
  };
  counts.respondents += sign * other.respondents;
  counts.totalScoreSum += sign * other.totalScoreSum;
  addLevels(counts.overallLevels, other.overallLevels);
  for (const area of other.areas) {
    const cell = counts.areas.find((a) => a.number === area.number);
    if (!cell) continue;
    cell.scoreSum += sign * area.scoreSum;
    addLevels(cell.levels, area.levels);
  }
  for (const competence of other.competences) {
    const row = counts.competences.find((c) => c.code === competence.code);
    if (!row) continue;
    for (const [level, from] of Object.entries(competence.levels) as Array<[LevelCode, { count: number; pointsSum: number }]>) {
      const cell = (row.levels[level] ??= { count: 0, pointsSum: 0 });
      cell.count += sign * from.count;
      cell.pointsSum += sign * from.pointsSum;
      if (cell.count === 0) delete row.levels[level];
    }
  }
  for (const breakdown of other.background) {
    const into = counts.background.find((b) => b.question === breakdown.question);
    for (const group of breakdown.groups) {
      const cell = into?.groups.find((g) => g.value === group.value);
      if (cell) addLevels(cell.bands, group.bands);
    }
  }
  return counts;
}

/**
 * Counts as stored: a flat list of numbers in the framework's own order (respondents, score
 * sum, overall levels; per area its score sum and levels; per competence and level its count
 * and points; per background answer its bands). A sixth of the counts' JSON, and read back in
 * a fraction of the time, which every submit to a team does.
 */
export function encodeCounts(counts: TeamCounts, framework: Framework): string {
  const numbers: number[] = [counts.respondents, counts.totalScoreSum];
  const levels = (values: Partial<Record<LevelCode, number>>) => framework.levels.forEach((l) => numbers.push(values[l.code] ?? 0));
  levels(counts.overallLevels);
  framework.areas.forEach((area, i) => {
    numbers.push(counts.areas[i]?.number === area.number ? counts.areas[i].scoreSum : 0);
    levels(counts.areas[i]?.number === area.number ? counts.areas[i].levels : {});
  });
  for (const [i, competence] of competenceList(framework).entries()) {
    const cells = counts.competences[i]?.code === competence.code ? counts.competences[i].levels : {};
    for (const level of framework.levels) numbers.push(cells[level.code]?.count ?? 0, cells[level.code]?.pointsSum ?? 0);
  }
  for (const breakdown of counts.background) for (const group of breakdown.groups) framework.bands.forEach((b) => numbers.push(group.bands[b.code] ?? 0));
  return JSON.stringify(numbers);
}

/** The counts `encodeCounts` stored, read back for the same framework. */
export function decodeCounts(stored: string, framework: Framework): TeamCounts {
  const numbers = JSON.parse(stored) as number[] | TeamCounts;
  // Counts stored as TeamCounts themselves, before this encoding: the next write re-encodes them.
  if (!Array.isArray(numbers)) return numbers;
  let next = 0;
  const levels = () => {
    const cells = {} as Record<LevelCode, number>;
    for (const level of framework.levels) cells[level.code] = numbers[next++];
    return cells;
  };
  const competenceLevels = () => {
    const cells: TeamCounts['competences'][number]['levels'] = {};
    for (const level of framework.levels) {
      const count = numbers[next++];
      const pointsSum = numbers[next++];
      if (count !== 0) cells[level.code] = { count, pointsSum };
    }
    return cells;
  };
  const bands = () => {
    const cells = {} as Record<BandCode, number>;
    for (const band of framework.bands) cells[band.code] = numbers[next++];
    return cells;
  };
  // Property values are read in the order they are written, as encodeCounts wrote them.
  const counts: TeamCounts = {
    respondents: numbers[next++],
    totalScoreSum: numbers[next++],
    overallLevels: levels(),
    areas: framework.areas.map((area) => ({ number: area.number, scoreSum: numbers[next++], levels: levels() })),
    competences: competenceList(framework).map((competence) => ({ code: competence.code, levels: competenceLevels() })),
    background: framework.background.map((question) => ({
      question: question.id,
      groups: [...question.options.map((o) => o.value), NOT_ANSWERED].map((value) => ({ value, bands: bands() })),
    })),
  };
  if (next !== numbers.length) throw new Error(`decodeCounts: ${numbers.length} numbers stored, ${next} expected for ${framework.id} ${framework.version}`);
  return counts;
}

/** Adds up one scan per teacher. Raw: never returned from the digisnap module as it is. */
export function countTeam(scans: readonly Pick<TeamScan, 'result' | 'background'>[], framework: Framework): TeamCounts {
  const counts = emptyCounts(framework);
  for (const scan of scans) addScan(counts, scan);
  return counts;
}

/** `<teacher>.<scan>`: hashes that tell teachers and their scans apart, and nothing else (see publicationDecision). */
export function respondentKey(salt: string, scan: Pick<TeamScan, 'userId' | 'submittedAt'>): string {
  const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 16);
  return `${hash(`${salt}\u0000${scan.userId}`)}.${hash(`${salt}\u0000${scan.userId}\u0000${scan.submittedAt}`)}`;
}

/**
 * The privacy gate of Digisnap: the only way an aggregate of teachers' scans leaves the module.
 * What comes out are the team's protected tables (every small group and every cell that would
 * let one be recovered by subtraction suppressed, see shared/digisnap/privacy.ts), or nothing
 * when the team is smaller than the threshold (never below MIN_GROUP_SIZE). Team reports,
 * comparison groups and, later, Flanders-wide figures all pass here; the architecture test
 * holds the server to calling `protectTeam` nowhere else.
 */
export function releaseTeamAggregate(counts: TeamCounts, framework: Framework, threshold: number): ProtectedTeam | null {
  const t = effectiveThreshold(threshold);
  return counts.respondents >= t ? protectTeam(counts, framework, t) : null;
}

/** From the scans that count, the aggregate that may leave: keys, a count, and protected tables or none. */
export function teamAggregateOf(scans: readonly TeamScan[], framework: Framework, request: Pick<TeamAggregateRequest, 'threshold' | 'respondentSalt'>): TeamAggregate {
  const counted = latestPerTeacher(scans);
  return {
    respondents: counted.length,
    respondentKeys: counted.map((scan) => respondentKey(request.respondentSalt, scan)).sort(),
    team: releaseTeamAggregate(countTeam(counted, framework), framework, request.threshold),
  };
}
