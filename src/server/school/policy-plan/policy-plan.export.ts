import { toCsv } from '../../../shared/csv';
import en from '../../../shared/i18n/en.json';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import nl from '../../../shared/i18n/nl.json';
import { type ActionDto, type GoalDto, type PolicyPlanDto, targetText } from '../../../shared/school/policy-plan/policy-plan';
import { stemFigureText } from '../../../shared/school/policy-plan/stem-figure';
import { type XlsxColumn, type XlsxValue, xlsxWorkbook } from '../../platform/export/xlsx';

/**
 * The ICT policy plan as downloads: an XLSX with a sheet for the vision, the goals and the
 * actions, and a CSV (semicolons, UTF-8 with BOM) holding the same lines one after another
 * under one header, the part each line belongs to in the first column. Words and headers are
 * the interface's own (i18n `policyPlan`, `fronts`), so the files read like the page.
 */
export type PlanLanguage = 'nl' | 'en';

const messages = { nl, en };

function wordsOf(language: PlanLanguage) {
  const m = messages[language];
  return { ...m.policyPlan.export, terms: m.policyPlan.term, statuses: m.policyPlan.status, sources: m.policyPlan.sourceKind, fronts: m.fronts };
}

interface PlanTable {
  name: string;
  columns: XlsxColumn[];
  rows: XlsxValue[][];
}

const text = (header: string, width = 16): XlsxColumn => ({ header, kind: 'text', width });

function cellsOfAction(plan: PolicyPlanDto, action: ActionDto, language: PlanLanguage) {
  const w = wordsOf(language);
  const goal = plan.goals.find((g) => g.id === action.goalId);
  return {
    front: w.fronts[action.front],
    title: action.title,
    details: action.description,
    owner: action.owner?.name ?? null,
    deadline: action.deadline === null ? null : formatDate(action.deadline, language),
    status: w.statuses[action.status],
    overdue: action.overdue ? w.yes : w.no,
    goal: goal?.text ?? null,
    target: action.target === null ? null : targetText(action.target, language),
    source: action.source === null ? null : w.sources[action.source.kind],
  };
}

/** The goal's STEM indicator with its latest values: `STEM-leerlingen …: Antwerpen 36,4% · Vlaanderen 35,1% (2023-2024)`. */
function stemCell(goal: GoalDto, language: PlanLanguage): string | null {
  const figure = goal.stemFigure;
  if (figure === null) return null;
  const m = messages[language];
  const words = { ...m.policyPlan.stem, province: (key: string) => (m.codes.province as Record<string, string>)[key] ?? key };
  return `${figure.name[language]}: ${stemFigureText(figure, language, words)}`;
}

const period = (plan: PolicyPlanDto) => (plan.periodFrom === null ? null : `${plan.periodFrom} – ${plan.periodTo}`);

/** The three tables of the plan, in reading order. */
function planTables(plan: PolicyPlanDto, language: PlanLanguage): PlanTable[] {
  const w = wordsOf(language);
  return [
    {
      name: w.sheetVision,
      columns: [text(w.period, 24), text(w.vision, 80), text(w.updated, 18), text(w.updatedBy, 24)],
      rows: [[period(plan), plan.vision, plan.updatedAt === null ? null : formatDateTime(plan.updatedAt, language), plan.updatedBy?.name ?? null]],
    },
    {
      name: w.sheetGoals,
      columns: [text(w.term), text(w.goal, 60), text(w.successCriterion, 60), text(w.stem, 60)],
      rows: plan.goals.map((goal) => [w.terms[goal.term], goal.text, goal.successCriterion, stemCell(goal, language)]),
    },
    {
      name: w.sheetActions,
      columns: [
        text(w.title, 40),
        text(w.details, 50),
        text(w.front, 24),
        text(w.goal, 40),
        text(w.owner, 24),
        text(w.deadline, 12),
        text(w.status, 14),
        text(w.overdue, 12),
        text(w.target, 36),
        text(w.source, 18),
      ],
      rows: plan.actions.map((action) => {
        const c = cellsOfAction(plan, action, language);
        return [c.title, c.details, c.front, c.goal, c.owner, c.deadline, c.status, c.overdue, c.target, c.source];
      }),
    },
  ];
}

export function policyPlanXlsx(plan: PolicyPlanDto, language: PlanLanguage = 'nl'): Promise<Buffer> {
  return xlsxWorkbook(planTables(plan, language));
}

/** One header for every line: the part (vision, goal, action), then the columns that part fills. */
export function policyPlanCsv(plan: PolicyPlanDto, language: PlanLanguage = 'nl'): string {
  const w = wordsOf(language);
  const header = [w.part, w.term, w.front, w.title, w.details, w.owner, w.deadline, w.status, w.overdue, w.goal, w.target, w.source, w.stem];
  const rows: Array<Array<string | null>> = [[w.partVision, period(plan), null, plan.vision, null, null, null, null, null, null, null, null, null]];
  for (const goal of plan.goals)
    rows.push([w.partGoal, w.terms[goal.term], null, goal.text, goal.successCriterion, null, null, null, null, null, null, null, stemCell(goal, language)]);
  for (const action of plan.actions) {
    const c = cellsOfAction(plan, action, language);
    rows.push([w.partAction, null, c.front, c.title, c.details, c.owner, c.deadline, c.status, c.overdue, c.goal, c.target, c.source, null]);
  }
  return toCsv(header, rows);
}

/** The download's name, the same for CSV and XLSX but for the extension. */
export const policyPlanFileName = (plan: PolicyPlanDto, language: PlanLanguage, extension: 'csv' | 'xlsx') => `${wordsOf(language).fileName}-${plan.today}.${extension}`;
