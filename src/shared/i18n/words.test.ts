import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportWords } from '../school/campaign/report-table';

/**
 * The knowledge centre's words: a round of Digisnap in a school is a *Digisnap-afname* and its
 * report the *directierapport* (English: "Digisnap round", "leadership report"). The app used to
 * say *campagne* and *teamrapport*; no text a user reads may say so any more. A text that uses one
 * of those words for something else is listed below by key, with why.
 */

type Messages = { [key: string]: string | Messages };
const load = (language: 'nl' | 'en') => JSON.parse(readFileSync(new URL(`./${language}.json`, import.meta.url), 'utf8')) as Messages;

function* texts(messages: Messages, path = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(messages)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') yield [at, value];
    else yield* texts(value, at);
  }
}

/** Keys whose text may use an old word because it means something else there (none today). */
const otherMeanings: Record<string, string> = {};

function offenders(language: 'nl' | 'en', word: RegExp): string[] {
  return [...texts(load(language))].filter(([key, text]) => word.test(text) && !(key in otherMeanings)).map(([key, text]) => `${key}: ${text}`);
}

describe('the words of the knowledge centre in every text', () => {
  it('no Dutch text says "campagne" or "teamrapport" for a Digisnap-afname or the directierapport', () => {
    expect(offenders('nl', /campagne/i)).toEqual([]);
    expect(offenders('nl', /teamrapport/i)).toEqual([]);
  });

  it('no English text says "campaign" or "team report" for a Digisnap round or the leadership report', () => {
    expect(offenders('en', /\bcampaigns?\b/i)).toEqual([]);
    expect(offenders('en', /\bteam reports?\b/i)).toEqual([]);
  });

  it('the pages and the report use the new words', () => {
    const nl = load('nl') as { campaigns: Record<string, string>; report: Record<string, string> };
    const en = load('en') as { campaigns: Record<string, string>; report: Record<string, string> };
    expect(nl.campaigns.title).toBe('Digisnap-afnames');
    expect(nl.report.title).toMatch(/^Directierapport/);
    expect(en.campaigns.title).toBe('Digisnap rounds');
    expect(en.report.title).toMatch(/leadership report/);
  });

  it('the aims on the report never read as a verdict: no "gehaald" or "met" badge', () => {
    const nl = [...texts(load('nl'))].filter(([key]) => key.startsWith('report.'));
    const en = [...texts(load('en'))].filter(([key]) => key.startsWith('report.'));
    expect(nl.filter(([, text]) => /gehaald|\bnorm/i.test(text))).toEqual([]);
    expect(en.filter(([, text]) => /\bnot met\b|\bnorms?\b/i.test(text))).toEqual([]);
    expect(Object.values(reportWords('nl')).filter((w) => typeof w === 'string' && /gehaald|norm/.test(w))).toEqual([]);
  });
});
