import { type FormEvent, useState } from 'react';
import { formatDate } from '../../shared/i18n/format';
import type { LoanDto } from '../../shared/infra/loan-api';
import { loanEndpoints } from '../../shared/infra/loan-endpoints';
import { type ReturnCondition, returnConditions } from '../../shared/infra/loans';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { FormField } from '../school/FormField';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { loansPath } from './infraPaths';
import { LoanProblems } from './LoanProblems';

/** A device coming back: whether it is handed in now, its condition and a note. */
interface ReturnLine {
  back: boolean;
  condition: ReturnCondition;
  note: string;
}

/** The end of the year: a class's open loans, each device handed in with its condition and a note; a damaged one goes to repair. */
export function BulkReturnPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const [className, setClassName] = useState('');
  const all = useEndpointQuery(loanEndpoints.listLoans, { params: { schoolId }, query: { status: 'open' } });
  const open = useEndpointQuery(loanEndpoints.listLoans, { params: { schoolId }, query: { status: 'open', className } }, { enabled: className !== '' });
  const [returned, setReturned] = useState<number | null>(null);

  if (all.loading && !all.data && !all.error) return <Loading />;
  return (
    <NarrowPage title={t('loans.returnTitle')}>
      <SchoolNav schoolId={schoolId} />
      <p className="no-print">
        <Link href={loansPath(schoolId)}>{t('loans.backToLoans')}</Link>
      </p>
      <p>{t('loans.returnIntro')}</p>
      {all.error && <ErrorAlert error={all.error} onRetry={all.reload} />}
      <FormField id="return-class" label={t('loans.className')}>
        {(control) => (
          <select
            {...control}
            value={className}
            onChange={(event) => {
              setClassName(event.target.value);
              setReturned(null);
            }}
          >
            <option value="">{t('loans.chooseClass')}</option>
            {[...new Set((all.data?.items ?? []).flatMap((loan) => (loan.className ? [loan.className] : [])))].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {returned !== null && (
        <p className="alert alert-success" role="status" data-testid="return-result">
          {t('loans.returned', { count: returned })}
        </p>
      )}
      {className !== '' && open.error && <ErrorAlert error={open.error} onRetry={open.reload} />}
      {className !== '' && open.data && (
        <ReturnForm
          key={`${className}-${open.data.items.length}`}
          schoolId={schoolId}
          loans={open.data.items}
          onReturned={(count) => {
            setReturned(count);
            open.reload();
            all.reload();
          }}
        />
      )}
    </NarrowPage>
  );
}

function ReturnForm({ schoolId, loans, onReturned }: { schoolId: string; loans: readonly LoanDto[]; onReturned(count: number): void }) {
  const { t, locale } = useI18n();
  const [lines, setLines] = useState<ReturnLine[]>(() => loans.map(() => ({ back: true, condition: 'good', note: '' })));
  const change = (index: number, patch: Partial<ReturnLine>) => setLines(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const chosen = loans.flatMap((loan, index) => (lines[index].back ? [{ loan, line: lines[index] }] : []));
  const returnDevices = useEndpointMutation(loanEndpoints.returnDevices, { invalidates: ['listLoans', 'listDevices', 'getDevice'] });
  const submit = useSubmit(async () => {
    const report = await returnDevices({
      params: { schoolId },
      body: { returns: chosen.map(({ loan, line }) => ({ assetTag: loan.device.assetTag, condition: line.condition, note: line.note || null })) },
    });
    onReturned(report.items.length);
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length > 0) void submit.run();
  };
  if (loans.length === 0) return <p>{t('loans.nothingOpen')}</p>;
  return (
    <form onSubmit={send} noValidate>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('loans.returnTable')}>
        <table className="data-table" data-testid="return-table">
          <caption className="visually-hidden">{t('loans.returnTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('infra.assetTag')}</th>
              <th scope="col">{t('loans.borrower')}</th>
              <th scope="col">{t('loans.lentOn')}</th>
              <th scope="col">{t('loans.handedIn')}</th>
              <th scope="col">{t('loans.condition')}</th>
              <th scope="col">{t('loans.conditionNote')}</th>
            </tr>
          </thead>
          <tbody>
            {loans.map((loan, index) => (
              <tr key={loan.id}>
                <th scope="row">{loan.device.assetTag}</th>
                <td>{loan.borrower}</td>
                <td>{formatDate(loan.lentOn, locale)}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('loans.handedInOf', { tag: loan.device.assetTag })}
                    checked={lines[index].back}
                    onChange={(event) => change(index, { back: event.target.checked })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('loans.conditionOf', { tag: loan.device.assetTag })}
                    value={lines[index].condition}
                    onChange={(event) => change(index, { condition: event.target.value as ReturnCondition })}
                  >
                    {returnConditions.map((code) => (
                      <option key={code} value={code}>
                        {t(`loans.conditions.${code}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={t('loans.noteOf', { tag: loan.device.assetTag })} value={lines[index].note} onChange={(event) => change(index, { note: event.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {submit.failure &&
        (submit.failure.id === 'loans_rejected' ? (
          <LoanProblems error={submit.failure} tags={chosen.map(({ loan }) => loan.device.assetTag)} />
        ) : (
          <ErrorAlert error={submit.failure} />
        ))}
      <button type="submit" className="button button-primary" disabled={submit.busy || chosen.length === 0}>
        {t('loans.returnAll', { count: chosen.length })}
      </button>
    </form>
  );
}
