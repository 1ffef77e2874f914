import { formatDate } from '../../../shared/i18n/format';
import { cyberCheckEndpoints } from '../../../shared/school/cyber-check/endpoints';
import { schoolEndpoints } from '../../../shared/school/endpoints';
import { call, endpointHref } from '../../api';
import { ReadMoreLink } from '../../centre/ReadMoreLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FactList } from '../../components/FactList';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useCombinedQuery } from '../../serverState';
import { SchoolNav } from '../SchoolNav';
import { KeyMeasureBadge } from './CyberCheckAnswerPage';
import { cyberPath } from './cyberPaths';
import { barWidth, changeText, maturityText, shareText } from './cyberView';
import type { CyberCheckResult } from './types';

/** A submitted check: the picture per topic beside the previous check, and the actions, most urgent first. Printable. */
export function CyberCheckResultPage({ schoolId, checkId }: { schoolId: string; checkId: string }) {
  const { t } = useI18n();
  const loaded = useCombinedQuery(['getSchool', 'getCyberCheckResult'], [schoolId, checkId], () =>
    Promise.all([call(schoolEndpoints.getSchool, { params: { schoolId } }), call(cyberCheckEndpoints.getCyberCheckResult, { params: { schoolId, checkId } })]),
  );

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) {
    return (
      <NarrowPage title={t('cyber.resultTitle')}>
        <SchoolNav schoolId={schoolId} />
        {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}
      </NarrowPage>
    );
  }
  const [school, result] = loaded.data;
  return <ResultView schoolName={school.name} result={result} />;
}

function ResultView({ schoolName, result }: { schoolName: string; result: CyberCheckResult }) {
  const { t, text, locale } = useI18n();
  const { check } = result;
  const title = t('cyber.resultTitleFor', { school: schoolName });
  return (
    <section className="page report-page cyber-result-page" data-testid="cyber-result">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={check.schoolId} />
      <p className="lead">
        {t('cyber.resultSubmitted', { date: formatDate(check.submittedAt!, locale), name: check.submittedBy?.name ?? '–' })}{' '}
        {t('cyber.resultTarget', { target: text(result.target.label) })}
      </p>
      <div className="actions actions-tight no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('cyber.print')}
        </button>
        <a
          className="button button-secondary"
          href={endpointHref(cyberCheckEndpoints.getCyberCheckResult, { params: { schoolId: check.schoolId, checkId: check.id }, query: { format: 'csv', lang: locale } })}
          download
          data-testid="cyber-csv"
        >
          {t('cyber.csv')}
        </a>
        <Link className="button button-quiet" href={cyberPath(check.schoolId)}>
          {t('cyber.toOverview')}
        </Link>
      </div>
      <Overall result={result} />
      <Topics result={result} />
      <Actions result={result} />
      <p className="muted">{t('cyber.sourceNote', { source: result.instrument.source, version: result.instrument.version })}</p>
    </section>
  );
}

function Overall({ result }: { result: CyberCheckResult }) {
  const { t, locale } = useI18n();
  const { overall, previous } = result;
  const highest = result.target.highest;
  const facts: Array<[string, string]> = [
    [t('cyber.overallMean'), t('cyber.outOf', { value: maturityText(overall.meanMaturity, locale), highest })],
    [t('cyber.overallShare'), t('cyber.measuresAtTarget', { done: overall.atTarget, total: overall.measures, share: shareText(overall.shareAtTarget, locale) })],
    [t('cyber.overallKey'), t('cyber.keyAtTarget', { done: overall.keyMeasuresAtTarget, total: overall.keyMeasures })],
  ];
  if (overall.unknown > 0) facts.push([t('cyber.overallUnknown'), t('cyber.unknownCount', { count: overall.unknown })]);
  if (previous) {
    facts.push([
      t('cyber.overallPrevious', { date: formatDate(previous.submittedAt, locale) }),
      t('cyber.previousFacts', { mean: maturityText(previous.overall.meanMaturity, locale), share: shareText(previous.overall.shareAtTarget, locale) }),
    ]);
  }
  return (
    <section className="card" aria-labelledby="cyber-overall-title" data-testid="cyber-overall">
      <h2 id="cyber-overall-title">{t('cyber.overallTitle')}</h2>
      <FactList facts={facts} />
    </section>
  );
}

/** Per topic a bar and its numbers; the bar is decoration, the numbers say it all. */
function Topics({ result }: { result: CyberCheckResult }) {
  const { t, text, locale } = useI18n();
  const hasPrevious = result.previous !== null;
  const highest = result.target.highest;
  return (
    <section className="card" aria-labelledby="cyber-topics-title">
      <h2 id="cyber-topics-title">{t('cyber.topicsTitle')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="cyber-topics-caption">
        <table className="data-table" data-testid="cyber-topics">
          <caption id="cyber-topics-caption">{t('cyber.topicsCaption', { highest })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cyber.columnTopic')}</th>
              <th scope="col">{t('cyber.columnMean')}</th>
              <th scope="col" className="numeric">
                {t('cyber.columnAtTarget')}
              </th>
              {hasPrevious && (
                <>
                  <th scope="col" className="numeric">
                    {t('cyber.columnPrevious')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('cyber.columnChange')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {result.topics.map((topic) => (
              <tr key={topic.id}>
                <th scope="row">{text(topic.name)}</th>
                <td>
                  <span className="maturity-bar" aria-hidden="true">
                    <span className="maturity-fill" style={{ width: `${barWidth(topic.meanMaturity, highest)}%` }} />
                    <span className="maturity-target" style={{ left: `${barWidth(result.target.maturity, highest)}%` }} />
                  </span>
                  <span className="maturity-value">{maturityText(topic.meanMaturity, locale)}</span>
                </td>
                <td className="numeric">{t('cyber.ofTotal', { done: topic.atTarget, total: topic.measures })}</td>
                {hasPrevious && (
                  <>
                    <td className="numeric">{maturityText(topic.previous?.meanMaturity ?? null, locale)}</td>
                    <td className="numeric">{changeText(topic.previous?.change ?? null, locale)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Actions({ result }: { result: CyberCheckResult }) {
  const { t, text } = useI18n();
  return (
    <section className="card" aria-labelledby="cyber-actions-title">
      <h2 id="cyber-actions-title">{t('cyber.actionsTitle')}</h2>
      {result.actions.length === 0 ? (
        <p data-testid="cyber-no-actions">{t('cyber.actionsNone', { target: text(result.target.label) })}</p>
      ) : (
        <>
          <p className="muted">{t('cyber.actionsIntro')}</p>
          <ol className="cyber-actions" data-testid="cyber-actions">
            {result.actions.map((action) => (
              <li key={action.itemId} className="cyber-action" data-testid="cyber-action" data-item={action.itemId} data-key-measure={action.keyMeasure}>
                <h3>
                  <span className="eyebrow">{text(action.topicName)}</span> {text(action.action ?? action.statement)}
                </h3>
                {action.keyMeasure && <KeyMeasureBadge reference={action.reference} />}
                <p>
                  {text(action.statement)}
                  <ReadMoreLink tag={{ measure: action.itemId }} />
                </p>
                <p className="muted">
                  {t('cyber.actionNow', { now: text(action.maturityLabel), target: text(result.target.label) })}
                  {action.unknown && <> {t('cyber.actionUnknown')}</>}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
