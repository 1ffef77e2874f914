import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionReach, BOOTCAMP_COMPLETION_PERCENT, requiredSessions, teamCompletion } from './actions-rules';

describe('bootcamp completion', () => {
  it('asks 9 of 12 sessions at 75%, and rounds a share up', () => {
    expect(BOOTCAMP_COMPLETION_PERCENT).toBe(75);
    expect(requiredSessions(12)).toBe(9);
    expect(requiredSessions(10)).toBe(8);
    expect(requiredSessions(1)).toBe(1);
    expect(requiredSessions(0)).toBe(0);
    expect(requiredSessions(12, 100)).toBe(12);
  });

  it('completes a team at the threshold and not one session below it', () => {
    expect(teamCompletion([9, 12, 10], 12)).toEqual({ required: 9, membersCompleted: 3, members: 3, completed: true });
    expect(teamCompletion([9, 8, 12], 12)).toEqual({ required: 9, membersCompleted: 2, members: 3, completed: false });
    expect(teamCompletion([], 12).completed).toBe(false);
  });

  it('completes exactly when the least present member reached the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 100 }), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (sessions, percent, raw) => {
        const attended = raw.map((value) => value % (sessions + 1));
        const result = teamCompletion(attended, sessions, percent);
        expect(result.required).toBeGreaterThanOrEqual(0);
        expect(result.required).toBeLessThanOrEqual(sessions);
        expect(result.required * 100).toBeGreaterThanOrEqual(sessions * percent);
        expect((result.required - 1) * 100).toBeLessThan(sessions * percent);
        expect(result.completed).toBe(Math.min(...attended) >= result.required);
      }),
    );
  });

  it('never takes completion away when a member attends one more session', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.array(fc.nat({ max: 24 }), { minLength: 1, maxLength: 10 }), fc.nat(), (sessions, raw, pick) => {
        const attended = raw.map((value) => Math.min(value, sessions - 1));
        const index = pick % attended.length;
        const more = attended.map((value, i) => (i === index ? value + 1 : value));
        const before = teamCompletion(attended, sessions);
        const after = teamCompletion(more, sessions);
        expect(after.membersCompleted).toBeGreaterThanOrEqual(before.membersCompleted);
        if (before.completed) expect(after.completed).toBe(true);
      }),
    );
  });
});

describe('action reach', () => {
  it('counts the programme first, then the figures entered, else none', () => {
    expect(actionReach({ schools: 3, teachers: 40 }, { schools: 10, teachers: 55 })).toEqual({ schools: 10, teachers: 55, source: 'programme' });
    expect(actionReach({ schools: 3, teachers: 40 }, null)).toEqual({ schools: 3, teachers: 40, source: 'entered' });
    expect(actionReach(null, null)).toEqual({ schools: 0, teachers: 0, source: 'none' });
  });
});
