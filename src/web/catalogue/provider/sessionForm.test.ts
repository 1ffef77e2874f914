import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SessionFormValues, sessionFormProblems, sessionsInDateOrder, toSessionInput } from './sessionForm';

const session: SessionFormValues = {
  startsAt: '2026-11-29T14:00',
  endsAt: '2026-11-29T16:30',
  place: ' CVO Hasselt ',
  online: false,
  capacity: '20',
  enrolmentDeadline: '2026-11-22T23:59',
  cancellationDeadline: '2026-11-25T12:00',
};

describe('sessionFormProblems', () => {
  it('accepts a session that ends after it starts, with deadlines before the start', () => {
    expect(sessionFormProblems(session)).toEqual({});
  });

  it('names each field at fault', () => {
    const bad = { ...session, endsAt: '2026-11-29T13:00', enrolmentDeadline: '2026-11-30T10:00', capacity: '0', cancellationDeadline: '' };
    expect(Object.keys(sessionFormProblems(bad)).sort()).toEqual(['cancellationDeadline', 'capacity', 'endsAt', 'enrolmentDeadline']);
  });

  it('never lets the capacity drop below the people already enrolled', () => {
    expect(sessionFormProblems({ ...session, capacity: '12' }, 15)).toEqual({ capacity: true });
  });
});

describe('toSessionInput', () => {
  it('sends Brussels times with their offset and an empty place as null', () => {
    expect(toSessionInput(session)).toEqual({
      startsAt: '2026-11-29T14:00:00+01:00',
      endsAt: '2026-11-29T16:30:00+01:00',
      place: 'CVO Hasselt',
      online: false,
      capacity: 20,
      enrolmentDeadline: '2026-11-22T23:59:00+01:00',
      cancellationDeadline: '2026-11-25T12:00:00+01:00',
    });
    expect(toSessionInput({ ...session, place: '  ' }).place).toBeNull();
  });
});

describe('sessionsInDateOrder', () => {
  it('puts past sessions before upcoming ones, as on a calendar', () => {
    const listed = [
      { id: 'c', startsAt: '2026-12-10T09:00:00.000Z' },
      { id: 'd', startsAt: '2027-03-01T09:00:00.000Z' },
      { id: 'b', startsAt: '2026-11-20T09:00:00.000Z' },
      { id: 'a', startsAt: '2026-10-01T09:00:00.000Z' },
    ];
    expect(sessionsInDateOrder(listed).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sessionsInDateOrder([])).toEqual([]);
  });

  it('keeps every session once, each no later than the next, and leaves its input alone', () => {
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ id: fc.uuid(), startsAt: instant }), { selector: (s) => s.id }), (sessions) => {
        const before = [...sessions];
        const sorted = sessionsInDateOrder(sessions);
        expect(sessions).toEqual(before);
        expect(new Set(sorted.map((s) => s.id))).toEqual(new Set(sessions.map((s) => s.id)));
        for (let i = 1; i < sorted.length; i++) expect(Date.parse(sorted[i - 1].startsAt)).toBeLessThanOrEqual(Date.parse(sorted[i].startsAt));
      }),
    );
  });
});
