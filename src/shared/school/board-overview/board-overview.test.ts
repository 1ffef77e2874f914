import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planIsCurrent, shownParticipation } from './board-overview';

describe('shownParticipation', () => {
  it('hides the counts below the threshold and shows them from it on', () => {
    expect(shownParticipation({ invited: 10, completed: 4 }, 5)).toBeNull();
    expect(shownParticipation({ invited: 10, completed: 5 }, 5)).toEqual({ invited: 10, completed: 5 });
    expect(shownParticipation({ invited: 10, completed: 0 }, 5)).toBeNull();
    expect(shownParticipation({ invited: 12, completed: 7 }, 8)).toBeNull();
    expect(shownParticipation({ invited: 12, completed: 8 }, 8)).toEqual({ invited: 12, completed: 8 });
  });

  it('never shows fewer than five, whatever threshold a campaign asked for', () => {
    expect(shownParticipation({ invited: 4, completed: 4 }, 1)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 50 }), (invited, completed, threshold) => {
        const shown = shownParticipation({ invited, completed }, threshold);
        if (shown === null) expect(completed < Math.max(5, threshold)).toBe(true);
        else expect(shown.completed).toBeGreaterThanOrEqual(5);
      }),
    );
  });
});

describe('planIsCurrent', () => {
  it('is current from the first school year of the period to the last, both included', () => {
    expect(planIsCurrent('2025-2026', '2027-2028', '2024-2025')).toBe(false);
    expect(planIsCurrent('2025-2026', '2027-2028', '2025-2026')).toBe(true);
    expect(planIsCurrent('2025-2026', '2027-2028', '2027-2028')).toBe(true);
    expect(planIsCurrent('2025-2026', '2027-2028', '2028-2029')).toBe(false);
    expect(planIsCurrent(null, null, '2025-2026')).toBe(false);
    expect(planIsCurrent('2025-2026', null, '2025-2026')).toBe(false);
  });

  it('agrees with comparing the first years as numbers', () => {
    const year = fc.integer({ min: 2000, max: 2099 }).map((y) => `${y}-${y + 1}`);
    fc.assert(
      fc.property(year, year, year, (from, to, current) => {
        const first = (schoolYear: string) => Number(schoolYear.slice(0, 4));
        expect(planIsCurrent(from, to, current)).toBe(first(from) <= first(current) && first(current) <= first(to));
      }),
    );
  });
});
