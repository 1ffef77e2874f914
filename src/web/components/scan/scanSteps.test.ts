import { describe, expect, it } from 'vitest';
import { nextStep, parseStep, previousStep, resumeStep, stepParam, unansweredCodes } from './scanSteps';

const codes = ['1.1', '1.2', '2.1'];

describe('parseStep and stepParam', () => {
  it('reads intro, summary and item numbers within range', () => {
    expect(parseStep('intro', 3)).toEqual({ kind: 'intro' });
    expect(parseStep('summary', 3)).toEqual({ kind: 'summary' });
    expect(parseStep('2', 3)).toEqual({ kind: 'item', number: 2 });
  });

  it('rejects missing, out-of-range and malformed values', () => {
    for (const value of [null, '', '0', '4', '-1', '1.5', '2abc', 'next']) expect(parseStep(value, 3)).toBeNull();
  });

  it('round-trips', () => {
    for (const value of ['intro', '1', '3', 'summary']) expect(stepParam(parseStep(value, 3)!)).toBe(value);
  });
});

describe('nextStep and previousStep', () => {
  it('walks intro → items → summary and back', () => {
    expect(nextStep({ kind: 'intro' }, 3)).toEqual({ kind: 'item', number: 1 });
    expect(nextStep({ kind: 'item', number: 1 }, 3)).toEqual({ kind: 'item', number: 2 });
    expect(nextStep({ kind: 'item', number: 3 }, 3)).toEqual({ kind: 'summary' });
    expect(nextStep({ kind: 'summary' }, 3)).toEqual({ kind: 'summary' });
    expect(previousStep({ kind: 'summary' }, 3)).toEqual({ kind: 'item', number: 3 });
    expect(previousStep({ kind: 'item', number: 2 }, 3)).toEqual({ kind: 'item', number: 1 });
    expect(previousStep({ kind: 'item', number: 1 }, 3)).toEqual({ kind: 'intro' });
    expect(previousStep({ kind: 'intro' }, 3)).toEqual({ kind: 'intro' });
  });
});

describe('resumeStep', () => {
  it('opens a fresh scan at the intro', () => {
    expect(resumeStep(codes, {})).toEqual({ kind: 'intro' });
    expect(resumeStep(codes, {}, false)).toEqual({ kind: 'intro' });
  });

  it('skips the intro once it is done (e.g. background given)', () => {
    expect(resumeStep(codes, {}, true)).toEqual({ kind: 'item', number: 1 });
  });

  it('opens at the first unanswered item, even before answered ones', () => {
    expect(resumeStep(codes, { '1.1': 2 })).toEqual({ kind: 'item', number: 2 });
    expect(resumeStep(codes, { '1.1': 0, '2.1': 4 })).toEqual({ kind: 'item', number: 2 });
  });

  it('opens a complete scan at the summary', () => {
    expect(resumeStep(codes, { '1.1': 0, '1.2': 1, '2.1': 4 })).toEqual({ kind: 'summary' });
  });
});

describe('unansweredCodes', () => {
  it('keeps scan order and treats option 0 as an answer', () => {
    expect(unansweredCodes(codes, { '1.2': 0 })).toEqual(['1.1', '2.1']);
  });
});
