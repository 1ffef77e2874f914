import { readFileSync } from 'node:fs';
import { type IctTeamContent, ictTeamContentSchema } from '../../../shared/school/ict-team/ict-team-content';

/** content/ict-team/task-overview.json, checked at start-up: a bad file stops the server with every problem named. */
export function loadIctTeamContent(contentDir: string): IctTeamContent {
  const file = `${contentDir}/ict-team/task-overview.json`;
  const checked = ictTeamContentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.success) throw new Error(`${file} is not valid:\n${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  return checked.data;
}
