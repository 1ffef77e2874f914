import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../shared/platform/api';
import { rolesGrantableBy } from '../roles';
import { managedSchools } from '../schoolAccess';
import { areaChartOption, cellText, noiseNoteValues, percentText } from './reportView';

describe('team report cells', () => {
  it('shows share and count of a published cell in Belgian format, small counts too', () => {
    expect(cellText({ count: 6, share: 42.9 }, 'nl')).toBe('42,9% (6)');
    expect(cellText({ count: 6, share: 42.9 }, 'en')).toBe('42,9% (6)');
    expect(cellText({ count: 1, share: 5 }, 'nl')).toBe('5% (1)');
  });

  it('gives no number where the report has none', () => {
    expect(cellText({ count: null, share: null }, 'nl')).toBeNull();
    expect(percentText(null, 'nl')).toBeNull();
  });

  it('words the noise note’s numbers for the reader, in Belgian format', () => {
    const noise = { epsilon: 0.5, histograms: 32, expectedError: 1.85, bound: 4, confidence: 0.9 };
    expect(noiseNoteValues(noise, 'nl')).toEqual({ error: '1,85', inTen: 9, bound: 4, epsilon: '0,5', histograms: 32 });
  });

  const chartInput = (shares: { A: Array<number | null>; B: Array<number | null> }) => ({
    areas: shares.A.map((_, i) => `${i + 1}. Domein`),
    series: [
      { band: 'A', label: 'Niveau A', shares: shares.A },
      { band: 'B', label: 'Niveau B', shares: shares.B },
    ],
    percentLabel: '%',
    hiddenLabel: 'verborgen',
  });

  it('draws a hidden share as a hatched "verborgen" mark over what the shown shares leave, never as zero or a guess', () => {
    const option = areaChartOption(chartInput({ A: [null, 30], B: [60, 70] }), 800);
    expect(option.series.map((s) => s.data)).toEqual([
      ['-', 30],
      [60, 70],
      [40, '-'],
    ]);
    expect(option.series.every((s) => s.stack === 'bands')).toBe(true);
    const hidden = option.series[2];
    expect(hidden).toMatchObject({ name: 'verborgen', itemStyle: { decal: expect.any(Object) }, label: { show: true, formatter: 'verborgen' } });
    // A wholly hidden area is one hatched bar across the whole axis.
    expect(areaChartOption(chartInput({ A: [null], B: [null] }), 800).series[2].data).toEqual([100]);
  });

  it('adds no hidden mark when every share is shown, and keeps its label off on a narrow chart', () => {
    expect(areaChartOption(chartInput({ A: [40], B: [60] }), 800).series.map((s) => s.name)).toEqual(['Niveau A', 'Niveau B']);
    expect(areaChartOption(chartInput({ A: [null], B: [60] }), 400).series[2].label.show).toBe(false);
  });

  it('shows the areas’ full names, wrapped, on a wide chart and their numbers on a narrow one (the table names them)', () => {
    const input = { ...chartInput({ A: [40], B: [60] }), areas: ['2. Digitale bronnen gebruiken, vinden, maken en delen'] };
    expect(areaChartOption(input, 800).yAxis).toMatchObject({ data: input.areas, axisLabel: { overflow: 'break' } });
    expect(areaChartOption(input, 400).yAxis).toMatchObject({ data: ['2'], axisLabel: { width: 24 } });
  });
});

describe('school access', () => {
  const user = (memberships: CurrentUser['memberships']): CurrentUser => ({
    id: 'u',
    email: 'u@school.test',
    displayName: 'U',
    locale: 'nl',
    globalRoles: [],
    memberships,
    providers: [],
  });

  it('offers "my school" to coordinators, principals and board admins, each school once', () => {
    expect(managedSchools(user([{ schoolId: 's1', schoolName: 'A', role: 'teacher' }]))).toEqual([]);
    expect(
      managedSchools(
        user([
          { schoolId: 's1', schoolName: 'A', role: 'teacher' },
          { schoolId: 's1', schoolName: 'A', role: 'ict_coordinator' },
          { schoolId: 's1', schoolName: 'A', role: 'principal' },
          { schoolId: 's2', schoolName: 'B', role: 'board_admin' },
        ]),
      ),
    ).toEqual([
      { schoolId: 's1', schoolName: 'A' },
      { schoolId: 's2', schoolName: 'B' },
    ]);
  });

  it('lets each role give only the roles the API allows', () => {
    expect(rolesGrantableBy(['ict_coordinator'])).toEqual(['teacher', 'ict_coordinator']);
    expect(rolesGrantableBy(['principal'])).toEqual(['teacher', 'ict_coordinator', 'principal']);
    expect(rolesGrantableBy(['teacher'])).toEqual([]);
  });
});
