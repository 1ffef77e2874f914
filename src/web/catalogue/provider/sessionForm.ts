import { fromBrusselsInput, toBrusselsInput } from '../../../shared/platform/brussels-time';
import type { SessionDto, SessionInput } from '../types';
import type { FieldProblems } from './formProblems';

/** A session as typed in the form: times on the Brussels clock (`datetime-local` values). */
export interface SessionFormValues {
  startsAt: string;
  endsAt: string;
  place: string;
  online: boolean;
  capacity: string;
  enrolmentDeadline: string;
  cancellationDeadline: string;
}

export const sessionFields = ['startsAt', 'endsAt', 'place', 'online', 'capacity', 'enrolmentDeadline', 'cancellationDeadline'] as const;
export type SessionField = (typeof sessionFields)[number];

export function emptySessionForm(): SessionFormValues {
  return { startsAt: '', endsAt: '', place: '', online: false, capacity: '20', enrolmentDeadline: '', cancellationDeadline: '' };
}

export function formFromSession(session: SessionDto): SessionFormValues {
  return {
    startsAt: toBrusselsInput(session.startsAt),
    endsAt: toBrusselsInput(session.endsAt),
    place: session.place ?? '',
    online: session.online,
    capacity: String(session.capacity),
    enrolmentDeadline: toBrusselsInput(session.enrolmentDeadline),
    cancellationDeadline: toBrusselsInput(session.cancellationDeadline),
  };
}

/** What the server would refuse, by field. Times compare as text: `datetime-local` values sort like the clock. */
export function sessionFormProblems(values: SessionFormValues, enrolled = 0): FieldProblems {
  const problems: FieldProblems = {};
  const flag = (field: SessionField, bad: boolean) => bad && (problems[field] = true);
  const valid = (value: string) => fromBrusselsInput(value) !== null;
  flag('startsAt', !valid(values.startsAt));
  flag('endsAt', !valid(values.endsAt) || values.endsAt <= values.startsAt);
  flag('enrolmentDeadline', !valid(values.enrolmentDeadline) || values.enrolmentDeadline > values.startsAt);
  flag('cancellationDeadline', !valid(values.cancellationDeadline) || values.cancellationDeadline > values.startsAt);
  flag('place', values.place.trim().length > 200);
  const capacity = /^\d+$/.test(values.capacity.trim()) ? Number(values.capacity) : NaN;
  flag('capacity', !(capacity >= Math.max(1, enrolled) && capacity <= 10_000));
  return problems;
}

/** The API body; call only when `sessionFormProblems` found nothing. */
export function toSessionInput(values: SessionFormValues): SessionInput {
  return {
    startsAt: fromBrusselsInput(values.startsAt) ?? '',
    endsAt: fromBrusselsInput(values.endsAt) ?? '',
    place: values.place.trim() || null,
    online: values.online,
    capacity: Number(values.capacity),
    enrolmentDeadline: fromBrusselsInput(values.enrolmentDeadline) ?? '',
    cancellationDeadline: fromBrusselsInput(values.cancellationDeadline) ?? '',
  };
}

export function sessionProblemKey(path: string): SessionField | 'other' {
  return sessionFields.find((field) => field === path) ?? 'other';
}

/**
 * The provider's sessions as on a calendar, first to last. The training's page lists upcoming
 * ones first and past ones after, which suits a teacher but not the one who plans them.
 */
export function sessionsInDateOrder<S extends Pick<SessionDto, 'startsAt' | 'id'>>(sessions: readonly S[]): S[] {
  return [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
