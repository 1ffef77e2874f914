import { MAX_BOOTCAMP_SESSIONS, MAX_TEAM_PARTICIPANTS } from '../../shared/centre/bootcamp-schedule';

/** The bootcamp set-up forms' state and checks, apart from React so they are tested on their own. */

export type Problem = 'required' | 'date' | 'sessions' | 'topics' | 'participants';

export interface TrackForm {
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  trainingId: string;
}
export type TrackField = keyof TrackForm;

export interface CohortForm {
  trackId: string;
  name: string;
  startsOn: string;
  sessions: string;
  /** One topic a line, in the order of the sessions. */
  topics: string;
}
export type CohortField = keyof CohortForm;

/** The lines of a text area that hold something, trimmed: names or topics typed one a line. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function trackProblems(form: TrackForm): Partial<Record<TrackField, Problem>> {
  const problems: Partial<Record<TrackField, Problem>> = {};
  for (const field of ['nameNl', 'nameEn', 'descriptionNl', 'descriptionEn'] as const) if (form[field].trim() === '') problems[field] = 'required';
  return problems;
}

export function cohortProblems(form: CohortForm): Partial<Record<CohortField, Problem>> {
  const problems: Partial<Record<CohortField, Problem>> = {};
  if (form.trackId === '') problems.trackId = 'required';
  if (form.name.trim() === '') problems.name = 'required';
  if (!isDate(form.startsOn)) problems.startsOn = 'date';
  const sessions = Number(form.sessions);
  if (!/^\d+$/.test(form.sessions.trim()) || sessions < 1 || sessions > MAX_BOOTCAMP_SESSIONS) problems.sessions = 'sessions';
  else if (linesOf(form.topics).length > sessions) problems.topics = 'topics';
  return problems;
}

/** A team has one to twenty participants. */
export function participantsProblem(names: readonly string[]): Problem | null {
  return names.length === 0 || names.length > MAX_TEAM_PARTICIPANTS ? 'participants' : null;
}

/**
 * The form field a refusal of the server names, e.g. `body.name.nl` → `nameNl` or
 * `body.topics.3` → `topics`; null when it names none of the form's fields.
 */
export function formFieldOf<F extends string>(field: string | undefined, fields: Readonly<Record<string, F>>): F | null {
  if (!field?.startsWith('body.')) return null;
  const path = field.slice('body.'.length);
  return fields[path] ?? fields[path.split('.')[0]!] ?? null;
}

export const trackFieldsOfBody: Readonly<Record<string, TrackField>> = {
  'name.nl': 'nameNl',
  'name.en': 'nameEn',
  'description.nl': 'descriptionNl',
  'description.en': 'descriptionEn',
  trainingId: 'trainingId',
};

export const cohortFieldsOfBody: Readonly<Record<string, CohortField>> = { trackId: 'trackId', name: 'name', startsOn: 'startsOn', sessions: 'sessions', topics: 'topics' };
