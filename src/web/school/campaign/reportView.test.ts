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

  it('leaves a gap in the chart for a hidden share, never a guessed value', () => {
    const option = areaChartOption(
      {
        areas: ['1. Professionele betrokkenheid'],
        series: [
          { band: 'A', label: 'Niveau A', shares: [null] },
          { band: 'B', label: 'Niveau B', shares: [60] },
        ],
        percentLabel: '%',
      },
      800,
    );
    expect(option.series.map((s) => s.data)).toEqual([['-'], [60]]);
    expect(option.series.every((s) => s.stack === 'bands')).toBe(true);
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
