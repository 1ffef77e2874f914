import { schoolPath } from '../schoolAccess';

/** Addresses of the reflection pages: the school's managers under /school, respondents under /reflectie. */
export const reflectionsPath = (schoolId: string) => `${schoolPath(schoolId)}/reflectie`;
export const reflectionReportPath = (schoolId: string, roundId: string) => `${reflectionsPath(schoolId)}/${encodeURIComponent(roundId)}/rapport`;
/** Where a pupil types a class code. */
export const codeEntryPath = '/reflectie';
/** The link on a class code: what pupils open. */
export const classCodePath = (code: string) => `${codeEntryPath}/${encodeURIComponent(code)}`;
/** One response, by its token: the answering screens and the thank-you. */
export const answerPath = (token: string) => `${codeEntryPath}/antwoorden/${encodeURIComponent(token)}`;
