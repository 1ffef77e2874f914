import { readFileSync } from 'node:fs';
import { type IndicatorContent, validateIndicatorContent } from '../../shared/infra/indicator-content';

/** content/infra/indicators.json, checked at start-up: a bad file stops the server with every problem named. */
export function loadIndicatorContent(contentDir: string): IndicatorContent {
  const file = `${contentDir}/infra/indicators.json`;
  const checked = validateIndicatorContent(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.ok) throw new Error(`${file} is not valid:\n${checked.errors.join('\n')}`);
  return checked.content;
}
