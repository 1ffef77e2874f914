import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trainingListItemSchema, trainingSummarySchema } from '../../shared/catalogue/api';
import { JsonBytes } from './json-bytes';
import { type SummaryHead, SummaryHeads } from './summary-heads';

const head = (id: string, text: string): SummaryHead => ({
  id,
  title: text,
  summary: `${text} ${text}`,
  kind: 'in_person',
  language: 'nl',
  provider: { id: 'p', name: text, verified: true },
  levelSteps: [{ competence: '1.1', from: 'A1', to: 'A2' }],
  educationLevels: ['primary'],
  durationHours: 2.5,
  priceEuro: 0,
  payableFromIctBudget: false,
  province: null,
  city: text === '' ? null : text,
  status: 'published',
});

/** What JSON.stringify writes of the whole summary or list item, with the next session given after the head. */
const expected = (summary: SummaryHead, shape: 'summary' | 'listItem') => {
  const schema = shape === 'summary' ? trainingSummarySchema : trainingListItemSchema;
  return JSON.stringify(schema.parse({ ...summary, nextSession: null })).slice(0, -',"nextSession":null}'.length);
};

const written = (write: (out: JsonBytes) => void) => {
  const out = new JsonBytes().start();
  write(out);
  return out.bytes().toString('utf8');
};

describe('SummaryHeads', () => {
  it('keeps each head as JSON.stringify writes it, and its list item as the same JSON without the fields a list leaves out', () => {
    const heads = new SummaryHeads(2);
    const first = head('a', 'Coöperatief leren – “samen” 🧑‍🏫 "quoted" \\ \n');
    const n = heads.add(first);
    expect(heads.text(n)).toBe(expected(first, 'summary'));
    expect(written((out) => heads.writeSummary(n, out))).toBe(expected(first, 'summary'));
    expect(written((out) => heads.writeListItem(n, out))).toBe(expected(first, 'listItem'));
    expect(written((out) => heads.writeListItem(n, out))).not.toContain('"summary"');
  });

  it('grows past its estimate and keeps heads added after trim()', () => {
    const heads = new SummaryHeads(1);
    const long = head('long', 'é'.repeat(2_000));
    const numbers = [heads.add(head('x', '')), heads.add(long)];
    heads.trim();
    numbers.push(heads.add(head('late', 'later')));
    heads.trim();
    numbers.push(heads.add(head('', 'after an empty id')));
    expect(numbers.map((n) => heads.text(n))).toEqual([head('x', ''), long, head('late', 'later'), head('', 'after an empty id')].map((h) => expected(h, 'summary')));
  });

  it('answers the JSON of any head in both shapes, whatever was added before it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string({ unit: 'grapheme' })), { minLength: 1, maxLength: 20 }), fc.nat(), (items, estimate) => {
        const heads = new SummaryHeads(estimate % 5);
        const summaries = items.map(([id, text]) => head(id, text));
        const numbers = summaries.map((summary, i) => {
          if (i === 3) heads.trim();
          return heads.add(summary);
        });
        summaries.forEach((summary, i) => {
          expect(heads.text(numbers[i])).toBe(expected(summary, 'summary'));
          expect(written((out) => heads.writeListItem(numbers[i], out))).toBe(expected(summary, 'listItem'));
        });
      }),
    );
  });
});
