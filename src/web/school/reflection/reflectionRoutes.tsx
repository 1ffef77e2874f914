import type { ReactNode } from 'react';
import { matchPath } from '../../router';
import { ClassCodeEntryPage } from './ClassCodeEntryPage';
import { ClassCodePage } from './ClassCodePage';
import { ReflectionAnswerPage } from './ReflectionAnswerPage';
import { ReflectionPage } from './ReflectionPage';
import { ReflectionReportPage } from './ReflectionReportPage';

/** The respondents' pages: they open with or without a session (pupils have no account). */
export function reflectionPublicPage(path: string): ReactNode | null {
  if (matchPath('/reflectie', path)) return <ClassCodeEntryPage />;
  const answer = matchPath('/reflectie/antwoorden/:token', path);
  if (answer) return <ReflectionAnswerPage key={answer.token} token={answer.token} />;
  const code = matchPath('/reflectie/:code', path);
  if (code) return <ClassCodePage key={code.code} code={code.code} />;
  return null;
}

/** The managers' pages in the school section. */
export function reflectionSchoolPage(path: string): ReactNode | null {
  const rounds = matchPath('/school/:schoolId/reflectie', path);
  if (rounds) return <ReflectionPage key={rounds.schoolId} schoolId={rounds.schoolId} />;
  const report = matchPath('/school/:schoolId/reflectie/:roundId/rapport', path);
  if (report) return <ReflectionReportPage key={`${report.schoolId}/${report.roundId}`} schoolId={report.schoolId} roundId={report.roundId} />;
  return null;
}
