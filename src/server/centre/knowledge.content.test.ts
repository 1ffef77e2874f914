import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleTopics, parseArticleFile } from '../../shared/centre/knowledge';
import { loadArticles } from './knowledge.content';

const contentDir = new URL('../../../content', import.meta.url).pathname;
const json = (path: string) => JSON.parse(readFileSync(`${contentDir}/${path}`, 'utf8'));
const competenceCodes = new Set<string>(json('frameworks/digcompedu-2026.json').areas.flatMap((area: { competences: { code: string }[] }) => area.competences.map((c) => c.code)));
const measureIds = new Set<string>(json('instruments/cyber-check-2026.json').sections.flatMap((section: { items: { id: string }[] }) => section.items.map((item) => item.id)));

const file = (fields: string, body = 'Text.') => `---\n${fields}\n---\n${body}\n`;
const valid = 'title: T\nsummary: S\nfronts: skills\ncompetences: 1.1, 2.3\ntopics: cyber';

describe('content/articles', () => {
  const articles = loadArticles(contentDir);

  it('loads at least twelve articles in Dutch and English, one per DigCompEdu area among them', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    for (const area of ['1', '2', '3', '4', '5', '6']) expect(articles.some((a) => a.texts.nl.competences.some((code) => code.startsWith(`${area}.`)))).toBe(true);
    for (const topic of ['cyber', 'replacement', 'refurbishing', 'policy-plan', 'digisnap-follow-up', 'ict-team'] as const)
      expect(articles.some((a) => a.texts.nl.topics.includes(topic))).toBe(true);
    expect(articleTopics).toContain('replacement');
  });

  it('tags only competences of the framework and measures of the cyber check', () => {
    for (const { slug, texts } of articles) {
      for (const code of texts.nl.competences) expect(competenceCodes, `${slug}: ${code}`).toContain(code);
      for (const id of texts.nl.measures) expect(measureIds, `${slug}: ${id}`).toContain(id);
    }
  });

  it('reads a front matter into lists, and names every field at fault', () => {
    const parsed = parseArticleFile(file(valid));
    expect(parsed).toEqual({ ok: true, article: { title: 'T', summary: 'S', fronts: ['skills'], competences: ['1.1', '2.3'], measures: [], topics: ['cyber'], body: 'Text.' } });
    const bad = parseArticleFile(file('title: T\nsummary:\nfronts: space\ncompetences: 7.1\ntopics: cyber\nauthor: me'));
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors.join('\n');
    for (const field of ['summary', 'fronts.0', 'competences.0', 'author']) expect(errors).toContain(field);
    expect(parseArticleFile('no front matter')).toEqual({ ok: false, errors: [expect.stringContaining('front matter')] });
    expect(parseArticleFile(file(valid, ''))).toEqual({ ok: false, errors: ['body: an article needs a text'] });
  });

  it('refuses a folder with a missing language, differing tags or a badly named file, naming each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'articles-'));
    await mkdir(join(dir, 'articles'));
    const put = (name: string, text: string) => writeFileSync(join(dir, 'articles', name), text);
    put('a.nl.md', file(valid));
    put('a.en.md', file(valid.replace('1.1, 2.3', '1.1')));
    put('b.nl.md', file(valid));
    put('Bad Name.md', file(valid));
    expect(() => loadArticles(dir)).toThrow(/a\.en\.md: competences differ[\s\S]*b: no en text|Bad Name\.md/);
    const message = (() => {
      try {
        loadArticles(dir);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const part of ['Bad Name.md: not named', 'a.en.md: competences differ', 'b: no en text']) expect(message).toContain(part);
  });
});
