import { type FormEvent, useState } from 'react';
import { formatDate } from '../../../shared/i18n/format';
import { grants } from '../../../shared/platform/capabilities';
import { schoolEndpoints } from '../../../shared/school/endpoints';
import { trainingBudgetEndpoints } from '../../../shared/school/training-budget/endpoints';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FactList } from '../../components/FactList';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { navigate, useLocation } from '../../router';
import { useEndpointQuery } from '../../serverState';
import { FormField, focusFirstProblem } from '../FormField';
import { SchoolNav } from '../SchoolNav';
import { budgetPath } from '../schoolAccess';
import type { BudgetSettingsInput, SchoolBudget } from '../types';
import { centsToInput, formatCents, parseEuroInput, parseWholeNumber } from './trainingBudgetView';

/** `?jaar=2027` → 2027; anything else → the server's default (this year). */
function yearOf(query: URLSearchParams): number | undefined {
  const year = Number(query.get('jaar'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

/** The school's ICT training budget: what there is, what is planned and spent, what is left; leadership changes the amounts. */
export function TrainingBudgetPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const year = yearOf(useLocation().query);
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const budget = useEndpointQuery(trainingBudgetEndpoints.getSchoolBudget, { params: { schoolId }, query: { year } });

  if ((school.loading && !school.data) || (budget.loading && !budget.data && !budget.error)) return <Loading />;
  const failure = school.error ?? budget.error;
  if (failure || !school.data || !budget.data) {
    return (
      <NarrowPage title={t('budget.title')}>
        <SchoolNav schoolId={schoolId} />
        {failure && <ErrorAlert error={failure} onRetry={school.error ? school.reload : budget.reload} />}
      </NarrowPage>
    );
  }
  const canEdit = grants(school.data.myRoles, 'setTrainingBudget');
  const title = t('budget.titleFor', { school: school.data.name });
  return (
    <section className="page budget-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead">{t('budget.intro')}</p>
      <YearPicker schoolId={schoolId} shown={budget.data.summary.year} thisYear={Number(budget.data.summary.asOf.slice(0, 4))} />
      <BudgetSummaryCard budget={budget.data} />
      {canEdit ? <BudgetSettingsForm budget={budget.data} onSaved={budget.setData} /> : <BudgetSettingsFacts budget={budget.data} />}
    </section>
  );
}

function YearPicker({ schoolId, shown, thisYear }: { schoolId: string; shown: number; thisYear: number }) {
  const { t } = useI18n();
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, shown])].sort((a, b) => a - b);
  return (
    <div className="field field-inline no-print">
      <label htmlFor="budget-year">{t('budget.year')}</label>
      <select id="budget-year" value={shown} onChange={(event) => navigate(`${budgetPath(schoolId)}?jaar=${event.target.value}`, { replace: true, keepScroll: true })}>
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </div>
  );
}

function BudgetSummaryCard({ budget }: { budget: SchoolBudget }) {
  const { t, locale } = useI18n();
  const { summary } = budget;
  const money = (cents: number) => formatCents(cents, locale);
  const line = (id: 'digisprong_top_up' | 'regular') => summary.lines.find((l) => l.id === id)!;
  const topUp = line('digisprong_top_up');
  const regular = line('regular');
  const perStaff = (cents: number) => t('budget.perStaff', { amount: money(cents), staff: summary.staff.count });
  const row = (key: string, label: string, detail: string | null, cents: number, className?: string) => (
    <tr key={key} className={className} data-testid={`budget-${key}`}>
      <th scope="row">
        {label}
        {detail && <span className="cell-mean">{detail}</span>}
      </th>
      <td className="numeric">{money(cents)}</td>
    </tr>
  );
  return (
    <section className="card" aria-labelledby="budget-summary-title" data-testid="budget-summary">
      <h2 id="budget-summary-title">{t('budget.summaryTitle', { year: summary.year })}</h2>
      <p className="muted">
        {summary.staff.source === 'override'
          ? t('budget.staffOverride', { count: summary.staff.count, members: summary.staff.members })
          : t('budget.staffMembers', { count: summary.staff.count })}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="budget-summary-title">
        <table className="data-table">
          <caption className="visually-hidden">{t('budget.summaryCaption', { year: summary.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.columnItem')}</th>
              <th scope="col" className="numeric">
                {t('budget.columnAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {row(
              'top-up',
              t('budget.topUp'),
              `${perStaff(topUp.perStaffCents)} · ${
                topUp.available ? t('budget.topUpUntil', { date: formatDate(topUp.endsOn!, locale) }) : t('budget.topUpEnded', { date: formatDate(topUp.endsOn!, locale) })
              }`,
              topUp.amountCents,
            )}
            {row('regular', t('budget.regular'), perStaff(regular.perStaffCents), regular.amountCents)}
            {row('total', t('budget.total'), null, summary.totalCents, 'total-row')}
            {row(
              'planned',
              t('budget.planned'),
              t('budget.plannedDetail', { studyDays: money(summary.planned.studyDaysCents), enrolments: money(summary.planned.enrolmentsCents) }),
              summary.plannedCents,
            )}
            {row(
              'spent',
              t('budget.spent'),
              t('budget.spentDetail', {
                studyDays: money(summary.spent.studyDaysCents),
                enrolments: money(summary.spent.enrolmentsCents),
                completions: money(summary.spent.completionsCents),
              }),
              summary.spentCents,
            )}
            {row('left', t('budget.left'), null, summary.leftCents, 'total-row')}
          </tbody>
        </table>
      </div>
      {summary.overBudget && (
        <p className="alert alert-error" data-testid="budget-over">
          {t('budget.overBudget', { amount: money(-summary.leftCents) })}
        </p>
      )}
      <p className="muted">{t('budget.howCounted')}</p>
    </section>
  );
}

/** The amounts as they are set, for those who may read the budget but not change it. */
function BudgetSettingsFacts({ budget }: { budget: SchoolBudget }) {
  const { t, locale } = useI18n();
  const { settings } = budget;
  const facts: Array<[string, string]> = [
    [t('budget.topUpPerStaff'), formatCents(settings.topUpPerStaffCents, locale)],
    [t('budget.topUpEndsOn'), formatDate(settings.topUpEndsOn, locale)],
    [t('budget.regularPerStaff'), formatCents(settings.regularPerStaffCents, locale)],
    [t('budget.staffCount'), settings.staffCountOverride === null ? t('budget.staffCountMembers') : String(settings.staffCountOverride)],
  ];
  return (
    <section className="card" aria-labelledby="budget-settings-title" data-testid="budget-settings-facts">
      <h2 id="budget-settings-title">{t('budget.settingsTitle')}</h2>
      <p className="muted">{t('budget.settingsReadOnly')}</p>
      <FactList facts={facts} />
    </section>
  );
}

type SettingsField = 'topUpPerStaff' | 'topUpEndsOn' | 'regularPerStaff' | 'staffCount';

function BudgetSettingsForm({ budget, onSaved }: { budget: SchoolBudget; onSaved(budget: SchoolBudget): void }) {
  const { t } = useI18n();
  const { settings } = budget;
  const [values, setValues] = useState<Record<SettingsField, string>>({
    topUpPerStaff: centsToInput(settings.topUpPerStaffCents),
    topUpEndsOn: settings.topUpEndsOn,
    regularPerStaff: centsToInput(settings.regularPerStaffCents),
    staffCount: settings.staffCountOverride === null ? '' : String(settings.staffCountOverride),
  });
  const [problems, setProblems] = useState<Partial<Record<SettingsField, string>>>({});
  const [saved, setSaved] = useState(false);
  const { run, busy, failure, clearFailure } = useSubmit(async (body: BudgetSettingsInput) => {
    onSaved(await call(trainingBudgetEndpoints.setBudgetSettings, { params: { schoolId: budget.schoolId }, body }));
    setSaved(true);
  });
  const set = (field: SettingsField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  /** The body to send, or the problems of the fields that do not read. */
  const read = (): { body?: BudgetSettingsInput; found: Partial<Record<SettingsField, string>> } => {
    const topUp = parseEuroInput(values.topUpPerStaff);
    const regular = parseEuroInput(values.regularPerStaff);
    const staff = values.staffCount.trim() === '' ? null : parseWholeNumber(values.staffCount);
    const found: Partial<Record<SettingsField, string>> = {};
    if (topUp === null) found.topUpPerStaff = t('budget.amountProblem');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.topUpEndsOn)) found.topUpEndsOn = t('budget.dateProblem');
    if (regular === null) found.regularPerStaff = t('budget.amountProblem');
    if (staff === null && values.staffCount.trim() !== '') found.staffCount = t('budget.staffCountProblem');
    if (Object.keys(found).length > 0) return { found };
    return { found, body: { topUpPerStaffCents: topUp!, topUpEndsOn: values.topUpEndsOn, regularPerStaffCents: regular!, staffCountOverride: staff } };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    clearFailure();
    const { body, found } = read();
    setProblems(found);
    if (body) await run(body);
    else focusFirstProblem('budget', found);
  };

  const amountInput = (field: SettingsField) => (control: object) => (
    <input {...control} type="text" inputMode="decimal" autoComplete="off" required value={values[field]} onChange={set(field)} />
  );
  return (
    <section className="card" aria-labelledby="budget-settings-title">
      <h2 id="budget-settings-title">{t('budget.settingsTitle')}</h2>
      <p className="muted">{t('budget.settingsIntro')}</p>
      <form className="form" noValidate onSubmit={submit} data-testid="budget-settings-form">
        <div className="form-row">
          <FormField id="budget-topUpPerStaff" label={t('budget.topUpPerStaff')} hint={t('budget.amountHint')} problem={problems.topUpPerStaff}>
            {amountInput('topUpPerStaff')}
          </FormField>
          <FormField id="budget-topUpEndsOn" label={t('budget.topUpEndsOn')} problem={problems.topUpEndsOn}>
            {(control) => <input {...control} type="date" required value={values.topUpEndsOn} onChange={set('topUpEndsOn')} />}
          </FormField>
        </div>
        <div className="form-row">
          <FormField id="budget-regularPerStaff" label={t('budget.regularPerStaff')} hint={t('budget.amountHint')} problem={problems.regularPerStaff}>
            {amountInput('regularPerStaff')}
          </FormField>
          <FormField id="budget-staffCount" label={t('budget.staffCount')} hint={t('budget.staffCountHint')} problem={problems.staffCount} optional>
            {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" value={values.staffCount} onChange={set('staffCount')} />}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('budget.saving') : t('budget.save')}
          </button>
        </div>
        {failure && <ErrorAlert error={failure} title={t('budget.notSaved')} />}
        {saved && (
          <p className="alert alert-success" role="status" data-testid="budget-saved">
            {t('budget.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
