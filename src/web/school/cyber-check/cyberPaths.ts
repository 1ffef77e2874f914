import { schoolPath } from '../schoolAccess';

export const cyberPath = (schoolId: string) => `${schoolPath(schoolId)}/cybercheck`;
export const cyberCheckPath = (schoolId: string, checkId: string) => `${cyberPath(schoolId)}/${encodeURIComponent(checkId)}`;
export const cyberResultPath = (schoolId: string, checkId: string) => `${cyberCheckPath(schoolId, checkId)}/resultaat`;
