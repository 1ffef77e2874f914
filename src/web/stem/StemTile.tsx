import type { StemIndicatorDefinition, StemSeries, StemTargetGap } from '../../shared/stem/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { stemPath } from './stemPaths';
import { useStemSeries } from './stemQueries';
import { latestYear, pointsText, publishedValue, shareText } from './stemView';

/**
 * An indicator's headline: the latest value, the change against the baseline, the distance to
 * each target. Linked to the indicator's page from the overview (under its "headline figures"
 * heading); on that page it is a section of its own.
 */
export function StemTile({ definition, linked }: { definition: StemIndicatorDefinition; linked: boolean }) {
  const { text } = useI18n();
  const series = useStemSeries(definition.id, 'none');
  const name = text(definition.name);
  return (
    <article className="card stem-tile" data-testid={`stem-tile-${definition.id}`} aria-labelledby={`tile-${definition.id}`}>
      {linked ? (
        <h3 id={`tile-${definition.id}`}>
          <Link href={stemPath(definition.id)}>{name}</Link>
        </h3>
      ) : (
        <h2 id={`tile-${definition.id}`}>{name}</h2>
      )}
      {series.error && <ErrorAlert error={series.error} onRetry={series.reload} />}
      {series.loading && !series.data && <Loading />}
      {series.data && <TileFigures series={series.data} />}
    </article>
  );
}

function TileFigures({ series }: { series: StemSeries }) {
  const { t, locale } = useI18n();
  const latest = latestYear(series);
  const published = latest && publishedValue(series.published, latest.year, 'none', null);
  return (
    <>
      {latest ? (
        <p className="stem-tile-value">
          <strong data-testid="stem-tile-value">
            {latest.total.status === 'shown' && latest.total.share !== null
              ? shareText(latest.total.share, locale)
              : t(latest.total.status === 'hidden' ? 'stemMonitor.hiddenReason' : 'stemMonitor.noValue')}
          </strong>{' '}
          <span className="muted">{t('stemMonitor.latest', { year: latest.year })}</span>
        </p>
      ) : (
        <p className="stem-tile-value">{t('stemMonitor.noValue')}</p>
      )}
      {latest?.changeFromBaselinePp != null && (
        <p data-testid="stem-tile-change">{t('stemMonitor.change', { change: pointsText(latest.changeFromBaselinePp, locale), year: series.baseline.year })}</p>
      )}
      {published && (
        <p className="muted">
          {t('stemMonitor.published')}: {shareText(published.value, locale, 2)} <Verified verified={published.verified} />
          <br />
          <Source cited={published} />
        </p>
      )}
      {series.targets.map((gap) => (
        <TargetLine key={`${gap.target.deadlineYear}-${gap.target.value}`} gap={gap} />
      ))}
    </>
  );
}

/** A target with the distance still to go and the yearly pace that needs, its source, and whether it is verified. */
function TargetLine({ gap }: { gap: StemTargetGap }) {
  const { t, locale } = useI18n();
  const distance = gap.distancePp;
  const progress =
    distance === null
      ? ''
      : distance <= 0
        ? t('stemMonitor.reached')
        : gap.yearlyPacePp === null
          ? t('stemMonitor.targetNoPace', { distance: pointsText(distance, locale) })
          : t('stemMonitor.toGo', { distance: pointsText(distance, locale), pace: pointsText(gap.yearlyPacePp, locale) });
  return (
    <p className="stem-target" data-testid="stem-tile-target">
      {t('stemMonitor.target', { value: shareText(gap.target.value, locale, 2), year: gap.target.deadlineYear })}
      {progress && `: ${progress}`} <Verified verified={gap.target.verified} />
      <br />
      <span className="muted">
        <Source cited={gap.target} />
      </span>
    </p>
  );
}

/** "Source: …", linked to where the figure was published. */
export function Source({ cited }: { cited: { source: string; sourceUrl: string } }) {
  const { t } = useI18n();
  const linked = /^https?:\/\//.test(cited.sourceUrl);
  return (
    <>
      {t('stemMonitor.sourceLabel')} {linked ? <a href={cited.sourceUrl}>{cited.source}</a> : cited.source}
    </>
  );
}

/** The visible mark of a figure known from secondary sources only. */
export function Verified({ verified }: { verified: boolean }) {
  const { t } = useI18n();
  return verified ? null : <span className="badge stem-unverified">{t('stemMonitor.unverified')}</span>;
}
