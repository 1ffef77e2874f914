import { describe, expect, it } from 'vitest';
import { errorIds } from '../errors';
import { issueMessageKeys } from '../issues';
import en from './en.json';
import nl from './nl.json';

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('interface messages', () => {
  const nlFlat = flatten(nl);
  const enFlat = flatten(en);

  it('has the same keys in Dutch and English', () => {
    expect([...enFlat.keys()].sort()).toEqual([...nlFlat.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of nlFlat) expect(placeholders(enFlat.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('has no empty message', () => {
    for (const [key, text] of [...nlFlat, ...enFlat]) expect(text.trim(), key).not.toBe('');
  });

  it('translates every issue code, each kind of bound apart', () => {
    for (const key of [...issueMessageKeys, 'issues.withValue']) {
      expect(nlFlat.has(key), key).toBe(true);
      expect(enFlat.has(key), key).toBe(true);
    }
  });

  it('translates every error id', () => {
    for (const id of errorIds) {
      expect(nlFlat.has(`errors.${id}`), id).toBe(true);
      expect(enFlat.has(`errors.${id}`), id).toBe(true);
    }
  });
});
