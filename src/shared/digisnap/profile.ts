import type { ProfileDto } from './api';
import type { ScanResult } from './scoring';

/**
 * What ranking trainings reads of a profile: its latest scan, each competence's level and points,
 * and the priorities' codes.
 */
export interface ProfileRanking {
  scanId: string;
  submittedAt: string;
  frameworkId: string;
  frameworkVersion: string;
  competences: Array<Pick<ProfileDto['result']['competences'][number], 'code' | 'level' | 'points'>>;
  priorities: string[];
}

type StoredRanking = [string, string, string, string, string[], string, number[], string[]];

/**
 * A profile's ranking as stored: a flat JSON array of some 350 bytes, levels (two characters
 * each) joined into one string; it parses in a third of the time of the same as objects.
 */
export function profileRankingText(profile: ProfileDto): string {
  const { competences, priorities } = profile.result;
  const stored: StoredRanking = [
    profile.scanId,
    profile.submittedAt,
    profile.frameworkId,
    profile.frameworkVersion,
    competences.map((competence) => competence.code),
    competences.map((competence) => competence.level).join(''),
    competences.map((competence) => competence.points),
    priorities.map((priority) => priority.code),
  ];
  return JSON.stringify(stored);
}

export function parseProfileRanking(text: string): ProfileRanking {
  const [scanId, submittedAt, frameworkId, frameworkVersion, codes, levels, points, priorities] = JSON.parse(text) as StoredRanking;
  const competences = codes.map((code, i) => ({ code, level: levels.slice(2 * i, 2 * i + 2) as ProfileRanking['competences'][number]['level'], points: points[i] }));
  return { scanId, submittedAt, frameworkId, frameworkVersion, competences, priorities };
}

export interface SubmittedResult {
  scanId: string;
  frameworkId: string;
  frameworkVersion: string;
  submittedAt: string;
  result: ScanResult;
}

/**
 * A teacher's profile from their submitted scans (oldest first): the latest result, the history,
 * and the change per area since the previous scan of the same framework version (points of two
 * versions mean different things: CheckIn points against level ranks). Null before the first.
 * The keys are built in the contract's order, so the stored JSON is the response as it is.
 */
export function buildProfile(submitted: readonly SubmittedResult[]): ProfileDto | null {
  const current = submitted.at(-1);
  if (!current) return null;
  const previous = submitted
    .slice(0, -1)
    .reverse()
    .find((scan) => scan.frameworkId === current.frameworkId && scan.frameworkVersion === current.frameworkVersion);
  return {
    scanId: current.scanId,
    frameworkId: current.frameworkId,
    frameworkVersion: current.frameworkVersion,
    submittedAt: current.submittedAt,
    result: current.result,
    history: submitted.map((scan) => ({
      scanId: scan.scanId,
      submittedAt: scan.submittedAt,
      frameworkVersion: scan.frameworkVersion,
      total: scan.result.total,
      level: scan.result.level,
      areas: scan.result.areas.map((area) => ({ number: area.number, score: area.score, max: area.max })),
    })),
    growth: previous
      ? {
          since: previous.submittedAt,
          totalChange: current.result.total - previous.result.total,
          areas: current.result.areas.map((area) => ({
            number: area.number,
            change: area.score - (previous.result.areas.find((a) => a.number === area.number)?.score ?? 0),
          })),
        }
      : null,
  };
}

/**
 * The profile after one more submitted scan, from the profile before it: what `buildProfile`
 * gives over every submitted scan, without reading the earlier scans again. The history keeps no
 * framework id per scan, so the previous scan of the same framework is known only when it is the
 * latest one (whose id the profile holds) or when no earlier scan has the new scan's version;
 * otherwise, and when the new scan is not strictly the latest in time (the order of scans is then
 * the database's to decide), the answer is null: build the profile from every scan instead.
 */
export function extendProfile(before: ProfileDto, next: SubmittedResult): ProfileDto | null {
  const { history } = before;
  const last = history.at(-1);
  if (!last || before.scanId !== last.scanId || next.submittedAt <= last.submittedAt) return null;
  const previous = previousOfSameFramework(before, next);
  if (previous === undefined) return null;
  const { result } = next;
  return {
    scanId: next.scanId,
    frameworkId: next.frameworkId,
    frameworkVersion: next.frameworkVersion,
    submittedAt: next.submittedAt,
    result,
    history: [
      ...history,
      {
        scanId: next.scanId,
        submittedAt: next.submittedAt,
        frameworkVersion: next.frameworkVersion,
        total: result.total,
        level: result.level,
        areas: result.areas.map((area) => ({ number: area.number, score: area.score, max: area.max })),
      },
    ],
    growth: previous
      ? {
          since: previous.submittedAt,
          totalChange: result.total - previous.total,
          areas: result.areas.map((area) => ({
            number: area.number,
            change: area.score - (previous.areas.find((a) => a.number === area.number)?.score ?? 0),
          })),
        }
      : null,
  };
}

type GrowthPoint = ProfileDto['history'][number];

/** The latest point of the history on the next scan's framework and version; null when there is none; undefined when the history cannot tell. */
function previousOfSameFramework(before: ProfileDto, next: SubmittedResult): GrowthPoint | null | undefined {
  const { history } = before;
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const point = history[i];
    if (point.frameworkVersion !== next.frameworkVersion) continue;
    // Only the latest point's framework id is known: the profile's own.
    if (i < history.length - 1) return undefined;
    if (before.frameworkId === next.frameworkId) return point;
  }
  return null;
}
