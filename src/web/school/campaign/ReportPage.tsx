import { useMemo } from 'react';
import { formatChange, formatDate, formatDateTime, formatNumber } from '../../../shared/i18n/format';
import { campaignEndpoints } from '../../../shared/school/campaign/endpoints';
import { endpointHref } from '../../api';
import { useCatalogueLabels } from '../../catalogue/labels';
import { ReadMoreLink } from '../../centre/ReadMoreLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useEndpointQuery } from '../../serverState';
import { AreaChart } from '../AreaChart';
import { policyPlanPath } from '../policy-plan/policyPaths';
import { SchoolNav } from '../SchoolNav';
import { campaignsPath, trainingPlanPath } from '../schoolAccess';
import type { Norm, SchoolReport } from '../types';
import { FollowUpSection } from './FollowUpSection';
import { cellText, levelColumns, noiseNoteValues, percentText, type ShownCell } from './reportView';

const MIN_GROUP_SIZE = 5;

/** The Digisnap team report of one campaign: printable, with a CSV and an XLSX of the same numbers. */
export function ReportPage({ schoolId, campaignId }: { schoolId: string; campaignId: string }) {
  const { t } = useI18n();
  const report = useEndpointQuery(campaignEndpoints.getSchoolReport, { params: { schoolId, campaignId } });

  if (report.loading && !report.data) return <Loading />;
  if (report.error?.id === 'too_few_respondents') return <TooFewRespondents schoolId={schoolId} campaignId={campaignId} />;
  if (report.error || !report.data) {
    return (
      <NarrowPage title={t('report.title')}>
        <SchoolNav schoolId={schoolId} />
        {report.error && <ErrorAlert error={report.error} onRetry={report.reload} />}
      </NarrowPage>
    );
  }
  return <ReportView report={report.data} />;
}

/** Instead of a report: why there is none yet, and how many more responses it needs. */
function TooFewRespondents({ schoolId, campaignId }: { schoolId: string; campaignId: string }) {
  const { t } = useI18n();
  const campaign = useEndpointQuery(campaignEndpoints.getCampaign, { params: { schoolId, campaignId } });
  const threshold = Math.max(MIN_GROUP_SIZE, campaign.data?.minGroupSize ?? MIN_GROUP_SIZE);
  const completed = campaign.data?.participation.completed;
  const missing = completed === undefined ? undefined : Math.max(1, threshold - completed);
  return (
    <NarrowPage title={t('report.title')}>
      <SchoolNav schoolId={schoolId} />
      <div className="card card-accent" data-testid="too-few-respondents">
        <h2>{t('report.tooFewTitle')}</h2>
        <p>{t('report.tooFewText', { threshold })}</p>
        {missing !== undefined && completed !== undefined && (
          <p data-testid="too-few-missing">
            <strong>{t('report.tooFewSoFar', { count: completed })}</strong> {t('report.tooFewMissing', { count: missing })}
          </p>
        )}
        <p>{t('report.tooFewWhy')}</p>
        <p>
          <Link href={campaignsPath(schoolId)}>{t('report.toCampaigns')}</Link>
        </p>
      </div>
    </NarrowPage>
  );
}

function Hidden() {
  const { t } = useI18n();
  return (
    <span className="suppressed">
      {t('report.hidden')}
      <sup aria-hidden="true">*</sup>
    </span>
  );
}

function Cell({ cell }: { cell: ShownCell }) {
  const { locale } = useI18n();
  const text = cellText(cell, locale);
  return text === null ? <Hidden /> : text;
}

function ReportView({ report }: { report: SchoolReport }) {
  const { t, text, locale } = useI18n();
  const schoolId = report.campaign.schoolId;
  const title = t('report.titleFor', { school: report.campaign.schoolName });
  const areaName = (number: number, name: { nl: string; en: string }) => `${number}. ${text(name)}`;
  const bands = report.overall.bands.map((band) => band.band);
  const levels = levelColumns(report);

  const chartInput = useMemo(
    () => ({
      areas: report.areas.map((area) => areaName(area.number, area.name)),
      series: bands.map((band) => ({
        band,
        label: t('report.band', { band }),
        shares: report.areas.map((area) => area.bands.find((b) => b.band === band)?.share ?? null),
      })),
      percentLabel: '%',
      hiddenLabel: t('report.hidden'),
    }),
    [report, locale],
  );
  const chartLabel = t('report.chartLabel', {
    summary: report.areas
      .map((area) => `${areaName(area.number, area.name)}: ${area.bands.map((b) => `${b.band} ${percentText(b.share, locale) ?? t('report.hidden')}`).join(', ')}`)
      .join('; '),
  });

  return (
    <section className="page report-page" data-testid="report">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead">
        {t('report.period', { from: formatDate(report.campaign.opensOn, locale), to: formatDate(report.campaign.closesOn, locale) })}{' '}
        {t('report.respondents', { count: report.respondents })}
      </p>
      <p className="muted">
        {t('report.published', { date: formatDateTime(report.publishedAt, locale) })} {t('report.threshold', { threshold: report.threshold })}
      </p>
      {report.state === 'kept' && (
        <p className="alert alert-info" data-testid="report-kept">
          {t('report.kept', { threshold: report.threshold })}
        </p>
      )}
      <div className="actions actions-tight no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <a
          className="button button-secondary"
          href={endpointHref(campaignEndpoints.getSchoolReport, { params: { schoolId, campaignId: report.campaign.id }, query: { format: 'csv', lang: locale } })}
          download
          data-testid="report-csv"
        >
          {t('report.csv')}
        </a>
        <a
          className="button button-secondary"
          href={endpointHref(campaignEndpoints.getSchoolReport, { params: { schoolId, campaignId: report.campaign.id }, query: { format: 'xlsx', lang: locale } })}
          download
          data-testid="report-xlsx"
        >
          {t('report.xlsx')}
        </a>
        <Link className="button button-secondary" href={policyPlanPath(schoolId, { kind: 'team_report', id: report.campaign.id })} data-testid="report-to-policy-plan">
          {t('policyPlan.toPolicyPlan')}
        </Link>
        <Link className="button button-quiet" href={campaignsPath(schoolId)}>
          {t('report.toCampaigns')}
        </Link>
      </div>

      <aside className="alert alert-info noise-note" data-testid="report-noise-note">
        <p>{t('report.noiseNote', noiseNoteValues(report.noise, locale))}</p>
      </aside>

      <Norms report={report} />
      {report.priorityArea && (
        <section className="card card-accent" aria-labelledby="priority-title" data-testid="report-priority">
          <h2 id="priority-title">{t('report.priorityTitle')}</h2>
          <p className="priority-name">{areaName(report.priorityArea.number, report.priorityArea.name)}</p>
          <p>{t('report.priorityByA', { share: percentText(report.priorityArea.shareAtA, locale) ?? '' })}</p>
          <p className="no-print">
            <Link href={trainingPlanPath(schoolId, report.campaign.id)} data-testid="report-to-training-plan">
              {t('report.toTrainingPlan')}
            </Link>
            <ReadMoreLink tag={{ area: String(report.priorityArea.number) }} />
          </p>
        </section>
      )}

      <section className="card" aria-labelledby="areas-title">
        <h2 id="areas-title">{t('report.areasTitle')}</h2>
        <p className="muted">{t('report.areasIntro')}</p>
        <div className="report-areas-layout">
          <AreaChart input={chartInput} label={chartLabel} />
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="areas-caption">
            <table className="data-table" data-testid="report-area-table">
              <caption id="areas-caption">{t('report.areasCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.columnArea')}</th>
                  {bands.map((band) => (
                    <th key={band} scope="col" className="numeric">
                      {t('report.band', { band })}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {t('report.bOrAbove')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.areas.map((area) => (
                  <tr key={area.number}>
                    <th scope="row">{areaName(area.number, area.name)}</th>
                    {area.bands.map((band) => (
                      <td key={band.band} className="numeric">
                        <Cell cell={band} />
                      </td>
                    ))}
                    <td className="numeric">
                      <Cell cell={area.bOrAbove} />
                    </td>
                  </tr>
                ))}
                <tr className="total-row">
                  <th scope="row">{t('report.wholeTeam')}</th>
                  {report.overall.bands.map((band) => (
                    <td key={band.band} className="numeric">
                      <Cell cell={band} />
                    </td>
                  ))}
                  <td className="numeric">
                    <Cell cell={report.overall.bOrAbove} />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="competences-title">
        <h2 id="competences-title">{t('report.competencesTitle')}</h2>
        <p className="muted">{t('report.competencesIntro')}</p>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="competences-caption">
          <table className="data-table report-competences" data-testid="report-competences">
            <caption id="competences-caption">{t('report.competencesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.columnCompetence')}</th>
                {levels.map((level) => (
                  <th key={level} scope="col" className="numeric">
                    {level}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.competences.map((competence) => (
                <tr key={competence.code}>
                  <th scope="row">
                    {competence.code} {text(competence.name)}
                  </th>
                  {levels.map((level) => {
                    const cell = competence.levels.find((l) => l.level === level);
                    if (!cell) {
                      return (
                        <td key={level} className="numeric not-applicable">
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('report.notApplicable')}</span>
                        </td>
                      );
                    }
                    return (
                      <td key={level} className="numeric">
                        <Cell cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {report.growth && <Growth report={report} growth={report.growth} />}
      <Comparisons report={report} />
      <FollowUpSection schoolId={schoolId} campaignId={report.campaign.id} />
    </section>
  );
}

function Norms({ report }: { report: SchoolReport }) {
  const { t, text, locale } = useI18n();
  const distance = (norm: Norm) =>
    norm.status === 'reached'
      ? t('report.aimReached')
      : norm.kind === 'share_at_or_above'
        ? t('report.aimPointsToGo', { gap: formatNumber(norm.gap, locale) })
        : t('report.aimTeachersToGo', { count: norm.gap });
  const value = (norm: Norm) =>
    norm.kind === 'share_at_or_above'
      ? t('report.aimShareValue', { share: percentText(norm.value, locale), band: norm.band, target: percentText(norm.aim, locale) })
      : t('report.aimCountValue', { count: norm.value, band: norm.band, target: formatNumber(norm.aim, locale) });
  return (
    <section className="card" aria-labelledby="norms-title" data-testid="report-norms">
      <h2 id="norms-title">{t('report.aimsTitle')}</h2>
      <p className="muted">{t('report.aimsIntro')}</p>
      <ul className="norm-list">
        {report.norms.map((norm) => (
          <li key={norm.id} data-testid={`aim-${norm.id}`}>
            <h3>{text(norm.label)}</h3>
            <p>
              {value(norm)} <span className={`status-badge norm-${norm.status}`}>{distance(norm)}</span>
            </p>
            {norm.kind === 'share_at_or_above' && (
              <div className="progress-track norm-track" role="img" aria-label={value(norm)}>
                <div className="progress-fill" style={{ width: `${Math.min(100, (norm.value / Math.max(norm.aim, 1)) * 100)}%` }} />
              </div>
            )}
            <p className="muted">
              <a href={norm.source.url} rel="noreferrer" target="_blank">
                {t('report.aimSource', { title: norm.source.title })}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Growth({ report, growth }: { report: SchoolReport; growth: NonNullable<SchoolReport['growth']> }) {
  const { t, text, locale } = useI18n();
  const name = new Map(report.areas.map((area) => [area.number, `${area.number}. ${text(area.name)}`]));
  const row = (label: string, values: { previous: number | null; current: number | null; change: number | null }, key: string) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td className="numeric">{percentText(values.previous, locale) ?? <Hidden />}</td>
      <td className="numeric">{percentText(values.current, locale) ?? <Hidden />}</td>
      <td className={`numeric ${values.change !== null && values.change > 0 ? 'change-up' : values.change !== null && values.change < 0 ? 'change-down' : ''}`}>
        {values.change === null ? '–' : `${formatChange(values.change, locale)} ${t('report.points')}`}
      </td>
    </tr>
  );
  return (
    <section className="card" aria-labelledby="growth-title" data-testid="report-growth">
      <h2 id="growth-title">{t('report.growthTitle')}</h2>
      <p className="muted">{t('report.growthIntro', { date: formatDate(growth.previousOpensOn, locale) })}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="growth-title">
        <table className="data-table">
          <caption className="visually-hidden">{t('report.growthTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.columnArea')}</th>
              <th scope="col" className="numeric">
                {t('report.previous')}
              </th>
              <th scope="col" className="numeric">
                {t('report.current')}
              </th>
              <th scope="col" className="numeric">
                {t('report.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {row(t('report.wholeTeam'), growth.overall, 'overall')}
            {growth.areas.map((area) => row(name.get(area.number) ?? String(area.number), area, String(area.number)))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Comparisons({ report }: { report: SchoolReport }) {
  const { t, text, locale } = useI18n();
  const { flanders, sameLevel } = report.comparisons;
  const levelName = useCatalogueLabels().educationLevel;
  const whole = (share: number | null) => (share === null ? null : `${formatNumber(share, locale, 0)}%`);
  return (
    <section className="card" aria-labelledby="comparison-title" data-testid="report-comparison">
      <h2 id="comparison-title">{t('report.comparisonTitle')}</h2>
      {!flanders && !sameLevel ? (
        <p className="muted">{t('report.comparisonNone')}</p>
      ) : (
        <>
          <p className="muted">{t('report.comparisonIntro')}</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="comparison-caption">
            <table className="data-table">
              <caption id="comparison-caption">{t('report.comparisonCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.columnArea')}</th>
                  <th scope="col" className="numeric">
                    {t('report.ourSchool')}
                  </th>
                  {flanders && (
                    <th scope="col" className="numeric">
                      {t('report.flanders', { count: flanders.schools })}
                    </th>
                  )}
                  {sameLevel && (
                    <th scope="col" className="numeric">
                      {t('report.sameLevel', { level: levelName(sameLevel.educationLevel), count: sameLevel.schools })}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('report.wholeTeam')}</th>
                  <td className="numeric">{percentText(report.overall.bOrAbove.share, locale) ?? <Hidden />}</td>
                  {flanders && <td className="numeric">{whole(flanders.bOrAbove) ?? <Hidden />}</td>}
                  {sameLevel && <td className="numeric">{whole(sameLevel.bOrAbove) ?? <Hidden />}</td>}
                </tr>
                {report.areas.map((area) => (
                  <tr key={area.number}>
                    <th scope="row">
                      {area.number}. {text(area.name)}
                    </th>
                    <td className="numeric">{percentText(area.bOrAbove.share, locale) ?? <Hidden />}</td>
                    {flanders && <td className="numeric">{whole(flanders.areas.find((a) => a.number === area.number)?.bOrAbove ?? null) ?? <Hidden />}</td>}
                    {sameLevel && <td className="numeric">{whole(sameLevel.areas.find((a) => a.number === area.number)?.bOrAbove ?? null) ?? <Hidden />}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
