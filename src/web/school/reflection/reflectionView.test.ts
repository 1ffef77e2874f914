import { describe, expect, it } from 'vitest';
import { meanChartInput, meanChartOption, meanText, noMeanShown, respondentSteps } from './reflectionView';
import type { ReflectionReport, ReflectionResponse, ReflectionStats } from './types';

const t = (text: string) => ({ nl: text, en: `${text} (en)` });
const options = [
  { text: t('1'), value: 1 },
  { text: t('n.v.t.'), notApplicable: true },
];

describe('respondentSteps', () => {
  it('numbers the statements over all sections and keeps each section’s place', () => {
    const questionnaire: ReflectionResponse['questionnaire'] = {
      sections: [
        {
          id: 'a',
          name: t('A'),
          items: [
            { id: 'a1', statement: t('a1'), options },
            { id: 'a2', statement: t('a2'), options },
          ],
        },
        { id: 'b', name: t('B'), items: [{ id: 'b1', statement: t('b1'), options }] },
      ],
    };
    expect(respondentSteps(questionnaire).map((step) => [step.id, step.number, step.sectionNumber, step.sections])).toEqual([
      ['a1', 1, 1, 2],
      ['a2', 2, 1, 2],
      ['b1', 3, 2, 2],
    ]);
    expect(respondentSteps({ sections: [] })).toEqual([]);
  });
});

describe('meanText', () => {
  it('writes at most two decimals in Belgian style, nothing for no mean', () => {
    expect(meanText(3.25, 'nl')).toBe('3,25');
    // English in Belgium writes a decimal comma too (en-BE).
    expect(meanText(3.25, 'en')).toBe('3,25');
    expect(meanText(4, 'nl')).toBe('4');
    expect(meanText(null, 'nl')).toBeNull();
  });
});

describe('the mean chart', () => {
  const stats = (group: ReflectionStats['group'], mean: number | null): ReflectionStats => ({
    group,
    respondents: mean === null ? { count: null, suppressed: true } : { count: 6, suppressed: false },
    mean,
    distribution: [],
    notApplicable: null,
    belowAction: mean === null ? null : mean < 3,
  });
  const report = {
    scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: t(String(value)) })),
    groups: [
      { group: 'teachers', respondents: { count: 6, suppressed: false }, awaiting: false },
      { group: 'pupils', respondents: { count: null, suppressed: true }, awaiting: true },
    ],
    sections: [
      { name: t('Leiderschap'), groups: [stats('teachers', 3.5), stats('pupils', null), stats('all', 3.5)] },
      { name: t('Professionalisering'), groups: [stats('teachers', 2.25), stats('all', 2.25)] },
    ],
  } as unknown as ReflectionReport;

  it('puts a bar per section and group, and leaves a gap where a group is hidden or absent', () => {
    const input = meanChartInput(
      report,
      (name) => name.nl,
      (group) => group.toUpperCase(),
    );
    expect(input).toEqual({
      sections: ['Leiderschap', 'Professionalisering'],
      series: [
        { group: 'teachers', label: 'TEACHERS', means: [3.5, 2.25] },
        { group: 'pupils', label: 'PUPILS', means: [null, null] },
      ],
      max: 5,
    });
    expect(noMeanShown(input)).toBe(false);
    const option = meanChartOption(input, 800);
    expect(option.xAxis).toMatchObject({ min: 0, max: 5 });
    expect(option.series.map((serie) => serie.data)).toEqual([
      [3.5, 2.25],
      [null, null],
    ]);
  });

  it('says when no bar can be shown', () => {
    expect(noMeanShown({ sections: ['x'], series: [{ group: 'pupils', label: 'p', means: [null] }], max: 5 })).toBe(true);
  });

  it('drops the value labels on a narrow screen', () => {
    const input = meanChartInput(
      report,
      (name) => name.nl,
      (group) => group,
    );
    expect(meanChartOption(input, 400).series[0].label.show).toBe(false);
    expect(meanChartOption(input, 900).series[0].label.show).toBe(true);
  });
});
