import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFollowUpContent } from './follow-up.content';
import { loadArticles } from './knowledge.content';

const contentDir = 'content';

/** A content directory holding only this steps file. */
function withSteps(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'follow-up-'));
  mkdirSync(join(dir, 'follow-up'));
  writeFileSync(join(dir, 'follow-up', 'steps.json'), JSON.stringify(content));
  return dir;
}

describe('content/follow-up/steps.json', () => {
  const content = loadFollowUpContent(contentDir);

  it('holds seven steps: the two the centre names first, then our wording of the cycle, each with titles in both languages', () => {
    expect(content.steps).toHaveLength(7);
    expect(content.steps.map((step) => step.origin)).toEqual(['centre', 'centre', 'us', 'us', 'us', 'us', 'us']);
    expect([content.source, ...content.seeAlso].map((source) => source.url)).toEqual([
      'https://vlaanderen.be./kenniscentrum-digisprong/tools/digisnap/hoe-ga-je-aan-de-slag-met-het-digisnap-rapport',
      'https://www.vlaanderen.be/kenniscentrum-digisprong/tools/digisnap/digisnap-is-ingevuld-wat-nu',
    ]);
  });

  it('links only to articles of the knowledge base', () => {
    const slugs = new Set(loadArticles(contentDir).map((article) => article.slug));
    for (const step of content.steps) if (step.article) expect(slugs.has(step.article), step.article).toBe(true);
  });

  it('refuses a file with a key twice, a missing title or one step, naming where', () => {
    const raw = JSON.parse(readFileSync(join(contentDir, 'follow-up', 'steps.json'), 'utf8'));
    const twice = { ...raw, steps: [raw.steps[0], { ...raw.steps[1], key: raw.steps[0].key }] };
    expect(() => loadFollowUpContent(withSteps(twice))).toThrow('steps.1.key: the key “look-at-results” is used twice');
    const untitled = { ...raw, steps: [raw.steps[0], { ...raw.steps[1], title: { nl: 'Interpreteer', en: '' } }] };
    expect(() => loadFollowUpContent(withSteps(untitled))).toThrow('steps.1.title.en');
    expect(() => loadFollowUpContent(withSteps({ ...raw, steps: [raw.steps[0]] }))).toThrow('steps');
    expect(() => loadFollowUpContent(withSteps({ ...raw, steps: raw.steps.map((step: object) => ({ ...step, origin: undefined })) }))).toThrow('steps.0.origin');
  });
});
