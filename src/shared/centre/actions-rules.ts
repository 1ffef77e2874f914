/**
 * The knowledge centre's register of actions and its IT bootcamp programme: the vocabulary and
 * the pure rules, free of Zod so the browser bundle stays small (the contracts are in actions.ts).
 */

/** Where an action stands. */
export const centreActionStatuses = ['planned', 'running', 'finished', 'stopped'] as const;
export type CentreActionStatus = (typeof centreActionStatuses)[number];

/**
 * The four KD spearheads (DOMAIN.md §1): infrastructure, school policy with the ICT coordinator,
 * competent teachers with learning resources, and the knowledge centre itself.
 */
export const spearheads = ['infrastructure', 'policy', 'competences', 'centre'] as const;
export type Spearhead = (typeof spearheads)[number];

/** The programmes whose participants count as an action's reach. The IT bootcamps are the first. */
export const centreProgrammes = ['it_bootcamps'] as const;
export type CentreProgramme = (typeof centreProgrammes)[number];

/**
 * The share of a cohort's sessions, in percent, a participant attends to complete the bootcamp.
 * Our own choice: the bootcamps' own rule is not published (DOMAIN.md §3 has ~12 weeks only).
 */
export const BOOTCAMP_COMPLETION_PERCENT = 75;

/** The sessions a participant attends to complete: the share of `sessions`, rounded up (integer arithmetic, so 75% of 12 is exactly 9). */
export function requiredSessions(sessions: number, percent = BOOTCAMP_COMPLETION_PERCENT): number {
  return Math.ceil((sessions * percent) / 100);
}

export interface TeamCompletion {
  required: number;
  /** Members who attended at least `required` sessions. */
  membersCompleted: number;
  members: number;
  /** Every member reached the threshold, and the team has members. */
  completed: boolean;
}

/**
 * Completion of a school team: a team completes when each of its members attended at least the
 * required share of the cohort's sessions. A team without members has not completed.
 */
export function teamCompletion(attendedPerMember: readonly number[], sessions: number, percent = BOOTCAMP_COMPLETION_PERCENT): TeamCompletion {
  const required = requiredSessions(sessions, percent);
  const membersCompleted = attendedPerMember.filter((attended) => attended >= required).length;
  return { required, membersCompleted, members: attendedPerMember.length, completed: attendedPerMember.length > 0 && membersCompleted === attendedPerMember.length };
}

export type ReachSource = 'programme' | 'entered' | 'none';

export interface Reach {
  schools: number;
  teachers: number;
  source: ReachSource;
}

/** An action's reach: counted from its programme when it has one, else the figures entered, else none. */
export function actionReach(entered: { schools: number; teachers: number } | null, programme: { schools: number; teachers: number } | null): Reach {
  if (programme) return { ...programme, source: 'programme' };
  if (entered) return { ...entered, source: 'entered' };
  return { schools: 0, teachers: 0, source: 'none' };
}
