import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { educationLevels, provinces } from '../platform/flanders';
import { FOLLOW_UP_MIN_GROUP, type FollowUpSchoolFacts, followUpGroupCounts, followUpProgress } from './follow-up-progress';

const school = (province: string | null, level: string | null, ticked: string[] = []): FollowUpSchoolFacts => ({ province, level, ticked });
const steps = ['look', 'interpret', 'plan'];

describe('how far schools get after a round', () => {
  it('shows no count for a group of 4 schools and every count from 5', () => {
    const four = Array.from({ length: 4 }, () => school('limburg', 'primary', ['look']));
    expect(followUpGroupCounts(four, steps)).toEqual({ schools: null, ticked: null });
    expect(followUpGroupCounts([...four, school('limburg', 'primary', ['look', 'plan'])], steps)).toEqual({ schools: 5, ticked: [5, 0, 1] });
  });

  it('counts per step in the order of the steps, and a removed step’s ticks no longer count', () => {
    const schools = [
      school('antwerpen', 'primary', ['look', 'interpret', 'gone']),
      school('antwerpen', 'primary', ['look']),
      school('antwerpen', 'secondary', ['plan', 'gone']),
      school('antwerpen', 'secondary', []),
      school('limburg', 'primary', ['look', 'interpret', 'plan']),
      school(null, null, ['look']),
    ];
    const progress = followUpProgress(schools, steps);
    expect(progress.flanders).toEqual({ schools: 6, ticked: [4, 2, 2] });
    expect(progress.byProvince.find((group) => group.province === 'antwerpen')).toEqual({ province: 'antwerpen', schools: null, ticked: null });
    expect(progress.byProvince.map((group) => group.province)).toEqual([...provinces]);
    expect(progress.byLevel.map((group) => group.level)).toEqual([...educationLevels]);
    expect(followUpProgress(schools, [...steps, 'gone']).flanders.ticked).toEqual([4, 2, 2, 2]);
  });

  it('never shows a count that comes from a group under five schools', () => {
    const arbitrarySchool = fc.record({
      province: fc.option(fc.constantFrom(...provinces)),
      level: fc.option(fc.constantFrom(...educationLevels)),
      ticked: fc.subarray(steps),
    });
    fc.assert(
      fc.property(fc.array(arbitrarySchool, { maxLength: 40 }), (schools) => {
        const progress = followUpProgress(schools, steps);
        const groups = [
          { counts: progress.flanders, size: schools.length },
          ...progress.byProvince.map((group) => ({ counts: group, size: schools.filter((s) => s.province === group.province).length })),
          ...progress.byLevel.map((group) => ({ counts: group, size: schools.filter((s) => s.level === group.level).length })),
        ];
        for (const { counts, size } of groups) {
          if (size < FOLLOW_UP_MIN_GROUP) expect(counts).toMatchObject({ schools: null, ticked: null });
          else {
            expect(counts.schools).toBe(size);
            for (const ticked of counts.ticked ?? []) expect(ticked).toBeLessThanOrEqual(size);
          }
        }
      }),
    );
  });
});
