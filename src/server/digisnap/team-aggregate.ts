import { createHash } from 'node:crypto';
import type { Background } from '../../shared/digisnap/api';
import { type BandCode, competenceList, type Framework, type LevelCode } from '../../shared/digisnap/framework';
import { effectiveThreshold } from '../../shared/digisnap/privacy';
import { NOT_ANSWERED, type NoisyCounts, type ProtectedTeam, protectTeam, type TeamCounts } from '../../shared/digisnap/protected-team';
import type { ScanResult } from '../../shared/digisnap/scoring';

/**
 * A team's Digisnap results as one aggregate. The raw counts stay in the digisnap module: what
 * leaves it are the tables `protectTeam` makes of a publication's noisy counts (drawNoise).
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
    overallLevels: zeroLevels(),
    areas: framework.areas.map((area) => ({ number: area.number, levels: zeroLevels() })),
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
  counts.overallLevels[result.level] += sign;
  for (const area of result.areas) {
    const cell = counts.areas.find((a) => a.number === area.number);
    if (!cell) continue;
    cell.levels[area.level] += sign;
  }
  for (const competence of result.competences) {
    const row = counts.competences.find((c) => c.code === competence.code);
    if (!row) continue;
    row.levels[competence.level] = (row.levels[competence.level] ?? 0) + sign;
    if (row.levels[competence.level] === 0) delete row.levels[competence.level];
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
  addLevels(counts.overallLevels, other.overallLevels);
  for (const area of other.areas) {
    const cell = counts.areas.find((a) => a.number === area.number);
    if (!cell) continue;
    addLevels(cell.levels, area.levels);
  }
  for (const competence of other.competences) {
    const row = counts.competences.find((c) => c.code === competence.code);
    if (!row) continue;
    for (const [level, from] of Object.entries(competence.levels) as Array<[LevelCode, number]>) {
      row.levels[level] = (row.levels[level] ?? 0) + sign * from;
      if (row.levels[level] === 0) delete row.levels[level];
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
 * Counts as stored: a flat list of numbers in the framework's own order (respondents, overall
 * levels; per area its levels; per competence its count per level; per background answer its
 * bands), behind a leading marker `COUNTS_FORMAT`. A sixth of the counts' JSON, and read back in
 * a fraction of the time, which every submit to a team does. Score sums are not kept: nothing
 * published needs them, and sums are what subtraction recovers a person from.
 */
export function encodeCounts(counts: TeamCounts, framework: Framework): string {
  const numbers: number[] = [COUNTS_FORMAT, counts.respondents];
  const levels = (values: Partial<Record<LevelCode, number>>) => framework.levels.forEach((l) => numbers.push(values[l.code] ?? 0));
  levels(counts.overallLevels);
  framework.areas.forEach((area, i) => levels(counts.areas[i]?.number === area.number ? counts.areas[i].levels : {}));
  for (const [i, competence] of competenceList(framework).entries()) levels(counts.competences[i]?.code === competence.code ? counts.competences[i].levels : {});
  for (const breakdown of counts.background) for (const group of breakdown.groups) framework.bands.forEach((b) => numbers.push(group.bands[b.code] ?? 0));
  return JSON.stringify(numbers);
}

/** Marks counts stored without score sums; a list not starting with it is the earlier layout, with sums (read, sums skipped). */
const COUNTS_FORMAT = -2;

/** The counts `encodeCounts` stored, read back for the same framework. */
export function decodeCounts(stored: string, framework: Framework): TeamCounts {
  const numbers = JSON.parse(stored) as number[];
  const withSums = numbers[0] !== COUNTS_FORMAT;
  let next = withSums ? 0 : 1;
  const skipSum = () => {
    if (withSums) next += 1;
  };
  const levels = () => {
    const cells = {} as Record<LevelCode, number>;
    for (const level of framework.levels) cells[level.code] = numbers[next++];
    return cells;
  };
  const competenceLevels = () => {
    const cells: TeamCounts['competences'][number]['levels'] = {};
    for (const level of framework.levels) {
      const count = numbers[next++];
      skipSum();
      if (count !== 0) cells[level.code] = count;
    }
    return cells;
  };
  const bands = () => {
    const cells = {} as Record<BandCode, number>;
    for (const band of framework.bands) cells[band.code] = numbers[next++];
    return cells;
  };
  // Property values are read in the order they are written, as encodeCounts wrote them.
  const respondents = numbers[next++];
  skipSum();
  const counts: TeamCounts = {
    respondents,
    overallLevels: levels(),
    areas: framework.areas.map((area) => {
      skipSum();
      return { number: area.number, levels: levels() };
    }),
    competences: competenceList(framework).map((competence) => ({ code: competence.code, levels: competenceLevels() })),
    background: framework.background.map((question) => ({
      question: question.id,
      groups: [...question.options.map((o) => o.value), NOT_ANSWERED].map((value) => ({ value, bands: bands() })),
    })),
  };
  if (next !== numbers.length) throw new Error(`decodeCounts: ${numbers.length} numbers stored, ${next} expected for ${framework.id} ${framework.version}`);
  return counts;
}

/** A publication's noisy counts as stored: its ε and the counts in `encodeCounts`' layout. */
export function encodeNoisy(noisy: NoisyCounts, framework: Framework): string {
  return JSON.stringify({ epsilon: noisy.epsilon, counts: JSON.parse(encodeCounts(noisy.counts, framework)) });
}

export function decodeNoisy(stored: string, framework: Framework): NoisyCounts {
  const { epsilon, counts } = JSON.parse(stored) as { epsilon: number; counts: number[] };
  return { epsilon, counts: decodeCounts(JSON.stringify(counts), framework) };
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
 * What comes out are the tables of a publication's noisy counts (drawn once per publication by
 * `drawNoise` and stored, see shared/digisnap/protected-team.ts), or nothing when the team is
 * smaller than the threshold (never below MIN_GROUP_SIZE). Team reports and comparison groups
 * (sums of other schools' noisy counts) pass here; the architecture test holds the server to
 * calling `protectTeam` nowhere else.
 */
export function releaseTeamAggregate(noisy: NoisyCounts, framework: Framework, threshold: number): ProtectedTeam | null {
  const t = effectiveThreshold(threshold);
  return noisy.counts.respondents >= t ? protectTeam(noisy, framework, t) : null;
}
