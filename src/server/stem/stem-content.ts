import { readFileSync } from 'node:fs';
import { type StemContent, validateStemContent } from '../../shared/stem/content';

/** content/stem/monitor.json, checked at start-up: a bad file stops the server with every problem named. */
export function loadStemContent(contentDir: string): StemContent {
  const file = `${contentDir}/stem/monitor.json`;
  const checked = validateStemContent(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.ok) throw new Error(`${file} is not valid:\n${checked.errors.join('\n')}`);
  return checked.content;
}
