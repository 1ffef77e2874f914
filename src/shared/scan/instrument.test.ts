import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsOf, missingItems } from './engine';
import { type Instrument, isDontKnow, questionnaireFor, scaleOptions, scaleValue, validateInstrument } from './instrument';

const text = (s: string) => ({ nl: `${s} (nl)`, en: s });

function instrument(overrides: Partial<Instrument> = {}): Instrument {
  return {
    id: 'test-reflection',
    version: '1',
    kind: 'reflection',
    name: text('Test'),
    description: text('A test instrument'),
    source: { title: 'Our own words' },
    groups: ['leaders', 'teachers', 'pupils'],
    scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: text(String(value)) })),
    notApplicable: text('Not applicable'),
    actionBelow: 3,
    sections: [
      {
        id: 'leadership',
        name: text('Leadership'),
        front: 'policy',
        items: [
          { id: 'l-vision', statement: text('We have a vision'), groups: ['leaders', 'teachers'] },
          { id: 'l-voice', statement: text('Pupils are heard'), pupilStatement: text('My school asks me') },
        ],
      },
      { id: 'infra', name: text('Infrastructure'), front: 'infrastructure', items: [{ id: 'i-wifi', statement: text('Wifi works'), groups: ['teachers'] }] },
    ],
    ...overrides,
  };
}

describe('validateInstrument', () => {
  it('accepts a well-formed instrument', () => {
    expect(validateInstrument(instrument())).toEqual({ ok: true, instrument: instrument() });
  });

  it('names the field of a schema problem', () => {
    const broken = { ...instrument(), sections: [{ ...instrument().sections[0], front: 'moon' }] };
    const result = validateInstrument(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('sections[0].front');
  });

  it('refuses ids used twice, a falling scale, a threshold outside the scale and groups that do not answer', () => {
    const twice = instrument({ sections: [instrument().sections[0], { ...instrument().sections[1], id: 'leadership' }] });
    const falling = instrument({ scale: [2, 1].map((value) => ({ value, label: text(String(value)) })), actionBelow: 2 });
    const outside = instrument({ actionBelow: 1 });
    const stranger = instrument({ groups: ['teachers'] });
    const problems = (i: Instrument) => {
      const result = validateInstrument(i);
      return result.ok ? [] : result.problems.map((p) => p.path);
    };
    expect(problems(twice)).toEqual(['sections[1].id']);
    expect(problems(falling)).toContain('scale[1].value');
    expect(problems(outside)).toEqual(['actionBelow']);
    expect(problems(stranger)).toEqual(expect.arrayContaining(['sections[0].items[0].groups', 'sections[0].items[1].pupilStatement']));
    expect(problems(instrument({ actionBelow: 5 }))).toEqual([]);
  });
});

describe('questionnaireFor', () => {
  it('gives each group its own items, in its own wording, with "not applicable" last', () => {
    const test = instrument();
    const ids = (group: 'leaders' | 'teachers' | 'pupils') => itemsOf(questionnaireFor(test, group)).map((item) => item.id);
    expect(ids('leaders')).toEqual(['l-vision', 'l-voice']);
    expect(ids('teachers')).toEqual(['l-vision', 'l-voice', 'i-wifi']);
    expect(ids('pupils')).toEqual(['l-voice']);
    const pupilItem = itemsOf(questionnaireFor(test, 'pupils'))[0];
    expect(pupilItem.statement.en).toBe('My school asks me');
    expect(pupilItem.options).toHaveLength(6);
    expect(pupilItem.options[5].notApplicable).toBe(true);
    expect(questionnaireFor(test, 'pupils')).toBe(questionnaireFor(test, 'pupils'));
  });

  it('maps answers to scale values, "not applicable" to null', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), (answer) => {
        const value = scaleValue(instrument(), answer);
        expect(value).toBe(answer === 5 ? null : answer + 1);
      }),
    );
    expect(scaleValue(instrument(), undefined)).toBeNull();
  });

  it('every answer the engine accepts has a value or is "not applicable"', () => {
    const test = instrument();
    const questionnaire = questionnaireFor(test, 'teachers');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }), (picked) => {
        const answers = Object.fromEntries(itemsOf(questionnaire).map((item, i) => [item.id, picked[i]]));
        expect(missingItems(questionnaire, answers)).toEqual([]);
        for (const answer of picked) expect(scaleValue(test, answer) === null).toBe(answer === 5);
      }),
    );
  });
});

describe('"don\'t know"', () => {
  const both = instrument({ dontKnow: text("Don't know") });

  it('comes after the scale and before "not applicable", and counts as the lowest step', () => {
    expect(scaleOptions(both).map((o) => [o.text.en, o.value, o.dontKnow ?? false, o.notApplicable ?? false])).toEqual([
      ['1', 1, false, false],
      ['2', 2, false, false],
      ['3', 3, false, false],
      ['4', 4, false, false],
      ['5', 5, false, false],
      ["Don't know", 1, true, false],
      ['Not applicable', undefined, false, true],
    ]);
    expect([0, 4, 5, 6, 7].map((answer) => scaleValue(both, answer))).toEqual([1, 5, 1, null, null]);
    expect([4, 5, 6].map((answer) => isDontKnow(both, answer))).toEqual([false, true, false]);
  });

  it('is a valid answer for the engine, so a check answered "don\'t know" can be submitted', () => {
    const questionnaire = questionnaireFor(both, 'teachers');
    const all = (answer: number) => Object.fromEntries(itemsOf(questionnaire).map((item) => [item.id, answer]));
    expect(missingItems(questionnaire, all(5))).toEqual([]);
    expect(missingItems(questionnaire, all(7))).toHaveLength(itemsOf(questionnaire).length);
  });

  it('is absent unless the instrument offers it, and needs a label in both languages', () => {
    expect(isDontKnow(instrument(), 5)).toBe(false);
    const validated = validateInstrument({ ...instrument(), dontKnow: { nl: 'Weet ik niet' } });
    expect(validated.ok).toBe(false);
    if (!validated.ok) expect(validated.problems[0].path).toBe('dontKnow.en');
  });
});
