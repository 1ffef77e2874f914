import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleText } from '../../shared/centre/knowledge';
import { loadArticles } from './knowledge.content';
import { ArticleSearch } from './knowledge.search';
import { KnowledgeService } from './knowledge.service';

const contentDir = new URL('../../../content', import.meta.url).pathname;
const text = (title: string, summary: string, body: string, competences: string[] = []): ArticleText => ({
  title,
  summary,
  body,
  fronts: ['skills'],
  competences,
  measures: [],
  topics: [],
});
const article = (slug: string, title: string, summary: string, body: string, competences: string[] = []) => ({
  slug,
  texts: { nl: text(title, summary, body, competences), en: text(title, summary, body, competences) },
});

describe('the knowledge base’s search', () => {
  const made = [
    article('a', 'Back-ups terugzetten', 'Over kopieën', 'Een tekst.'),
    article('b', 'Wachtwoorden', 'Ook back-ups', 'Tekst over back-ups.', ['1.1']),
    article('c', 'Toetsen', 'Evaluatie', 'Coöperatief leren met back-ups.', ['4.1']),
    article('d', 'Anders', 'Niets', 'Niets hier.'),
  ];
  const search = new ArticleSearch(made);
  const slugs = (terms: string[]) => search.search('nl', terms).map((a) => a.slug);

  it('ranks a word in the title above the summary above the text, and finds prefixes without accents', () => {
    expect(slugs(['back'])).toEqual(['a', 'b', 'c']);
    expect(slugs(['cooperat'])).toEqual(['c']);
    expect(slugs(['back', 'tekst'])).toEqual(['a', 'b']);
    expect(slugs(['zzz'])).toEqual([]);
    expect(slugs([])).toEqual(['d', 'a', 'c', 'b']);
  });

  it('finds only articles holding every word, whatever the words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('back', 'tekst', 'niets', 'toets', 'wacht', 'o', 'x'), { maxLength: 3 }), (terms) => {
        const found = slugs(terms);
        for (const slug of found) {
          const { title, summary, body } = made.find((a) => a.slug === slug)!.texts.nl;
          const words = `${title} ${summary} ${body}`
            .toLowerCase()
            .normalize('NFD')
            .replace(/\p{M}/gu, '')
            .match(/[\p{L}\p{N}]+/gu)!;
          for (const term of terms) expect(words.some((word) => word.startsWith(term))).toBe(true);
        }
        expect(new Set(found).size).toBe(found.length);
      }),
    );
  });

  it('finds the real articles in Dutch and in English, filtered by competence, measure and topic', () => {
    const knowledge = new KnowledgeService(loadArticles(contentDir));
    expect(knowledge.list({ q: 'wachtwoorden', lang: 'nl' }).items.map((a) => a.slug)).toContain('cyber-basics');
    expect(knowledge.list({ q: 'passwords', lang: 'en' }).items.map((a) => a.slug)).toContain('cyber-basics');
    expect(knowledge.list({ q: 'toetsen', lang: 'nl' }).items[0].slug).toBe('digcompedu-assessment');
    expect(knowledge.list({ competence: '4.1', lang: 'en' }).items.map((a) => a.slug)).toEqual(['digcompedu-assessment']);
    expect(
      knowledge
        .list({ measure: 'separate-backups', lang: 'nl' })
        .items.map((a) => a.slug)
        .sort(),
    ).toEqual(['backups-and-restore', 'cyber-basics']);
    expect(knowledge.list({ topic: 'replacement', lang: 'nl' }).items.map((a) => a.slug)).toContain('replacing-devices');
    const skills = knowledge.list({ front: 'skills', lang: 'nl' });
    expect(skills.items.every((a) => a.fronts.includes('skills'))).toBe(true);
    expect(skills.facets.front.infrastructure).toBeGreaterThan(0);
    expect(knowledge.get('cyber-basics', 'en')).toMatchObject({ lang: 'en', title: 'Cybersecurity basics at school', body: expect.stringContaining('## The key measures') });
    expect(() => knowledge.get('nope', 'nl')).toThrow(/not found/);
  });
});
