import { createHash } from 'node:crypto';
import type { Background } from '../../shared/digisnap/api';
import { type BandCode, type Framework, type LevelCode, competenceList } from '../../shared/digisnap/framework';
import type { ScanResult } from '../../shared/digisnap/scoring';
import { effectiveThreshold } from '../../shared/school/privacy';
import { NOT_ANSWERED, type ProtectedTeam, type TeamCounts, protectTeam } from '../../shared/school/report';

/**
 * A team's Digisnap results as one aggregate. The raw counts stay in this file: what leaves it
 * has passed `protectTeam`, and so `suppressSmallGroups`, with the campaign's threshold.
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
  userId: string;
  submittedAt: string;
  result: ScanResult;
  background: Background;
}

/** Each teacher's latest scan among those given. */
export function latestPerTeacher(scans: readonly TeamScan[]): TeamScan[] {
  const latest = new Map<string, TeamScan>();
  for (const scan of scans) {
    const seen = latest.get(scan.userId);
    if (!seen || scan.submittedAt > seen.submittedAt) latest.set(scan.userId, scan);
  }
  return [...latest.values()];
}

/** Adds up one scan per teacher. Raw: never returned from the digisnap module as it is. */
export function countTeam(scans: readonly TeamScan[], framework: Framework): TeamCounts {
  const zeroLevels = () => Object.fromEntries(framework.levels.map((l) => [l.code, 0])) as Record<LevelCode, number>;
  const zeroBands = () => Object.fromEntries(framework.bands.map((b) => [b.code, 0])) as Record<BandCode, number>;
  const counts: TeamCounts = {
    respondents: scans.length,
    totalScoreSum: 0,
    overallLevels: zeroLevels(),
    areas: framework.areas.map((area) => ({ number: area.number, scoreSum: 0, levels: zeroLevels() })),
    competences: competenceList(framework).map((c) => ({ code: c.code, levels: {} })),
    background: framework.background.map((question) => ({
      question: question.id,
      groups: [...question.options.map((o) => o.value), NOT_ANSWERED].map((value) => ({ value, bands: zeroBands() })),
    })),
  };
  const areaIndex = new Map(counts.areas.map((area, i) => [area.number, i]));
  const competenceIndex = new Map(counts.competences.map((c, i) => [c.code, i]));
  for (const { result, background } of scans) {
    counts.totalScoreSum += result.total;
    counts.overallLevels[result.level] += 1;
    for (const area of result.areas) {
      const i = areaIndex.get(area.number);
      if (i === undefined) continue;
      counts.areas[i].scoreSum += area.score;
      counts.areas[i].levels[area.level] += 1;
    }
    for (const competence of result.competences) {
      const i = competenceIndex.get(competence.code);
      if (i === undefined) continue;
      const cell = (counts.competences[i].levels[competence.level] ??= { count: 0, pointsSum: 0 });
      cell.count += 1;
      cell.pointsSum += competence.points;
    }
    for (const breakdown of counts.background) {
      const answer = (background as Record<string, string | null | undefined>)[breakdown.question];
      const group = breakdown.groups.find((g) => g.value === answer) ?? breakdown.groups.find((g) => g.value === NOT_ANSWERED)!;
      group.bands[result.band] += 1;
    }
  }
  return counts;
}

/** `<teacher>.<scan>`: hashes that tell teachers and their scans apart, and nothing else (see publicationDecision). */
export function respondentKey(salt: string, scan: Pick<TeamScan, 'userId' | 'submittedAt'>): string {
  const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 16);
  return `${hash(`${salt}\u0000${scan.userId}`)}.${hash(`${salt}\u0000${scan.userId}\u0000${scan.submittedAt}`)}`;
}

/** From the scans that count, the aggregate that may leave: keys, a count, and protected tables or none. */
export function teamAggregateOf(scans: readonly TeamScan[], framework: Framework, request: Pick<TeamAggregateRequest, 'threshold' | 'respondentSalt'>): TeamAggregate {
  const counted = latestPerTeacher(scans);
  const threshold = effectiveThreshold(request.threshold);
  return {
    respondents: counted.length,
    respondentKeys: counted.map((scan) => respondentKey(request.respondentSalt, scan)).sort(),
    team: counted.length >= threshold ? protectTeam(countTeam(counted, framework), framework, threshold) : null,
  };
}
