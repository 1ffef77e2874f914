import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProfile, type SubmittedResult } from './profile';
import type { ScanResult } from './scoring';

const result = (areaScores: number[]): ScanResult => ({
  total: areaScores.reduce((a, b) => a + b, 0),
  maxTotal: 88,
  level: 'B1',
  band: 'B',
  areas: areaScores.map((score, i) => ({ number: i + 1, score, max: 16, level: 'B1', band: 'B' })),
  competences: [],
  priorities: [],
});
const scan = (id: string, day: number, areaScores: number[], frameworkId = 'digcompedu', frameworkVersion = '2017.1'): SubmittedResult => ({
  scanId: id,
  frameworkId,
  frameworkVersion,
  submittedAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  result: result(areaScores),
});

describe('buildProfile', () => {
  it('has no profile before the first submitted scan, and no growth after only one', () => {
    expect(buildProfile([])).toBeNull();
    const first = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4])]);
    expect(first?.scanId).toBe('a');
    expect(first?.growth).toBeNull();
    expect(first?.history).toHaveLength(1);
  });

  it('shows the change per area since the previous scan of the same framework', () => {
    const profile = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4]), scan('other', 2, [9, 9, 9, 9, 9, 9], 'another-framework'), scan('b', 3, [6, 3, 4, 8, 4, 5])]);
    expect(profile?.scanId).toBe('b');
    expect(profile?.growth).toEqual({
      since: '2026-01-01T10:00:00.000Z',
      totalChange: 6,
      areas: [2, -1, 0, 4, 0, 1].map((change, i) => ({ number: i + 1, change })),
    });
    expect(profile?.history.map((h) => h.scanId)).toEqual(['a', 'other', 'b']);
  });

  it('compares with the previous scan of the same version only: CheckIn points and level positions do not subtract', () => {
    const profile = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4]), scan('b', 2, [6, 6, 6, 6, 6, 6], 'digcompedu', '2026.1')]);
    expect(profile?.growth).toBeNull();
    expect(profile?.history.map((h) => h.frameworkVersion)).toEqual(['2017.1', '2026.1']);
    const later = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4]), scan('b', 2, [6, 6, 6, 6, 6, 6], 'digcompedu', '2026.1'), scan('c', 3, [7, 6, 6, 6, 6, 6], 'digcompedu', '2026.1')]);
    expect(later?.growth).toMatchObject({ since: '2026-01-02T10:00:00.000Z', totalChange: 1 });
  });

  it('keeps area changes summing to the change in total (property)', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 16 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(scores, scores, (before, after) => {
        const profile = buildProfile([scan('a', 1, before), scan('b', 2, after)])!;
        const sum = profile.growth!.areas.reduce((total, area) => total + area.change, 0);
        expect(sum).toBe(profile.growth!.totalChange);
      }),
    );
  });
});
