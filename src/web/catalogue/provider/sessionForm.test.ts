import { describe, expect, it } from 'vitest';
import { type SessionFormValues, sessionFormProblems, toSessionInput } from './sessionForm';

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
