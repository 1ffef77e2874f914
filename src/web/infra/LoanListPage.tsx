import { type FormEvent, useState } from 'react';
import { formatDate, parseEuroInput } from '../../shared/i18n/format';
import type { LoanDto } from '../../shared/infra/loan-api';
import { loanEndpoints } from '../../shared/infra/loan-endpoints';
import { type BorrowerIdentification, type BorrowerKind, borrowerKinds } from '../../shared/infra/loans';
import { schoolEndpoints } from '../../shared/school/endpoints';
import { endpointHref } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { FormField } from '../school/FormField';
import { SchoolNav } from '../school/SchoolNav';
import { formatCents } from '../school/training-budget/trainingBudgetView';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { IdentifiedByField } from './IdentifiedByField';
import { bulkLoanPath, bulkReturnPath, ictParkPath, loanAgreementPath, loansPath } from './infraPaths';
import { LoanProblems } from './LoanProblems';

const statusFilters = ['open', 'not_returned', 'returned', 'all'] as const;
type StatusFilter = (typeof statusFilters)[number];

/** The school's loans: open, not returned, returned or all, of one class or every one; the bulk pages, the export and a single loan. */
export function LoanListPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const address = useLocation().query;
  const status = (statusFilters as readonly string[]).includes(address.get('status') ?? '') ? (address.get('status') as StatusFilter) : 'open';
  const className = address.get('className') ?? '';
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const list = useEndpointQuery(loanEndpoints.listLoans, { params: { schoolId }, query: { status, ...(className ? { className } : {}) } });

  if ((school.loading && !school.data) || (list.loading && !list.data && !list.error)) return <Loading />;
  const failure = school.error ?? list.error;
  if (failure || !school.data || !list.data) {
    return (
      <NarrowPage title={t('loans.nav')}>
        <SchoolNav schoolId={schoolId} />
        {failure && <ErrorAlert error={failure} onRetry={school.error ? school.reload : list.reload} />}
      </NarrowPage>
    );
  }
  const { items, classes, canManage } = list.data;
  const title = t('loans.title', { school: school.data.name });
  return (
    <section className="page ictpark-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="no-print">
        <Link href={ictParkPath(schoolId)}>{t('infra.backToList')}</Link>
      </p>
      <p className="lead">{t('loans.intro')}</p>
      {!canManage && <p className="alert alert-info">{t('loans.readOnly')}</p>}
      <div className="actions actions-tight no-print">
        {canManage && (
          <>
            <Link className="button button-primary" href={bulkLoanPath(schoolId)}>
              {t('loans.bulkLink')}
            </Link>
            <Link className="button button-secondary" href={bulkReturnPath(schoolId)}>
              {t('loans.returnLink')}
            </Link>
          </>
        )}
        <a className="button button-secondary" href={endpointHref(loanEndpoints.exportUnreturnedLoans, { params: { schoolId } })} download>
          {t('loans.exportUnreturned')}
        </a>
      </div>
      <Filters key={`${status}|${className}`} schoolId={schoolId} status={status} className={className} classes={classes} />
      <p role="status" data-testid="loan-count">
        {t('loans.count', { count: items.length })}
      </p>
      {items.length > 0 && <LoanTable schoolId={schoolId} items={items} />}
      {canManage && <SingleLoan schoolId={schoolId} onLent={list.reload} />}
    </section>
  );
}

function Filters({ schoolId, status, className, classes }: { schoolId: string; status: StatusFilter; className: string; classes: readonly string[] }) {
  const { t } = useI18n();
  const [chosenStatus, setStatus] = useState(status);
  const [chosenClass, setClass] = useState(className);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams({ status: chosenStatus, ...(chosenClass ? { className: chosenClass } : {}) });
    navigate(`${loansPath(schoolId)}?${query}`);
  };
  return (
    <form className="filters no-print" onSubmit={apply} aria-label={t('loans.filtersTitle')}>
      <FormField id="loan-status" label={t('loans.status')}>
        {(control) => (
          <select {...control} value={chosenStatus} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
            {statusFilters.map((code) => (
              <option key={code} value={code}>
                {t(`loans.filters.${code}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="loan-class" label={t('loans.className')}>
        {(control) => (
          <select {...control} value={chosenClass} onChange={(event) => setClass(event.target.value)}>
            <option value="">{t('loans.everyClass')}</option>
            {classes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit" className="button button-secondary">
        {t('infra.apply')}
      </button>
    </form>
  );
}

function LoanTable({ schoolId, items }: { schoolId: string; items: readonly LoanDto[] }) {
  const { t, locale } = useI18n();
  const day = (value: string | null) => (value ? formatDate(value, locale) : '—');
  const euro = (cents: number | null) => (cents === null ? '—' : formatCents(cents, locale));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('loans.tableCaption')}>
      <table className="data-table" data-testid="loan-table">
        <caption className="visually-hidden">{t('loans.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('infra.assetTag')}</th>
            <th scope="col">{t('loans.borrower')}</th>
            <th scope="col">{t('loans.className')}</th>
            <th scope="col">{t('loans.lentOn')}</th>
            <th scope="col">{t('loans.dueOn')}</th>
            <th scope="col">{t('loans.deposit')}</th>
            <th scope="col">{t('loans.contribution')}</th>
            <th scope="col">{t('loans.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((loan) => (
            <tr key={loan.id}>
              <td>
                <Link href={loanAgreementPath(schoolId, loan.id)}>{loan.device.assetTag}</Link>
              </td>
              <td>
                {loan.borrower} <span className="field-hint">({t(`loans.kinds.${loan.borrowerKind}`)})</span>
              </td>
              <td>{loan.className ?? '—'}</td>
              <td>{day(loan.lentOn)}</td>
              <td>{day(loan.dueOn)}</td>
              <td>{euro(loan.depositCents)}</td>
              <td>{euro(loan.contributionCents)}</td>
              <td>{loan.returnedOn ? t('loans.returnedOn', { day: day(loan.returnedOn) }) : t(`loans.statuses.${loan.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One device to one pupil or staff member, with its due date and the amounts the school asks. */
function SingleLoan({ schoolId, onLent }: { schoolId: string; onLent(): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<BorrowerKind>('staff');
  const [identifiedBy, setIdentifiedBy] = useState<BorrowerIdentification>('name');
  const [borrower, setBorrower] = useState('');
  // A staff loan is bound to a team member's account, or lent under a name (someone not on the team).
  const [memberId, setMemberId] = useState('');
  const team = useEndpointQuery(schoolEndpoints.listSchoolMembers, { params: { schoolId } });
  const bound = kind === 'staff' && memberId !== '';
  const [assetTag, setAssetTag] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [deposit, setDeposit] = useState('');
  const [contribution, setContribution] = useState('');
  const [amountProblem, setAmountProblem] = useState(false);
  const createLoan = useEndpointMutation(loanEndpoints.createLoan, { invalidates: ['listLoans', 'listDevices', 'getDevice'] });
  const submit = useSubmit(async () => {
    const { loan } = await createLoan({
      params: { schoolId },
      body: {
        borrowerKind: kind,
        identifiedBy,
        ...(bound ? { borrowerUserId: memberId } : { borrower }),
        assetTag,
        dueOn,
        depositCents: parseEuroInput(deposit),
        contributionCents: parseEuroInput(contribution),
      },
    });
    onLent();
    navigate(loanAgreementPath(schoolId, loan.id));
  });
  const lend = (event: FormEvent) => {
    event.preventDefault();
    const bad = [deposit, contribution].some((text) => text.trim() !== '' && parseEuroInput(text) === null);
    setAmountProblem(bad);
    if (!bad) void submit.run();
  };
  return (
    <section className="card no-print" aria-labelledby="single-loan-title">
      <h2 id="single-loan-title">{t('loans.singleTitle')}</h2>
      <form onSubmit={lend} noValidate>
        <FormField id="single-kind" label={t('loans.borrowerKind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(event.target.value as BorrowerKind)}>
              {borrowerKinds.map((code) => (
                <option key={code} value={code}>
                  {t(`loans.kinds.${code}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {kind === 'staff' && (
          <FormField id="single-member" label={t('loans.teamMember')} hint={t('loans.teamMemberHint')}>
            {(control) => (
              <select {...control} value={memberId} onChange={(event) => setMemberId(event.target.value)}>
                <option value="">{t('loans.notOnTeam')}</option>
                {team.data?.items.map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.name} ({member.email})
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {!bound && (
          <>
            <IdentifiedByField id="single-identified-by" value={identifiedBy} onChange={setIdentifiedBy} />
            <FormField id="single-borrower" label={t('loans.borrower')}>
              {(control) => <input {...control} value={borrower} onChange={(event) => setBorrower(event.target.value)} />}
            </FormField>
          </>
        )}
        <FormField id="single-tag" label={t('infra.assetTag')}>
          {(control) => <input {...control} value={assetTag} onChange={(event) => setAssetTag(event.target.value)} />}
        </FormField>
        <FormField id="single-due" label={t('loans.dueOn')}>
          {(control) => <input {...control} type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />}
        </FormField>
        <FormField id="single-deposit" label={t('loans.depositField')} hint={t('infra.priceHint')} optional problem={amountProblem ? t('infra.invalidAmount') : undefined}>
          {(control) => <input {...control} inputMode="decimal" value={deposit} onChange={(event) => setDeposit(event.target.value)} />}
        </FormField>
        <FormField id="single-contribution" label={t('loans.contributionField')} optional problem={amountProblem ? t('infra.invalidAmount') : undefined}>
          {(control) => <input {...control} inputMode="decimal" value={contribution} onChange={(event) => setContribution(event.target.value)} />}
        </FormField>
        {submit.failure && (submit.failure.id === 'loans_rejected' ? <LoanProblems error={submit.failure} tags={[assetTag]} /> : <ErrorAlert error={submit.failure} />)}
        <button type="submit" className="button button-primary" disabled={submit.busy}>
          {t('loans.lendOne')}
        </button>
      </form>
    </section>
  );
}
