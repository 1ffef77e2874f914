import { type Front, fronts } from '../../platform/fronts';

/**
 * The pure rules of the ICT policy plan (see policy-plan.ts for the contracts): school years,
 * overdue actions, the summary per front and status, and the order lists are shown in. No
 * Zod and no I/O, so the server, the exports, the browser and the tests share them.
 */

export const goalTerms = ['short', 'medium', 'long'] as const;
export type GoalTerm = (typeof goalTerms)[number];

export const actionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** Statuses of work still to do: only these can be overdue. */
export const openStatuses: readonly ActionStatus[] = ['planned', 'in_progress'];

export const VISION_MAX = 10_000;
/** A plan covers at most this many school years: our own limit, room for long-term goals without an open end. */
export const MAX_PLAN_YEARS = 6;

/** The school year a day (YYYY-MM-DD) falls in; a school year starts on 1 September. `2026-08-31` → `2025-2026`. */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '09-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The school year `offset` years after `year` (`2025-2026`, 2 → `2027-2028`). */
export function schoolYearAfter(year: string, offset: number): string {
  const start = Number(year.slice(0, 4)) + offset;
  return `${start}-${start + 1}`;
}

/** How many school years a period spans, both ends included (0 or less when it runs backwards). */
export function schoolYearsSpanned(from: string, to: string): number {
  return Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1;
}

/** What is wrong with a plan period, or null: it must run forwards and span at most MAX_PLAN_YEARS. */
export function periodProblem(from: string, to: string): string | null {
  const years = schoolYearsSpanned(from, to);
  if (years < 1) return 'the period must end in or after the school year it starts in';
  if (years > MAX_PLAN_YEARS) return `a plan spans at most ${MAX_PLAN_YEARS} school years`;
  return null;
}

/** Open, with a deadline before today. An action due today is not overdue yet. */
export function isOverdue(action: { status: ActionStatus; deadline: string | null }, today: string): boolean {
  return action.deadline !== null && action.deadline < today && openStatuses.includes(action.status);
}

export interface StatusTally {
  total: number;
  byStatus: Record<ActionStatus, number>;
  overdue: number;
}

export interface PlanSummary {
  fronts: Array<StatusTally & { front: Front }>;
  total: StatusTally;
  withoutOwner: number;
  withoutDeadline: number;
}

type SummaryInput = { status: ActionStatus; deadline: string | null; front: Front; owner: unknown };

function tally(actions: readonly SummaryInput[], today: string): StatusTally {
  const byStatus = Object.fromEntries(actionStatuses.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const action of actions) byStatus[action.status] += 1;
  return { total: actions.length, byStatus, overdue: actions.filter((a) => isOverdue(a, today)).length };
}

/** The plan at a glance: per front and overall, actions per status and overdue; open actions lacking an owner or deadline. */
export function planSummary(actions: readonly SummaryInput[], today: string): PlanSummary {
  const open = actions.filter((a) => openStatuses.includes(a.status));
  return {
    fronts: fronts.map((front) => ({
      front,
      ...tally(
        actions.filter((a) => a.front === front),
        today,
      ),
    })),
    total: tally(actions, today),
    withoutOwner: open.filter((a) => a.owner === null).length,
    withoutDeadline: open.filter((a) => a.deadline === null).length,
  };
}

/** Soonest deadline first, no deadline last; then oldest first, so the order is stable. */
export function compareActions(a: { deadline: string | null; createdAt: string; id: string }, b: { deadline: string | null; createdAt: string; id: string }): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Goals short term first, then medium and long; oldest first within a term. */
export function compareGoals(a: { term: GoalTerm; createdAt: string; id: string }, b: { term: GoalTerm; createdAt: string; id: string }): number {
  return goalTerms.indexOf(a.term) - goalTerms.indexOf(b.term) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Items grouped by a key, in the order of `keys`, every key present (possibly empty): goals by term, actions by front. */
export function groupBy<T, K extends string>(items: readonly T[], keys: readonly K[], keyOf: (item: T) => K): Array<{ key: K; items: T[] }> {
  return keys.map((key) => ({ key, items: items.filter((item) => keyOf(item) === key) }));
}

/** What an action serves, as a reader sees it: `2. Digital Resources`, `2.3 Managing…`, or an instrument's section or item name. */
export function targetText(target: { kind: string; code: string; label: { nl: string; en: string } }, language: 'nl' | 'en'): string {
  const label = target.label[language];
  if (target.kind === 'digcompedu_area') return `${target.code}. ${label}`;
  if (target.kind === 'digcompedu_competence') return `${target.code} ${label}`;
  return label;
}
