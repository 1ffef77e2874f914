import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionName, genderSeries, hidden, noData, shown, words } from '../../../test/support/stem-series';
import { countText, gapPoints, genderGapTable, plottedShare, pointsText, provinceTable, seriesTable, shareText } from './stemView';

const texts = (rows: Array<Array<{ text: string }>>) => rows.map((row) => row.map((cell) => cell.text));

describe('how the monitor writes its numbers', () => {
  it('writes shares and changes in Belgian style', () => {
    expect(shareText(0.364, 'nl')).toBe('36,4%');
    expect(shareText(0.3644, 'en')).toBe('36,4%');
    expect(shareText(0.4025, 'nl', 2)).toBe('40,25%');
    expect(pointsText(2.9, 'nl')).toBe('+2,9 pp');
    expect(pointsText(-0.46, 'nl')).toBe('-0,5 pp');
    expect(pointsText(0, 'nl')).toBe('0 pp');
    expect(pointsText(0.04, 'nl')).toBe('0 pp');
  });

  it('reads counts of 1 to 4 as "< 5", and 0 and 5 up as themselves', () => {
    expect([0, 1, 4, 5, 24567].map((count) => countText(count, 'nl'))).toEqual(['0', '< 5', '< 5', '5', '24.567']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (count) => {
        expect(countText(count, 'nl') === '< 5').toBe(count >= 1 && count <= 4);
      }),
    );
  });

  it('never plots a hidden share or one without data, not even as 0', () => {
    expect(plottedShare(hidden)).toBeNull();
    expect(plottedShare(noData)).toBeNull();
    expect(plottedShare(undefined)).toBeNull();
    expect(plottedShare(shown(0, 10))).toBe(0);
    expect(plottedShare(shown(364, 1000))).toBe(36.4);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (numerator, extra) => {
        const share = plottedShare(shown(numerator, numerator + extra));
        expect(share).not.toBeNull();
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('gives a gap only between two shown shares', () => {
    expect(gapPoints(shown(1, 4), shown(1, 2))).toBe(-25);
    expect(gapPoints(shown(1, 4), hidden)).toBeNull();
    expect(gapPoints(noData, shown(1, 2))).toBeNull();
  });
});

describe('the tables behind the charts', () => {
  it('gives the series a row per year and group, Flanders first, with hidden values marked and explained', () => {
    const table = seriesTable(genderSeries, 'Aandeel STEM per schooljaar', 'nl', words, definitionName);
    expect(table.fileName).toBe('stem-secondary_grade23_stem_share-gender');
    expect(table.columns.map((column) => column.header)).toEqual([
      'Schooljaar',
      'Groep',
      'Aandeel',
      'Teller',
      'Noemer',
      'Verschil met basisjaar (pp)',
      'Gepubliceerd',
      'Bron',
      'Herkomst',
      'Definitie',
      'Opmerking',
    ]);
    expect(texts(table.rows)).toEqual([
      ['2010-2011', 'Vlaanderen', '33,5%', '335', '1.000', '0 pp', '', '', 'demodata', 'STEM-categorieën (2012)', ''],
      ['2010-2011', 'Meisjes', '24%', '120', '500', '0 pp', '', '', 'demodata', 'STEM-categorieën (2012)', ''],
      ['2010-2011', 'Jongens', '43%', '215', '500', '0 pp', '', '', 'demodata', 'STEM-categorieën (2012)', ''],
      ['2023-2024', 'Vlaanderen', '36,4%', '364', '1.000', '+2,9 pp', '36,4%', 'POM Limburg, https://pomlimburg.be', 'demodata', 'Studiedomein STEM', ''],
      ['2023-2024', 'Meisjes', 'verborgen', 'verborgen', 'verborgen', '', '', '', 'demodata', 'Studiedomein STEM', words.hiddenReason],
      ['2023-2024', 'Jongens', '0,5%', '< 5', '600', '-42,5 pp', '', '', 'demodata', 'Studiedomein STEM', ''],
    ]);
    // Downloads get numbers where there are numbers, and the markers as text.
    expect(table.rows[3].map((cell) => cell.value)).toEqual([
      '2023-2024',
      'Vlaanderen',
      36.4,
      364,
      1000,
      2.9,
      36.4,
      'POM Limburg, https://pomlimburg.be',
      'demodata',
      'Studiedomein STEM',
      null,
    ]);
    expect(table.rows[5][3].value).toBe('< 5');
    expect(table.rows[4][2].value).toBe('verborgen');
  });

  it('compares the provinces of the latest year with Flanders', () => {
    const series = {
      ...genderSeries,
      breakdown: 'province' as const,
      years: [
        {
          ...genderSeries.years[1],
          groups: [
            { key: 'antwerpen', value: shown(400, 1000), changeFromBaselinePp: null },
            { key: 'limburg', value: hidden, changeFromBaselinePp: null },
          ],
        },
      ],
    };
    const table = provinceTable(series, 'Per provincie', 'nl', words);
    expect(texts(table.rows)).toEqual([
      ['Vlaanderen', '36,4%', '364', '1.000', '', ''],
      ['Antwerpen', '40%', '400', '1.000', '+3,6 pp', ''],
      ['Limburg', 'verborgen', 'verborgen', 'verborgen', '', words.hiddenReason],
    ]);
    expect(provinceTable({ ...series, years: [] }, 'Per provincie', 'nl', words).rows).toEqual([]);
  });

  it('gives the gender gap only where both shares are shown', () => {
    const table = genderGapTable(genderSeries, 'Meisjes en jongens', 'nl', words);
    expect(texts(table.rows)).toEqual([
      ['2010-2011', '24%', '43%', '-19 pp', ''],
      ['2023-2024', 'verborgen', '0,5%', '', words.hiddenReason],
    ]);
  });
});
