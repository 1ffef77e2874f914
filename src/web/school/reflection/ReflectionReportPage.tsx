import { useMemo } from 'react';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/i18n/format';
import { reflectionEndpoints } from '../../../shared/school/reflection/endpoints';
import { endpointHref } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useEndpointQuery } from '../../serverState';
import { policyPlanPath } from '../policy-plan/policyPaths';
import { SchoolNav } from '../SchoolNav';
import { ReflectionChart } from './ReflectionChart';
import { Hidden, ReportSection } from './ReportSection';
import { reflectionsPath } from './reflectionPaths';
import { meanChartInput, meanText, statsFor } from './reflectionView';
import type { ReflectionGroup, ReflectionReport } from './types';

/** `/school/:schoolId/reflectie/:roundId/rapport`: the report per section and group, printable, with a CSV of the same numbers. */
export function ReflectionReportPage({ schoolId, roundId }: { schoolId: string; roundId: string }) {
  const { t } = useI18n();
  const report = useEndpointQuery(reflectionEndpoints.getReflectionReport, { params: { schoolId, roundId } });

  if (report.loading && !report.data) return <Loading />;
  if (report.error || !report.data) {
    const tooFew = report.error?.id === 'too_few_respondents';
    return (
      <NarrowPage title={t('reflection.report.title')}>
        <SchoolNav schoolId={schoolId} />
        {tooFew ? (
          <div className="card card-accent" data-testid="too-few-respondents">
            <h2>{t('report.tooFewTitle')}</h2>
            <p>{t('reflection.report.tooFew')}</p>
            <p>
              <Link href={reflectionsPath(schoolId)}>{t('reflection.report.toRounds')}</Link>
            </p>
          </div>
        ) : (
          report.error && <ErrorAlert error={report.error} onRetry={report.reload} />
        )}
      </NarrowPage>
    );
  }
  return <ReportView report={report.data} />;
}

function ReportView({ report }: { report: ReflectionReport }) {
  const { t, text, locale } = useI18n();
  const { schoolId, id: roundId } = report.round;
  const title = t('reflection.report.titleFor', { instrument: text(report.round.instrument.name), school: report.round.schoolName });
  const groupName = (group: ReflectionGroup | 'all') => t(`reflection.groups.${group}`);
  const chartInput = useMemo(() => meanChartInput(report, text, groupName), [report, locale]);
  const chartLabel = t('reflection.report.chartLabel', {
    summary: report.sections
      .map(
        (section) =>
          `${text(section.name)}: ${report.groups.map(({ group }) => `${groupName(group)} ${meanText(statsFor(section.groups, group)?.mean ?? null, locale) ?? '–'}`).join(', ')}`,
      )
      .join('; '),
  });
  const lowSections = report.pointsForAction.map((id) => report.sections.find((section) => section.id === id)!);
  const sourceKind = report.round.instrument.id === 'ai-readiness' ? 'ai_readiness' : 'reflection';

  return (
    <section className="page report-page reflection-report" data-testid="reflection-report">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead">
        {t('reflection.report.period', { from: formatDate(report.round.opensOn, locale), to: formatDate(report.round.closesOn, locale) })}{' '}
        {report.total.count !== null && t('reflection.report.respondentsTotal', { count: report.total.count })}
      </p>
      <p className="muted">{t('reflection.report.howToRead', { threshold: report.threshold, actionBelow: formatNumber(report.actionBelow, locale, 2) })}</p>
      <div className="actions actions-tight no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <a
          className="button button-secondary"
          href={endpointHref(reflectionEndpoints.getReflectionReport, { params: { schoolId, roundId }, query: { format: 'csv', lang: locale } })}
          download
          data-testid="reflection-report-csv"
        >
          {t('report.csv')}
        </a>
        <Link className="button button-secondary" href={policyPlanPath(schoolId, { kind: sourceKind, id: roundId })}>
          {t('policyPlan.toPolicyPlan')}
        </Link>
        <Link className="button button-quiet" href={reflectionsPath(schoolId)}>
          {t('reflection.report.toRounds')}
        </Link>
      </div>

      <section className="card" aria-labelledby="reflection-groups-title">
        <h2 id="reflection-groups-title">{t('reflection.report.groupsTitle')}</h2>
        <ul className="participation-counts" data-testid="reflection-groups">
          {report.groups.map((entry) => (
            <li key={entry.group} data-testid={`group-${entry.group}`}>
              {entry.respondents.count === null ? <Hidden /> : <span className="participation-number">{entry.respondents.count}</span>} {groupName(entry.group)}
              {entry.awaiting && <span className="muted"> {t('reflection.report.awaiting')}</span>}
            </li>
          ))}
        </ul>
        <aside className="alert alert-info suppressed-note">
          <p>
            <sup aria-hidden="true">*</sup> {t('reflection.report.hiddenWhy', { threshold: report.threshold })}
          </p>
          {report.groups.some((entry) => entry.awaiting) && <p>{t('reflection.report.awaitingWhy', { threshold: report.threshold })}</p>}
        </aside>
      </section>

      <section className="card" aria-labelledby="reflection-noise-title" data-testid="reflection-noise">
        <h2 id="reflection-noise-title">{t('reflection.report.noiseTitle')}</h2>
        <p>
          {t('reflection.report.noise', {
            expectedError: formatNumber(report.noise.expectedError, locale, 2),
            errorBound: formatNumber(report.noise.errorBound, locale, 0),
          })}
        </p>
        <p className="muted">
          {t('reflection.report.noiseBudget', {
            epsilon: formatNumber(report.noise.epsilon, locale, 2),
            publication: report.noise.publication,
            publishedAt: formatDateTime(report.noise.publishedAt, locale),
            histograms: report.noise.histograms,
          })}
        </p>
      </section>

      <section className="card" aria-labelledby="reflection-actions-title">
        <h2 id="reflection-actions-title">{t('reflection.report.pointsTitle')}</h2>
        {lowSections.length === 0 ? (
          <p>{t('reflection.report.noPoints', { actionBelow: formatNumber(report.actionBelow, locale, 2) })}</p>
        ) : (
          <ol className="priorities" data-testid="points-for-action">
            {lowSections.map((section) => (
              <li key={section.id}>
                <span className="priority-name">{text(section.name)}</span> {t('reflection.report.pointMean', { mean: meanText(section.combinedMean, locale) ?? '–' })}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="reflection-chart-title">
        <h2 id="reflection-chart-title">{t('reflection.report.chartTitle')}</h2>
        <ReflectionChart input={chartInput} label={chartLabel} />
      </section>

      <h2>{t('reflection.report.sectionsTitle')}</h2>
      {report.sections.map((section) => (
        <ReportSection key={section.id} section={section} report={report} />
      ))}
    </section>
  );
}
