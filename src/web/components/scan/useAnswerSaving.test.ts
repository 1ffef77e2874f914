import { describe, expect, it } from 'vitest';
import { itemAnswer, type SaveState } from './useAnswerSaving';

describe('itemAnswer', () => {
  const saves: Record<string, SaveState> = { b: { state: 'saved' } };

  it('gives the item screen its own answer and save, option 0 included', () => {
    const chosen: Array<[string, number]> = [];
    const props = itemAnswer({ answers: { a: 0, b: 3 }, saves, choose: (id, option) => chosen.push([id, option]) }, 'b');
    expect(props.answer).toBe(3);
    expect(props.save).toEqual({ state: 'saved' });
    props.onChoose(1);
    expect(chosen).toEqual([['b', 1]]);
    expect(itemAnswer({ answers: { a: 0 }, saves, choose: () => {} }, 'a').answer).toBe(0);
  });

  it('leaves an open item without answer or save', () => {
    const props = itemAnswer({ answers: {}, saves: {}, choose: () => {} }, 'c');
    expect(props.answer).toBeUndefined();
    expect(props.save).toBeUndefined();
  });
});
