import { useCallback, useMemo } from 'react';
import type { FlandersPicture } from '../../shared/centre/digisnap-picture';
import { type PictureBreakdown, pictureBreakdowns, schoolSizeBands } from '../../shared/centre/picture-vocabulary';
import { formatDate, formatNumber } from '../../shared/i18n/format';
import { educationLevels, provinces, schoolNetworks } from '../../shared/platform/flanders';
import { DataTable, LazyChart } from '../charts/LazyChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import { CentreNav } from './CentreNav';
import { useCentreOverview } from './centreQueries';
import { FrontsSection } from './FrontsSection';
import { type HistogramChoice, levelChartInput, levelChartOption, levelTable, type PictureWords, parseChoice, participationTable } from './pictureView';
import './centre.css';

const BREAKDOWN_PARAM = 'opsplitsing';
const HISTOGRAM_PARAM = 'histogram';
/** The shapes the API takes (an unknown area or competence reads as the overall level on the page). */
const HISTOGRAM_PATTERN = /^(overall|area:\d{1,2}|competence:\d{1,2}\.\d{1,2})$/;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The knowledge centre's overview: the Flanders-wide Digisnap picture with its breakdowns, and the other fronts. */
export function CentreOverviewPage() {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const asked = query.get(BREAKDOWN_PARAM) ?? '';
  const breakdown: PictureBreakdown = isOneOf(pictureBreakdowns, asked) ? asked : 'none';
  const histogram = query.get(HISTOGRAM_PARAM);
  const overview = useCentreOverview(breakdown, histogram && HISTOGRAM_PATTERN.test(histogram) ? histogram : 'overall');
  const setParam = (name: string, value: string | null) => {
    const params = new URLSearchParams(query);
    if (value === null) params.delete(name);
    else params.set(name, value);
    const search = params.toString();
    navigate(search ? `${path}?${search}` : path, { replace: true, keepScroll: true });
  };
  return (
    <section className="page centre-page" data-testid="centre-overview">
      <PageHeading title={t('centre.title')}>{t('centre.title')}</PageHeading>
      <CentreNav />
      <p className="lead">{t('centre.overview.intro')}</p>
      <fieldset className="centre-breakdown" data-testid="centre-breakdown">
        <legend>{t('centre.overview.breakdown')}</legend>
        {pictureBreakdowns.map((choice) => (
          <label key={choice} className="radio-choice">
            <input type="radio" name="centre-breakdown" value={choice} checked={choice === breakdown} onChange={() => setParam(BREAKDOWN_PARAM, choice === 'none' ? null : choice)} />{' '}
            {t(`centre.overview.breakdowns.${choice}`)}
          </label>
        ))}
      </fieldset>
      {overview.error && <ErrorAlert error={overview.error} onRetry={overview.reload} />}
      {overview.loading && !overview.data && <Loading />}
      {overview.data && <Picture picture={overview.data.digisnap} histogram={histogram} onHistogram={(choice) => setParam(HISTOGRAM_PARAM, choice === 'overall' ? null : choice)} />}
      {overview.data && <FrontsSection fronts={overview.data.fronts} />}
    </section>
  );
}

function usePictureWords(): PictureWords {
  const { t } = useI18n();
  return useMemo(
    () => ({
      group: (key: string) => {
        if (key === 'flanders') return t('centre.overview.flanders');
        if (isOneOf(provinces, key)) return t(`codes.province.${key}`);
        if (isOneOf(educationLevels, key)) return t(`codes.educationLevel.${key}`);
        if (isOneOf(schoolNetworks, key)) return t(`codes.network.${key}`);
        const band = schoolSizeBands.find((candidate) => candidate.code === key);
        if (band) return band.max === null ? t('centre.overview.sizeFrom', { min: band.min }) : t('centre.overview.sizeBand', { min: band.min, max: band.max });
        return key;
      },
      hidden: t('centre.overview.hidden'),
      respondents: t('centre.overview.respondents'),
      groupHeader: t('centre.overview.group'),
    }),
    [t],
  );
}

function Picture({ picture, histogram, onHistogram }: { picture: FlandersPicture; histogram: string | null; onHistogram: (choice: HistogramChoice) => void }) {
  const { t, text, locale } = useI18n();
  const words = usePictureWords();
  const choice = parseChoice(histogram, picture);
  const choiceName = (value: HistogramChoice) => {
    if (value === 'overall') return t('centre.overview.overall');
    const [kind, id] = value.split(':');
    const named = kind === 'area' ? picture.areas.find((area) => String(area.number) === id) : picture.competences.find((competence) => competence.code === id);
    return named ? `${id} ${text(named.name)}` : id;
  };
  const caption = t('centre.overview.levelCaption', { histogram: choiceName(choice), breakdown: t(`centre.overview.breakdowns.${picture.breakdown}`) });
  const table = useMemo(() => levelTable(picture, choice, caption, locale, words), [picture, choice, caption, locale, words]);
  const input = useMemo(() => levelChartInput(picture, choice, words), [picture, choice, words]);
  const option = useCallback((width: number) => levelChartOption(input, width), [input]);
  const release = picture.release;
  if (!release) return <p data-testid="centre-no-release">{t('centre.overview.noRelease')}</p>;
  const flanders = picture.breakdown === 'none' ? picture.groups[0] : undefined;
  const participation = participationTable(picture, t('centre.overview.participationCaption'), locale, words, {
    schools: t('centre.overview.schools'),
    finished: t('centre.overview.finishedRounds'),
    teachers: t('centre.overview.teachers'),
    participation: t('centre.overview.participation'),
  });
  return (
    <>
      {flanders && (
        <div className="centre-tiles" data-testid="centre-tiles">
          <Tile label={t('centre.overview.respondents')} value={flanders.respondents.count === null ? words.hidden : formatNumber(flanders.respondents.count, locale, 0)} />
          <Tile label={t('centre.overview.participation')} value={flanders.participation === null ? words.hidden : `${formatNumber(flanders.participation, locale)}%`} />
          <Tile label={t('centre.overview.schools')} value={formatNumber(flanders.schools, locale, 0)} />
          <Tile label={t('centre.overview.finishedRounds')} value={formatNumber(flanders.schoolsWithFinishedRound, locale, 0)} />
        </div>
      )}
      <section className="card" aria-labelledby="centre-participation-title">
        <h2 id="centre-participation-title">{t('centre.overview.participationTitle')}</h2>
        <p className="muted">{t('centre.overview.participationHelp', { from: formatDate(release.from, locale) })}</p>
        <TableScroll label={participation.caption}>
          <DataTable table={participation} testId="centre-participation" />
        </TableScroll>
      </section>
      <section className="card" aria-labelledby="centre-levels-title">
        <h2 id="centre-levels-title">{t('centre.overview.levelsTitle')}</h2>
        <label className="field">
          <span>{t('centre.overview.histogram')}</span>
          <select value={choice} onChange={(event) => onHistogram(parseChoice(event.target.value, picture))} data-testid="centre-histogram">
            <option value="overall">{choiceName('overall')}</option>
            <optgroup label={t('centre.overview.areas')}>
              {picture.areas.map((area) => (
                <option key={area.number} value={`area:${area.number}`}>
                  {choiceName(`area:${area.number}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('centre.overview.competences')}>
              {picture.competences.map((competence) => (
                <option key={competence.code} value={`competence:${competence.code}`}>
                  {choiceName(`competence:${competence.code}`)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <LazyChart
          kind="bar"
          option={option}
          label={caption}
          table={table}
          testId="centre-levels-chart"
          className="centre-chart"
          canvasClassName="centre-chart-canvas"
          note={<p className="muted">{t('centre.overview.hiddenNote')}</p>}
        />
      </section>
      <section className="card card-quiet" aria-labelledby="centre-privacy-title" data-testid="centre-privacy">
        <h2 id="centre-privacy-title">{t('centre.overview.privacyTitle')}</h2>
        <p>
          {t('centre.overview.privacy', {
            released: formatDate(release.releasedAt, locale),
            threshold: release.threshold,
            epsilon: formatNumber(release.noise.epsilon, locale, 2),
            histograms: release.noise.histograms,
            total: formatNumber(release.epsilon, locale, 2),
            error: formatNumber(release.noise.expectedError, locale, 2),
            bound: release.noise.bound,
          })}
        </p>
        <p className="muted">{t('centre.overview.sizeBands')}</p>
      </section>
    </>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="card centre-tile">
      <p className="centre-tile-label">{label}</p>
      <p className="centre-tile-value">{value}</p>
    </div>
  );
}
