import { readFileSync } from 'node:fs';
import { type FollowUpContent, followUpContentSchema } from '../../shared/centre/follow-up-steps';

/** content/follow-up/steps.json, checked at start-up: a bad file stops the server with every problem named. */
export function loadFollowUpContent(contentDir: string): FollowUpContent {
  const file = `${contentDir}/follow-up/steps.json`;
  const checked = followUpContentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.success) throw new Error(`${file} is not valid:\n${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  return checked.data;
}
