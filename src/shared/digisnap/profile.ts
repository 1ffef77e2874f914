import type { ProfileDto } from './api';
import type { ScanResult } from './scoring';

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
