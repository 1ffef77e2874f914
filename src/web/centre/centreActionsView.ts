import type { CentreActionDto, CentreActionInput } from '../../shared/centre/actions';
import { type CentreActionStatus, type CentreProgramme, type Spearhead, spearheads } from '../../shared/centre/actions-rules';
import { parseEuroInput } from '../../shared/i18n/format';
import type { Front } from '../../shared/platform/fronts';

/** The action form as typed: text fields as strings, the budget as the euro amount typed (`1.250.000` or `1250000,50`). */
export interface CentreActionForm {
  title: string;
  front: Front | '';
  spearhead: Spearhead;
  goal: string;
  owner: string;
  budget: string;
  startDate: string;
  endDate: string;
  status: CentreActionStatus;
  indicators: string[];
  programme: CentreProgramme | '';
  reachSchools: string;
  reachTeachers: string;
}

export type CentreActionField = keyof CentreActionForm;

const date = /^\d{4}-\d{2}-\d{2}$/;
const wholeNumber = /^\d{1,7}$/;

/** The form of an action to change, or an empty one. */
export function formOfCentreAction(action?: CentreActionDto, budgetText: (cents: number) => string = (cents) => String(cents / 100)): CentreActionForm {
  return {
    title: action?.title ?? '',
    front: action?.front ?? '',
    spearhead: action?.spearhead ?? spearheads[2],
    goal: action?.goal ?? '',
    owner: action?.owner ?? '',
    budget: action?.budgetCents == null ? '' : budgetText(action.budgetCents),
    startDate: action?.startDate ?? '',
    endDate: action?.endDate ?? '',
    status: action?.status ?? 'planned',
    indicators: action?.indicators.map((indicator) => indicator.key) ?? [],
    programme: action?.programme ?? '',
    reachSchools: action?.reachEntered ? String(action.reachEntered.schools) : '',
    reachTeachers: action?.reachEntered ? String(action.reachEntered.teachers) : '',
  };
}

/** What the browser can tell before sending: required fields, dates, the euro amount, whole counts, and the period's order. */
export function centreActionProblems(form: CentreActionForm): Partial<Record<CentreActionField, 'required' | 'date' | 'amount' | 'count' | 'order'>> {
  const problems: Partial<Record<CentreActionField, 'required' | 'date' | 'amount' | 'count' | 'order'>> = {};
  if (form.title.trim() === '') problems.title = 'required';
  if (form.front === '') problems.front = 'required';
  if (form.owner.trim() === '') problems.owner = 'required';
  if (!date.test(form.startDate)) problems.startDate = form.startDate === '' ? 'required' : 'date';
  if (form.endDate !== '' && !date.test(form.endDate)) problems.endDate = 'date';
  else if (form.endDate !== '' && !problems.startDate && form.endDate < form.startDate) problems.endDate = 'order';
  if (form.budget.trim() !== '' && parseEuroInput(form.budget) === null) problems.budget = 'amount';
  if (form.reachSchools !== '' && !wholeNumber.test(form.reachSchools)) problems.reachSchools = 'count';
  if (form.reachTeachers !== '' && !wholeNumber.test(form.reachTeachers)) problems.reachTeachers = 'count';
  return problems;
}

/** The request body of a form without problems; reach entered counts only when both figures are given. */
export function centreActionInputOf(form: CentreActionForm): CentreActionInput {
  const entered = form.reachSchools !== '' && form.reachTeachers !== '';
  return {
    title: form.title.trim(),
    front: form.front as Front,
    spearhead: form.spearhead,
    goal: form.goal.trim(),
    owner: form.owner.trim(),
    budgetCents: form.budget.trim() === '' ? null : parseEuroInput(form.budget),
    startDate: form.startDate,
    endDate: form.endDate === '' ? null : form.endDate,
    status: form.status,
    indicators: form.indicators,
    programme: form.programme === '' ? null : form.programme,
    reachEntered: entered ? { schools: Number(form.reachSchools), teachers: Number(form.reachTeachers) } : null,
  };
}

/** The form field a refusal of the server names (`body.endDate`, `body.indicators.1`), if the form has it. */
export function centreActionFieldOf(field: string | undefined): CentreActionField | undefined {
  const name = field?.replace(/^body\./, '').split('.')[0];
  const map: Record<string, CentreActionField> = { budgetCents: 'budget', reachEntered: 'reachSchools' };
  const known: readonly string[] = ['title', 'front', 'spearhead', 'goal', 'owner', 'startDate', 'endDate', 'status', 'indicators', 'programme'];
  if (name === undefined) return undefined;
  return map[name] ?? (known.includes(name) ? (name as CentreActionField) : undefined);
}
