import { schoolCapabilities } from '../../../shared/platform/capabilities';
import { schoolPath } from '../schoolAccess';
import type { SchoolRole } from '../types';

/** Who starts, answers and submits the school's cyber check: the same managers who run Digisnap campaigns. */
export const cyberCheckRunnerRoles: readonly SchoolRole[] = schoolCapabilities.runCyberChecks;

export const cyberPath = (schoolId: string) => `${schoolPath(schoolId)}/cybercheck`;
export const cyberCheckPath = (schoolId: string, checkId: string) => `${cyberPath(schoolId)}/${encodeURIComponent(checkId)}`;
export const cyberResultPath = (schoolId: string, checkId: string) => `${cyberCheckPath(schoolId, checkId)}/resultaat`;
