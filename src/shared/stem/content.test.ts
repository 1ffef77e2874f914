import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateStemContent } from './content';
import { definitionFor } from './indicators';

const raw = () => JSON.parse(readFileSync(new URL('../../../content/stem/monitor.json', import.meta.url), 'utf8'));

describe('content/stem/monitor.json', () => {
  it('passes its schema, with the nine indicators of issue 13', () => {
    const checked = validateStemContent(raw());
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    expect(checked.content.indicators.map((indicator) => indicator.id)).toEqual([
      'secondary_year3_stem_share',
      'secondary_year5_stem_share',
      'secondary_grade23_stem_share',
      'secondary_stem_girls_share',
      'secondary_qualification_stem_share',
      'higher_inflow_stem_share',
      'higher_diploma_stem_share',
      'adult_stem_share',
      'adult_stem_women_share',
    ]);
  });

  it('keeps 33.50% as the 2010-11 baseline and 40.25% by 2030-31 as an unverified target (DOMAIN.md §5.2, §5.3)', () => {
    const checked = validateStemContent(raw());
    if (!checked.ok) throw new Error('invalid');
    const { published, targets } = checked.content;
    expect(published).toContainEqual(expect.objectContaining({ indicator: 'secondary_year3_stem_share', year: '2010-2011', value: 0.335, group: null }));
    expect(targets).toContainEqual(expect.objectContaining({ indicator: 'secondary_grade23_stem_share', value: 0.4025, deadlineYear: '2030-2031', verified: false }));
    expect(checked.content.indicators.find((indicator) => indicator.id === 'secondary_year3_stem_share')?.baselineYear).toBe('2010-2011');
    expect(checked.content.indicators.find((indicator) => indicator.id === 'adult_stem_share')?.baselineYear).toBe('2013-2014');
  });

  it('uses the reform’s domain 2 for secondary from 2022-2023 on and the 2012 categories elsewhere', () => {
    const checked = validateStemContent(raw());
    if (!checked.ok) throw new Error('invalid');
    const { definitions } = checked.content;
    expect(definitionFor(definitions, 'secondary', '2021-2022')).toBe('categories_2012');
    expect(definitionFor(definitions, 'secondary', '2022-2023')).toBe('domain_2');
    expect(definitionFor(definitions, 'higher', '2023-2024')).toBe('categories_2012');
    expect(definitionFor(definitions, 'adult', '2010-2011')).toBe('categories_2012');
  });

  it('names every problem of a bad file: an unknown indicator, a moment of another level, a year written 2018/19', () => {
    const content = raw();
    content.targets.push({ ...content.targets[0], indicator: 'nope' });
    content.indicators[0].moment = 'diploma';
    content.published[0].year = '2018/19';
    const checked = validateStemContent(content);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^indicators\.0\.moment: the moment is not one of its level/),
        expect.stringMatching(/^published\.0\.year: must be a school year/),
        expect.stringMatching(/^targets\.3\.indicator: no indicator nope/),
      ]),
    );
  });
});
