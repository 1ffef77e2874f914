import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerProblem, findItem, itemsOf, missingItems, progressOf, type Questionnaire, scoredOption } from './engine';

const text = (s: string) => ({ nl: s, en: s });
const options = (n: number, notApplicable = false) => [
  ...Array.from({ length: n }, (_, i) => ({ text: text(`o${i}`) })),
  ...(notApplicable ? [{ text: text('n/a'), notApplicable: true }] : []),
];
const questionnaire: Questionnaire = {
  sections: [
    {
      id: 'a',
      name: text('A'),
      items: [
        { id: 'a1', statement: text('a1'), options: options(3) },
        { id: 'a2', statement: text('a2'), options: options(5, true) },
      ],
    },
    { id: 'b', name: text('B'), items: [{ id: 'b1', statement: text('b1'), options: options(2) }] },
  ],
};

describe('the scan engine', () => {
  it('numbers items in section order and keeps their section', () => {
    expect(itemsOf(questionnaire).map((item) => [item.id, item.number, item.section.id])).toEqual([
      ['a1', 1, 'a'],
      ['a2', 2, 'a'],
      ['b1', 3, 'b'],
    ]);
    expect(itemsOf(questionnaire)).toBe(itemsOf(questionnaire));
    expect(findItem(questionnaire, 'b1')?.number).toBe(3);
    expect(findItem(questionnaire, 'zz')).toBeUndefined();
  });

  it('accepts each option index and refuses the first one past the end, naming the field', () => {
    expect(answerProblem(questionnaire, 'a1', 0)).toBeNull();
    expect(answerProblem(questionnaire, 'a1', 2)).toBeNull();
    expect(answerProblem(questionnaire, 'a1', 3)).toEqual({ field: 'body.option', message: 'option must be between 0 and 2' });
    expect(answerProblem(questionnaire, 'a1', -1)?.field).toBe('body.option');
    expect(answerProblem(questionnaire, 'a1', 1.5)?.field).toBe('body.option');
    expect(answerProblem(questionnaire, 'nope', 0, { item: 'params.itemId', option: 'body.option' })?.field).toBe('params.itemId');
  });

  it('counts "not applicable" as answered but not as scored', () => {
    const answers = { a1: 0, a2: 5, b1: 1 };
    expect(missingItems(questionnaire, answers)).toEqual([]);
    expect(scoredOption(findItem(questionnaire, 'a2')!, 5)).toBeUndefined();
    expect(scoredOption(findItem(questionnaire, 'a2')!, 4)?.text.nl).toBe('o4');
    expect(scoredOption(findItem(questionnaire, 'a2')!, undefined)).toBeUndefined();
  });

  it('progress is the number of valid answers, whatever else the answers hold', () => {
    const answer = fc.oneof(fc.integer({ min: -2, max: 7 }), fc.constant(Number.NaN), fc.double());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a1', 'a2', 'b1', 'other'), answer), (answers) => {
        const { answered, total } = progressOf(questionnaire, answers);
        const missing = missingItems(questionnaire, answers);
        expect(total).toBe(3);
        expect(answered + missing.length).toBe(total);
        for (const id of missing) expect(answerProblem(questionnaire, id, answers[id] ?? -1)).not.toBeNull();
      }),
    );
  });
});
