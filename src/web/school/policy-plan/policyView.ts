import type { Front } from '../../../shared/platform/fronts';
import { type ActionStatus, MAX_PLAN_YEARS, periodProblem, schoolYearAfter, schoolYearOf } from '../../../shared/school/policy-plan/policy-plan-rules';
import type { ActionInput, ActionUpdate, PolicyAction } from './types';

/**
 * The policy plan page's pure parts: filters, the period a new plan proposes, and the action
 * form (state ↔ request, problems per field), so they are tested without a browser.
 */

export interface ActionFilter {
  status: ActionStatus | '';
  front: Front | '';
}

export function filterActions(actions: readonly PolicyAction[], filter: ActionFilter): PolicyAction[] {
  return actions.filter((a) => (filter.status === '' || a.status === filter.status) && (filter.front === '' || a.front === filter.front));
}

/** A new plan proposes this school year and the two after it: our own default, which the school changes at will. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const from = schoolYearOf(today);
  return { from, to: schoolYearAfter(from, 2) };
}

/** School years to choose from: a few before `today`'s and up to the longest plan after it. */
export function schoolYearChoices(today: string, include: ReadonlyArray<string | null> = []): string[] {
  const current = schoolYearOf(today);
  const years = new Set(Array.from({ length: MAX_PLAN_YEARS + 3 }, (_, i) => schoolYearAfter(current, i - 2)));
  for (const year of include) if (year) years.add(year);
  return [...years].sort();
}

export type PeriodProblem = 'order' | null;

/** The same rule as the server's: the period runs forwards and spans at most MAX_PLAN_YEARS. */
export function periodFormProblem(from: string, to: string): PeriodProblem {
  return periodProblem(from, to) === null ? null : 'order';
}

// ---------------------------------------------------------------- the action form

/** `area:2`, `competence:2.3`, `` (nothing in particular) or `keep` (an instrument target the form cannot name). */
export type TargetChoice = string;

export interface ActionForm {
  title: string;
  description: string;
  ownerKind: 'none' | 'member' | 'name';
  ownerUserId: string;
  ownerName: string;
  deadline: string;
  status: ActionStatus;
  front: Front | '';
  target: TargetChoice;
  goalId: string;
}

export type ActionField = 'title' | 'description' | 'owner' | 'ownerName' | 'deadline' | 'status' | 'front' | 'target' | 'goalId';

export function formOfAction(action?: PolicyAction): ActionForm {
  const owner = action?.owner ?? null;
  return {
    title: action?.title ?? '',
    description: action?.description ?? '',
    ownerKind: owner === null ? 'none' : owner.kind,
    ownerUserId: owner?.kind === 'member' ? owner.userId : '',
    ownerName: owner?.kind === 'name' ? owner.name : '',
    deadline: action?.deadline ?? '',
    status: action?.status ?? 'planned',
    front: action?.front ?? '',
    target: targetChoiceOf(action?.target ?? null),
    goalId: action?.goalId ?? '',
  };
}

export function targetChoiceOf(target: PolicyAction['target']): TargetChoice {
  if (target === null) return '';
  if (target.kind === 'digcompedu_area') return `area:${target.code}`;
  if (target.kind === 'digcompedu_competence') return `competence:${target.code}`;
  return 'keep';
}

function targetOfChoice(choice: TargetChoice): ActionInput['target'] {
  if (choice === '') return null;
  const [kind, code] = [choice.slice(0, choice.indexOf(':')), choice.slice(choice.indexOf(':') + 1)];
  return { kind: kind === 'area' ? 'digcompedu_area' : 'digcompedu_competence', code };
}

/** What is missing or wrong, per field, before anything is sent. */
export function actionFormProblems(form: ActionForm): Partial<Record<ActionField, 'required' | 'date'>> {
  const problems: Partial<Record<ActionField, 'required' | 'date'>> = {};
  if (!form.title.trim()) problems.title = 'required';
  if (form.ownerKind === 'member' && !form.ownerUserId) problems.owner = 'required';
  if (form.ownerKind === 'name' && !form.ownerName.trim()) problems.ownerName = 'required';
  if (form.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(form.deadline)) problems.deadline = 'date';
  if (!form.front) problems.front = 'required';
  return problems;
}

/** The request body of a checked form; an instrument target the form could not show stays as it is. */
export function actionInputOf(form: ActionForm): ActionInput & ActionUpdate {
  const owner =
    form.ownerKind === 'member' ? { kind: 'member' as const, userId: form.ownerUserId } : form.ownerKind === 'name' ? { kind: 'name' as const, name: form.ownerName.trim() } : null;
  return {
    title: form.title.trim(),
    description: form.description.trim() || null,
    owner,
    deadline: form.deadline || null,
    status: form.status,
    front: form.front as Front,
    ...(form.target === 'keep' ? {} : { target: targetOfChoice(form.target) }),
    goalId: form.goalId || null,
  };
}

/** The form field a server problem names (`body.owner.userId` → owner), or undefined for one the form has no field for. */
export function actionFieldOf(serverField: string | undefined): ActionField | undefined {
  if (serverField === 'body.owner.name') return 'ownerName';
  const name = serverField?.replace(/^body\./, '').split('.')[0];
  const fields: Record<string, ActionField> = {
    title: 'title',
    description: 'description',
    owner: 'owner',
    deadline: 'deadline',
    status: 'status',
    front: 'front',
    target: 'target',
    goalId: 'goalId',
  };
  return name === undefined ? undefined : fields[name];
}
