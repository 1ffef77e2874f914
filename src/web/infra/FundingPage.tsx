import { type FormEvent, useState } from 'react';
import { formatDate, formatNumber, parseEuroInput } from '../../shared/i18n/format';
import { infraFileEndpoints } from '../../shared/infra/file-endpoints';
import type { FundingSummary } from '../../shared/infra/funding-api';
import { fundingEndpoints } from '../../shared/infra/funding-endpoints';
import { pupilGroups } from '../../shared/infra/pupil-groups';
import { endpointHref } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { countingDays, formatCents, groupsOnDay } from './fundingView';
import { ictParkPath } from './infraPaths';
import { PupilCountImport } from './PupilCountImport';
import { SchemeChoice } from './SchemeChoice';
import { SpendingForm } from './SpendingForm';

/** A school's funding under a scheme: pupil counts, the budget per measure, spent and left before the deadline, the device goal, every spending line with the auditor's checks and its invoices. */
export function FundingPage({ schoolId }: { schoolId: string }) {
  const { t, locale } = useI18n();
  const [scheme, setScheme] = useState('digisprong');
  const summary = useEndpointQuery(fundingEndpoints.getFundingSummary, { params: { schoolId }, query: { scheme } });
  if (summary.loading && !summary.data && !summary.error) return <Loading />;
  if (summary.error || !summary.data) return <NarrowPage title={t('funding.title')}>{summary.error && <ErrorAlert error={summary.error} onRetry={summary.reload} />}</NarrowPage>;
  const data = summary.data;
  const { ledger, deviceGoal } = data;
  return (
    <section className="page ictpark-page">
      <PageHeading title={t('funding.title')}>{t('funding.title')}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="no-print">
        <Link href={ictParkPath(schoolId)}>{t('infra.backToList')}</Link>
      </p>
      <SchemeChoice id="funding-scheme" schemes={data.schemes} value={scheme} onChange={setScheme} />
      <p className="lead">{data.scheme.summary[locale]}</p>
      {!data.scheme.verified && (
        <p className="alert alert-info" data-testid="funding-unverified">
          <strong>{t('funding.unverified')}: </strong>
          {data.scheme.unverifiedNote?.[locale]}
        </p>
      )}
      {!data.canManage && <p className="alert alert-info">{t('funding.readOnly')}</p>}

      <dl className="facts" data-testid="funding-totals">
        <div>
          <dt>{t('funding.budget')}</dt>
          <dd>{formatCents(ledger.budgetCents, locale)}</dd>
        </div>
        <div>
          <dt>{t('funding.spent')}</dt>
          <dd>{formatCents(ledger.spentCents, locale)}</dd>
        </div>
        <div>
          <dt>{data.deadline ? t('funding.leftBefore', { date: formatDate(data.deadline, locale) }) : t('funding.left')}</dt>
          <dd data-testid="funding-left">{formatCents(ledger.leftCents, locale)}</dd>
        </div>
        {ledger.beyondBudgetCents > 0 && (
          <div>
            <dt>{t('funding.beyond')}</dt>
            <dd>{formatCents(ledger.beyondBudgetCents, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('funding.deviceGoal')}</dt>
          <dd data-testid="device-goal">
            {t(deviceGoal.met ? 'funding.goalMet' : 'funding.goalOpen', { bought: formatNumber(deviceGoal.bought, locale), goal: formatNumber(deviceGoal.goal, locale) })}
          </dd>
        </div>
      </dl>
      {data.scheme.remainderToInfrastructureOnceDeviceGoalMet && <p>{t('funding.remainderRule')}</p>}

      <Measures data={data} />
      {data.canManage && countingDays(data.scheme).length > 0 && <CountsForm key={`counts-${data.scheme.id}`} schoolId={schoolId} data={data} />}
      {data.canManage && <PupilCountImport schoolId={schoolId} />}
      {data.canManage && data.scheme.deductions.length > 0 && <TermsForm key={`terms-${data.scheme.id}`} schoolId={schoolId} data={data} />}
      <SpendingLines data={data} />
      {data.canManage && <SpendingForm schoolId={schoolId} data={data} />}

      <h2>{t('funding.sources')}</h2>
      <ul>
        {[data.scheme.source, ...data.scheme.sources].map((source) => (
          <li key={source.url}>
            <a href={source.url} rel="noreferrer">
              {source.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Measures({ data }: { data: FundingSummary }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h2>{t('funding.measures')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('funding.measures')}>
        <table className="data-table" data-testid="measure-table">
          <caption className="visually-hidden">{t('funding.measures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funding.measure')}</th>
              <th scope="col">{t('funding.pupils')}</th>
              <th scope="col">{t('funding.rate')}</th>
              <th scope="col">{t('funding.deducted')}</th>
              <th scope="col">{t('funding.budget')}</th>
            </tr>
          </thead>
          <tbody>
            {data.measures.map((measure) => {
              const name = data.scheme.measures.find((m) => m.code === measure.code)?.name[locale] ?? measure.code;
              return (
                <tr key={measure.code}>
                  <th scope="row">{name}</th>
                  <td>
                    {formatNumber(measure.pupils, locale)}
                    {measure.countingDay && ` (${formatDate(measure.countingDay, locale)})`}
                  </td>
                  <td>{formatCents(measure.centsPerPupil, locale)}</td>
                  <td>{measure.deductedCents > 0 ? formatCents(measure.deductedCents, locale) : ''}</td>
                  <td>{formatCents(measure.budgetCents, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The pupils per group on each counting day of the scheme; a group is asked for on the days of the measures that pay it. */
function CountsForm({ schoolId, data }: { schoolId: string; data: FundingSummary }) {
  const { t, locale } = useI18n();
  const days = countingDays(data.scheme);
  const initial = Object.fromEntries(data.counts.map((count) => [`${count.group} ${count.countingDay}`, String(count.pupils)]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  const setCounts = useEndpointMutation(fundingEndpoints.setPupilCounts, { invalidates: ['getFundingSummary', 'getBoardFundingSummary'] });
  const submit = useSubmit(async () => {
    const counts = Object.entries(values).flatMap(([key, value]) => {
      const [group, countingDay] = key.split(' ');
      return value.trim() === '' ? [] : [{ group: group as (typeof pupilGroups)[number], countingDay, pupils: Number(value) }];
    });
    if (counts.length > 0) await setCounts({ params: { schoolId }, body: { counts } });
    setSaved(true);
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submit.run();
  };
  return (
    <form onSubmit={send} noValidate className="card" data-testid="counts-form">
      <h2>{t('funding.counts')}</h2>
      <p>{t('funding.countsIntro')}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('funding.counts')}>
        <table className="data-table">
          <caption className="visually-hidden">{t('funding.counts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funding.group')}</th>
              {days.map((day) => (
                <th scope="col" key={day}>
                  {formatDate(day, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pupilGroups.map((group) => (
              <tr key={group}>
                <th scope="row">{t(`funding.groups.${group}`)}</th>
                {days.map((day) => {
                  const key = `${group} ${day}`;
                  return (
                    <td key={day}>
                      {groupsOnDay(data.scheme, day).has(group) && (
                        <input
                          type="number"
                          min={0}
                          inputMode="numeric"
                          aria-label={t('funding.countOf', { group: t(`funding.groups.${group}`), day: formatDate(day, locale) })}
                          value={values[key] ?? ''}
                          onChange={(event) => setValues({ ...values, [key]: event.target.value })}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {submit.failure && <ErrorAlert error={submit.failure} />}
      {saved && !submit.failure && (
        <p className="alert alert-success" role="status">
          {t('funding.countsSaved')}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={submit.busy}>
        {t('funding.saveCounts')}
      </button>
    </form>
  );
}

/** Whether the board ran a rent scheme (the later deadline) and the value of the emergency devices received. */
function TermsForm({ schoolId, data }: { schoolId: string; data: FundingSummary }) {
  const { t, locale } = useI18n();
  const [rentScheme, setRentScheme] = useState(data.terms.rentScheme);
  const [bases, setBases] = useState<Record<string, string>>(() =>
    Object.fromEntries(data.scheme.deductions.map((d) => [d.code, data.terms.deductionBases[d.code] ? formatNumber(data.terms.deductionBases[d.code] / 100, locale, 2) : ''])),
  );
  const setTerms = useEndpointMutation(fundingEndpoints.setFundingTerms, { invalidates: ['getFundingSummary', 'getBoardFundingSummary'] });
  const submit = useSubmit(() =>
    setTerms({
      params: { schoolId },
      body: {
        scheme: data.scheme.id,
        rentScheme,
        // An amount that is not one goes as -1, so the server names the field.
        deductionBases: Object.fromEntries(Object.entries(bases).flatMap(([code, euro]) => (euro.trim() === '' ? [] : [[code, parseEuroInput(euro) ?? -1]]))),
      },
    }),
  );
  return (
    <form
      className="card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
    >
      <h2>{t('funding.terms')}</h2>
      {data.scheme.spendUntilWithRentScheme && (
        <div className="checkbox-field">
          <input id="rent-scheme" type="checkbox" checked={rentScheme} onChange={(event) => setRentScheme(event.target.checked)} />
          <label htmlFor="rent-scheme">{t('funding.rentScheme', { date: formatDate(data.scheme.spendUntilWithRentScheme, locale) })}</label>
        </div>
      )}
      {data.scheme.deductions.map((deduction) => (
        <div className="field" key={deduction.code}>
          <label htmlFor={`deduction-${deduction.code}`}>{t('funding.deductionBase', { name: deduction.name[locale] })}</label>
          <input
            id={`deduction-${deduction.code}`}
            inputMode="decimal"
            value={bases[deduction.code] ?? ''}
            onChange={(event) => setBases({ ...bases, [deduction.code]: event.target.value })}
          />
        </div>
      ))}
      {submit.failure && <ErrorAlert error={submit.failure} />}
      <button type="submit" className="button button-secondary" disabled={submit.busy}>
        {t('funding.saveTerms')}
      </button>
    </form>
  );
}

function SpendingLines({ data }: { data: FundingSummary }) {
  const { t, locale } = useI18n();
  const check = (ok: boolean, label: string) => (
    <span>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {ok ? label : t('funding.missing', { check: label })}
    </span>
  );
  return (
    <>
      <h2>{t('funding.spending')}</h2>
      {data.spending.length === 0 ? (
        <p>{t('funding.noSpending')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('funding.spending')}>
          <table className="data-table" data-testid="spending-table">
            <caption className="visually-hidden">{t('funding.spending')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('funding.invoice')}</th>
                <th scope="col">{t('funding.category')}</th>
                <th scope="col">{t('funding.description')}</th>
                <th scope="col">{t('funding.amount')}</th>
                <th scope="col">{t('funding.checks')}</th>
                <th scope="col">{t('funding.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {data.spending.map((line) => (
                <tr key={line.id}>
                  <th scope="row">
                    {line.invoiceReference}
                    <br />
                    {formatDate(line.invoiceDate, locale)}
                  </th>
                  <td>{data.scheme.categories.find((c) => c.code === line.category)?.name[locale] ?? line.category}</td>
                  <td>
                    {line.description}
                    {line.supplier && ` (${line.supplier})`}
                  </td>
                  <td>{formatCents(line.amountCents, locale)}</td>
                  <td>
                    <ul>
                      <li>{check(line.checks.eligible, t('funding.checkEligible'))}</li>
                      <li>{check(line.checks.noDoubleFinancing, t('funding.checkDouble'))}</li>
                      <li>
                        {check(line.checks.procurement, t(`funding.procedures.${line.procurementProcedure}`))}
                        {line.procurementReference && ` (${line.procurementReference})`}
                      </li>
                    </ul>
                  </td>
                  <td>
                    {line.evidence.length === 0
                      ? check(false, t('funding.noEvidence'))
                      : line.evidence.map((file) => (
                          <a key={file.id} href={endpointHref(infraFileEndpoints.downloadInfraFile, { params: { fileId: file.id } })} download>
                            {file.name}
                          </a>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
