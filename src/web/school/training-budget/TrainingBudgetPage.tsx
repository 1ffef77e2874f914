import { type FormEvent, useState } from 'react';
import { formatDate, formatNumber, parseEuroInput } from '../../../shared/i18n/format';
import { grants } from '../../../shared/platform/capabilities';
import { schoolEndpoints } from '../../../shared/school/endpoints';
import { schoolYearOf } from '../../../shared/school/policy-plan/policy-plan-rules';
import { trainingBudgetEndpoints } from '../../../shared/school/training-budget/endpoints';
import { ENVELOPE_POSTS_MAX } from '../../../shared/school/training-budget/training-funds';
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
import { centsToInput, formatCents, parsePostsInput, parseWholeNumber, postsToInput, schoolYearChoices } from './trainingBudgetView';

/** `?schooljaar=2025-2026` → that school year; anything else → the server's default (the current one). */
function schoolYearOfQuery(query: URLSearchParams): string | undefined {
  const value = query.get('schooljaar') ?? '';
  return /^\d{4}-\d{4}$/.test(value) && Number(value.slice(5)) === Number(value.slice(0, 4)) + 1 ? value : undefined;
}

/** The school's ICT training money: the one-off Digisprong envelope and the regular budget of a school year; leadership enters the counts. */
export function TrainingBudgetPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const schoolYear = schoolYearOfQuery(useLocation().query);
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const budget = useEndpointQuery(trainingBudgetEndpoints.getSchoolBudget, { params: { schoolId }, query: { schoolYear } });

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
      <EnvelopeCard budget={budget.data} />
      <RegularBudgetCard budget={budget.data} schoolId={schoolId} />
      <p className="muted">{t('budget.bothPots')}</p>
      {canEdit ? <BudgetSettingsForm budget={budget.data} onSaved={budget.setData} /> : <BudgetSettingsFacts budget={budget.data} />}
    </section>
  );
}

function SchoolYearPicker({ schoolId, shown, current }: { schoolId: string; shown: string; current: string }) {
  const { t } = useI18n();
  return (
    <div className="field field-inline no-print">
      <label htmlFor="budget-school-year">{t('budget.schoolYear')}</label>
      <select id="budget-school-year" value={shown} onChange={(event) => navigate(`${budgetPath(schoolId)}?schooljaar=${event.target.value}`, { replace: true, keepScroll: true })}>
        {schoolYearChoices(current, shown).map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </div>
  );
}

type Row = { key: string; label: string; detail?: string | null; cents: number; className?: string };

function AmountTable({ id, caption, rows }: { id: string; caption: string; rows: Row[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('budget.columnItem')}</th>
            <th scope="col" className="numeric">
              {t('budget.columnAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.className} data-testid={`${id}-${row.key}`}>
              <th scope="row">
                {row.label}
                {row.detail && <span className="cell-mean">{row.detail}</span>}
              </th>
              <td className="numeric">{formatCents(row.cents, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What planned, spent and left read like in both cards. */
function useRows(use: SchoolBudget['summary'] | SchoolBudget['envelope']): Row[] {
  const { t, locale } = useI18n();
  const money = (cents: number) => formatCents(cents, locale);
  return [
    {
      key: 'planned',
      label: t('budget.planned'),
      detail: t('budget.plannedDetail', { studyDays: money(use.planned.studyDaysCents), enrolments: money(use.planned.enrolmentsCents) }),
      cents: use.plannedCents,
    },
    {
      key: 'spent',
      label: t('budget.spent'),
      detail: t('budget.spentDetail', {
        studyDays: money(use.spent.studyDaysCents),
        enrolments: money(use.spent.enrolmentsCents),
        completions: money(use.spent.completionsCents),
      }),
      cents: use.spentCents,
    },
    { key: 'left', label: t('budget.left'), cents: use.leftCents, className: 'total-row' },
  ];
}

/** The one-off envelope: posts × €120, its two tranches, what ICT trainings inside its window cost, and whether it is closed. */
function EnvelopeCard({ budget }: { budget: SchoolBudget }) {
  const { t, locale } = useI18n();
  const { envelope } = budget;
  const date = (day: string) => formatDate(day, locale);
  const money = (cents: number) => formatCents(cents, locale);
  // Once closed, what is left can no longer be spent: say so rather than "still available".
  const uses = useRows(envelope).map((row) => (row.key === 'left' && envelope.state === 'closed' ? { ...row, label: t('budget.leftUnused') } : row));
  const window = { from: date(envelope.spendFrom), until: date(envelope.spendUntil) };
  return (
    <section className="card" aria-labelledby="budget-envelope-title" data-testid="budget-envelope">
      <h2 id="budget-envelope-title">{t('budget.envelopeTitle')}</h2>
      <p className="muted">{t('budget.envelopeExplained', { amount: money(envelope.perPostCents), countedOn: date(envelope.countedOn), ...window })}</p>
      <p className={envelope.state === 'closed' ? 'alert alert-info' : 'muted'} data-testid="budget-envelope-state">
        {envelope.state === 'closed'
          ? t('budget.envelopeClosed', { until: window.until, left: money(Math.max(0, envelope.leftCents)) })
          : envelope.state === 'open'
            ? t('budget.envelopeOpen', window)
            : t('budget.envelopeNotYetOpen', window)}
      </p>
      {envelope.posts === null && (
        <p className="alert alert-info" data-testid="budget-envelope-no-posts">
          {t('budget.envelopeNoPosts', { countedOn: date(envelope.countedOn) })}
        </p>
      )}
      <AmountTable
        id="budget-envelope"
        caption={t('budget.envelopeCaption', window)}
        rows={[
          {
            key: 'amount',
            label: t('budget.envelopeAmount'),
            detail: envelope.posts === null ? null : t('budget.perPost', { amount: money(envelope.perPostCents), posts: formatNumber(envelope.posts, locale, 2) }),
            cents: envelope.amountCents,
          },
          ...envelope.tranches.map((tranche, index) => ({
            key: `tranche-${index + 1}`,
            label: t('budget.tranche', { number: index + 1, share: tranche.sharePercent }),
            detail: t('budget.trancheBy', { date: date(tranche.paidBy) }),
            cents: tranche.amountCents,
          })),
          ...uses,
        ]}
      />
      {envelope.overBudget && (
        <p className="alert alert-error" data-testid="budget-envelope-over">
          {t('budget.overBudget', { amount: money(-envelope.leftCents) })}
        </p>
      )}
      <p className="muted">
        {t('budget.sourceLabel')}{' '}
        <a href={envelope.source.url} rel="noreferrer">
          {envelope.source.title}
        </a>
      </p>
    </section>
  );
}

/** The regular training budget of one school year, per staff member. */
function RegularBudgetCard({ budget, schoolId }: { budget: SchoolBudget; schoolId: string }) {
  const { t, locale } = useI18n();
  const { summary } = budget;
  const money = (cents: number) => formatCents(cents, locale);
  const uses = useRows(summary);
  return (
    <section className="card" aria-labelledby="budget-summary-title" data-testid="budget-summary">
      <h2 id="budget-summary-title">{t('budget.summaryTitle', { schoolYear: summary.schoolYear })}</h2>
      <SchoolYearPicker schoolId={schoolId} shown={summary.schoolYear} current={schoolYearOf(summary.asOf)} />
      <p className="muted">
        {t('budget.schoolYearRuns', { from: formatDate(summary.from, locale), until: formatDate(summary.until, locale) })}{' '}
        {summary.staff.source === 'override'
          ? t('budget.staffOverride', { count: summary.staff.count, members: summary.staff.members })
          : t('budget.staffMembers', { count: summary.staff.count })}
      </p>
      <AmountTable
        id="budget"
        caption={t('budget.summaryCaption', { schoolYear: summary.schoolYear })}
        rows={[
          { key: 'regular', label: t('budget.regular'), detail: t('budget.perStaff', { amount: money(summary.perStaffCents), staff: summary.staff.count }), cents: summary.totalCents },
          ...uses,
        ]}
      />
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
    [t('budget.envelopePosts'), settings.envelopePosts === null ? t('budget.envelopePostsMissing') : formatNumber(settings.envelopePosts, locale, 2)],
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

type SettingsField = 'envelopePosts' | 'regularPerStaff' | 'staffCount';

function BudgetSettingsForm({ budget, onSaved }: { budget: SchoolBudget; onSaved(budget: SchoolBudget): void }) {
  const { t } = useI18n();
  const { settings } = budget;
  const [values, setValues] = useState<Record<SettingsField, string>>({
    envelopePosts: settings.envelopePosts === null ? '' : postsToInput(settings.envelopePosts),
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
    const posts = values.envelopePosts.trim() === '' ? null : parsePostsInput(values.envelopePosts);
    const regular = parseEuroInput(values.regularPerStaff);
    const staff = values.staffCount.trim() === '' ? null : parseWholeNumber(values.staffCount);
    const found: Partial<Record<SettingsField, string>> = {};
    if ((posts === null && values.envelopePosts.trim() !== '') || (posts !== null && posts > ENVELOPE_POSTS_MAX)) found.envelopePosts = t('budget.envelopePostsProblem');
    if (regular === null) found.regularPerStaff = t('budget.amountProblem');
    if (staff === null && values.staffCount.trim() !== '') found.staffCount = t('budget.staffCountProblem');
    if (Object.keys(found).length > 0) return { found };
    return { found, body: { envelopePosts: posts, regularPerStaffCents: regular!, staffCountOverride: staff } };
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

  return (
    <section className="card" aria-labelledby="budget-settings-title">
      <h2 id="budget-settings-title">{t('budget.settingsTitle')}</h2>
      <p className="muted">{t('budget.settingsIntro')}</p>
      <form className="form" noValidate onSubmit={submit} data-testid="budget-settings-form">
        <FormField id="budget-envelopePosts" label={t('budget.envelopePosts')} hint={t('budget.envelopePostsHint')} problem={problems.envelopePosts} optional>
          {(control) => <input {...control} type="text" inputMode="decimal" autoComplete="off" value={values.envelopePosts} onChange={set('envelopePosts')} />}
        </FormField>
        <div className="form-row">
          <FormField id="budget-regularPerStaff" label={t('budget.regularPerStaff')} hint={t('budget.amountHint')} problem={problems.regularPerStaff}>
            {(control) => <input {...control} type="text" inputMode="decimal" autoComplete="off" required value={values.regularPerStaff} onChange={set('regularPerStaff')} />}
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
