import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flandersAreas, type ReleasedArea } from './reflection-flanders';

const name = { nl: 'Domein', en: 'Area' };
const area = (id: string, groups: ReleasedArea['groups']): ReleasedArea => ({ id, name, groups });
const shown = (group: string, count: number, mean: number) => ({ group, respondents: { count }, mean });
const hidden = (group: string) => ({ group, respondents: { count: null }, mean: null });

describe('flandersAreas', () => {
  it('weighs each shown group’s mean by its respondents, leaving out hidden groups and the repeated total', () => {
    const reports = [[area('a', [shown('teachers', 6, 3), hidden('pupils'), shown('all', 6, 3)])], [area('a', [shown('pupils', 12, 4.5)]), area('b', [shown('leaders', 5, 2)])]];
    expect(flandersAreas(reports)).toEqual([
      { area: 'a', name, respondents: 18, score: 4 },
      { area: 'b', name, respondents: 5, score: 2 },
    ]);
  });

  it('shows an area from five respondents on, and nothing of one with four', () => {
    expect(flandersAreas([[area('a', [shown('leaders', 4, 3)])]])).toEqual([{ area: 'a', name, respondents: null, score: null }]);
    expect(flandersAreas([[area('a', [shown('leaders', 2, 3)])], [area('a', [shown('leaders', 3, 1)])]])[0]).toEqual({ area: 'a', name, respondents: 5, score: 1.8 });
    expect(flandersAreas([])).toEqual([]);
  });

  const stats = fc.oneof(
    fc.record({
      group: fc.constantFrom('leaders', 'teachers', 'pupils', 'all'),
      respondents: fc.record({ count: fc.integer({ min: 0, max: 40 }) }),
      mean: fc.double({ min: 1, max: 5, noNaN: true }),
    }),
    fc.constant(hidden('pupils')),
  );
  const reports = fc.array(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), name: fc.constant(name), groups: fc.array(stats, { maxLength: 4 }) }), { maxLength: 3 }), {
    maxLength: 6,
  });

  it('never publishes an area resting on fewer than five respondents, and every score lies within the means it came from', () => {
    fc.assert(
      fc.property(reports, (input) => {
        for (const result of flandersAreas(input)) {
          expect(result.respondents === null).toBe(result.score === null);
          if (result.respondents === null) continue;
          expect(result.respondents).toBeGreaterThanOrEqual(5);
          const means = input
            .flat()
            .filter((one) => one.id === result.area)
            .flatMap((one) => one.groups.filter((g) => g.group !== 'all' && g.mean !== null && (g.respondents.count ?? 0) > 0).map((g) => g.mean!));
          expect(result.score!).toBeGreaterThanOrEqual(Math.min(...means) - 0.005);
          expect(result.score!).toBeLessThanOrEqual(Math.max(...means) + 0.005);
        }
      }),
    );
  });

  it('gives the same areas whatever the order of the reports (scores to the rounding of a sum)', () => {
    fc.assert(
      fc.property(reports, (input) => {
        const forward = new Map(flandersAreas(input).map((one) => [one.area, one]));
        for (const one of flandersAreas([...input].reverse())) {
          expect(one.respondents).toBe(forward.get(one.area)!.respondents);
          if (one.score !== null) expect(Math.abs(one.score - forward.get(one.area)!.score!)).toBeLessThanOrEqual(0.011);
        }
      }),
    );
  });
});
