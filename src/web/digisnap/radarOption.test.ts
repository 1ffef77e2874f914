import { describe, expect, it } from 'vitest';
import { radarOption, wrapLabel } from './radarOption';

describe('wrapLabel', () => {
  it('breaks long area names on spaces', () => {
    expect(wrapLabel('Facilitating Learners’ Digital Competence', 14)).toBe('Facilitating\nLearners’\nDigital\nCompetence');
    expect(wrapLabel('Assessment', 14)).toBe('Assessment');
  });

  it('keeps a single over-long word whole', () => {
    expect(wrapLabel('Professionalisering', 10)).toBe('Professionalisering');
  });
});

describe('radarOption', () => {
  const axes = [
    { name: '1 Professional Engagement', short: '1', max: 16 },
    { name: '2 Digital Resources', short: '2', max: 12 },
  ];

  it('draws one series per scan, against each area maximum', () => {
    const option = radarOption({ axes, current: { label: 'Now', values: [10, 6] }, width: 600 });
    expect(option.radar).toMatchObject({
      indicator: [
        { name: '1 Professional Engagement', max: 16 },
        { name: '2 Digital Resources', max: 12 },
      ],
    });
    const [series] = option.series as Array<{ data: Array<{ value: number[] }> }>;
    expect(series.data.map((d) => d.value)).toEqual([[10, 6]]);
    expect(option.legend).toBeUndefined();
  });

  it('adds the previous scan and a legend when there is one', () => {
    const option = radarOption({
      axes,
      current: { label: 'Now', values: [10, 6] },
      previous: { label: 'Before', values: [8, 6] },
      width: 320,
    });
    const [series] = option.series as Array<{ data: Array<{ name: string }> }>;
    expect(series.data.map((d) => d.name)).toEqual(['Now', 'Before']);
    expect(option.radar).toMatchObject({ indicator: [{ name: '1' }, { name: '2' }] });
    expect(option.legend).toMatchObject({ data: ['Now', 'Before'] });
  });
});
