import { useState } from 'react';
import { formatDate, formatNumber } from '../../shared/i18n/format';
import { fundingEndpoints } from '../../shared/infra/funding-endpoints';
import { endpointHref } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointQuery } from '../serverState';
import { formatCents } from './fundingView';
import { boardParkPath, fundingPath } from './infraPaths';
import { SchemeChoice } from './SchemeChoice';

/** A board's funding across its schools, read only: budget, spent, left and the device goal per school; the evidence of a sample as one ZIP for the auditor. */
export function BoardFundingPage({ boardId }: { boardId: string }) {
  const { t, locale } = useI18n();
  const [scheme, setScheme] = useState('digisprong');
  const [size, setSize] = useState('5');
  const [picked, setPicked] = useState<string[]>([]);
  const summary = useEndpointQuery(fundingEndpoints.getBoardFundingSummary, { params: { boardId }, query: { scheme } });
  if (summary.loading && !summary.data && !summary.error) return <Loading />;
  if (summary.error || !summary.data) return <NarrowPage title={t('funding.boardTitle')}>{summary.error && <ErrorAlert error={summary.error} onRetry={summary.reload} />}</NarrowPage>;
  const data = summary.data;
  const sampleSize = Math.max(1, Math.min(500, Number.parseInt(size, 10) || 1));
  return (
    <section className="page ictpark-page">
      <PageHeading title={t('funding.boardTitle')}>{t('funding.boardTitle')}</PageHeading>
      <p className="no-print">
        <Link href={boardParkPath(boardId)}>{t('infra.boardTitle')}</Link>
      </p>
      <p className="lead">{t('funding.boardIntro')}</p>
      <SchemeChoice id="board-funding-scheme" schemes={data.schemes} value={scheme} onChange={setScheme} />
      {!data.scheme.verified && <p className="alert alert-info">{t('funding.unverified')}</p>}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('funding.boardTitle')}>
        <table className="data-table" data-testid="board-funding-table">
          <caption className="visually-hidden">{t('funding.boardTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funding.school')}</th>
              <th scope="col">{t('funding.budget')}</th>
              <th scope="col">{t('funding.spent')}</th>
              <th scope="col">{t('funding.left')}</th>
              <th scope="col">{t('funding.deadline')}</th>
              <th scope="col">{t('funding.deviceGoal')}</th>
              <th scope="col">{t('funding.auditReady')}</th>
            </tr>
          </thead>
          <tbody>
            {data.schools.map((school) => (
              <tr key={school.schoolId}>
                <th scope="row">
                  <Link href={fundingPath(school.schoolId)}>{school.schoolName}</Link>
                </th>
                <td>{formatCents(school.budgetCents, locale)}</td>
                <td>{formatCents(school.spentCents, locale)}</td>
                <td>{formatCents(school.leftCents, locale)}</td>
                <td>{school.deadline ? formatDate(school.deadline, locale) : '–'}</td>
                <td>
                  {t(school.deviceGoal.met ? 'funding.goalMet' : 'funding.goalOpen', {
                    bought: formatNumber(school.deviceGoal.bought, locale),
                    goal: formatNumber(school.deviceGoal.goal, locale),
                  })}
                </td>
                <td>
                  {formatNumber(school.auditReady, locale)} / {formatNumber(school.lines, locale)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('funding.total')}</th>
              <td>{formatCents(data.totals.budgetCents, locale)}</td>
              <td>{formatCents(data.totals.spentCents, locale)}</td>
              <td>{formatCents(data.totals.leftCents, locale)}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>

      <section className="card" data-testid="evidence-sample">
        <h2>{t('funding.sampleTitle')}</h2>
        {data.spending.length === 0 ? (
          <p>{t('funding.noneForBoard')}</p>
        ) : (
          <>
            <p>{t('funding.sampleIntro')}</p>
            <div className="field">
              <label htmlFor="sample-size">{t('funding.sampleSize')}</label>
              <input id="sample-size" type="number" min={1} max={500} inputMode="numeric" value={size} onChange={(event) => setSize(event.target.value)} />
            </div>
            <p>
              <a
                className="button button-secondary"
                href={endpointHref(fundingEndpoints.exportFundingEvidence, { params: { boardId }, query: { scheme, size: String(sampleSize) } })}
                download
              >
                {t('funding.downloadSample')}
              </a>
            </p>
            <ul>
              {data.spending.map((line) => {
                const label = `${line.schoolName}: ${line.invoiceReference}, ${line.description}, ${formatCents(line.amountCents, locale)}`;
                return (
                  <li key={line.id} className="checkbox-field">
                    <input
                      id={`pick-${line.id}`}
                      type="checkbox"
                      checked={picked.includes(line.id)}
                      onChange={(event) => setPicked(event.target.checked ? [...picked, line.id] : picked.filter((id) => id !== line.id))}
                    />
                    <label htmlFor={`pick-${line.id}`}>{label}</label>
                  </li>
                );
              })}
            </ul>
            {picked.length > 0 && (
              <p>
                <a
                  className="button button-secondary"
                  href={endpointHref(fundingEndpoints.exportFundingEvidence, { params: { boardId }, query: { scheme, ids: picked.join(',') } })}
                  download
                >
                  {t('funding.downloadPicked')}
                </a>
              </p>
            )}
          </>
        )}
      </section>
    </section>
  );
}
