import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSearchText, searchTerms } from './search-text';

describe('search text', () => {
  it('folds case and accents the way Dutch texts need', () => {
    expect(normaliseSearchText('Coöperatief LEREN met ideeën, één café')).toBe('cooperatief leren met ideeen, een cafe');
  });

  it('keeps only words of letters and digits, at most eight, each once', () => {
    expect(searchTerms('"(*:&|!')).toEqual([]);
    expect(searchTerms('  Ideeën  evalu* OR "3.1"  ')).toEqual(['ideeen', 'evalu', 'or', '3', '1']);
    expect(searchTerms('a b c d e f g h i j a')).toHaveLength(8);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it('cuts any query into words of letters and digits only', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (query) => {
        for (const term of searchTerms(query)) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});
