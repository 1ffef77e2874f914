import { useCallback, useMemo, useState } from 'react';
import { ALL_EDUCATION_LEVELS } from '../../shared/centre/gap';
import type { CentreTarget, NeedsOfferCell } from '../../shared/centre/needs-offer.api';
import { LEVEL_CODES } from '../../shared/digisnap/levels';
import { formatDate, formatNumber } from '../../shared/i18n/format';
import { educationLevels, type Province } from '../../shared/platform/flanders';
import { type ApiError, asApiError } from '../api';
import { LazyChart } from '../charts/LazyChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { CentreNav } from './CentreNav';
import { useGapProviders, useMessageProviders, useNeedsOffer, useSetCentreTarget } from './needsOfferQueries';
import { countText, type GapSort, gapHeatmapInput, gapHeatmapOption, gapHeatmapTable, indexText, sortGaps } from './needsOfferView';
import './centre.css';

const LEVEL_PARAM = 'niveau';
const COMPETENCE_PARAM = 'competentie';
/** The table view shows the ten largest gaps first; the rest behind a button. */
const FIRST_ROWS = 10;

type Level = (typeof educationLevels)[number];
const isLevel = (value: string | null): value is Level => value !== null && (educationLevels as readonly string[]).includes(value);

/** Needs against the offer: a heatmap of the shortfall per province and competence, the ranked table, and what to do about a gap. */
export function NeedsOfferPage() {
  const { t, locale } = useI18n();
  const { path, query } = useLocation();
  const level = isLevel(query.get(LEVEL_PARAM)) ? (query.get(LEVEL_PARAM) as Level) : undefined;
  const competence = query.get(COMPETENCE_PARAM) || undefined;
  const answer = useNeedsOffer({ ...(level ? { level } : {}), ...(competence ? { competence } : {}) });
  const [chosen, setChosen] = useState<NeedsOfferCell | null>(null);
  const setParam = (name: string, value: string) => {
    const params = new URLSearchParams(query);
    if (value) params.set(name, value);
    else params.delete(name);
    const search = params.toString();
    navigate(search ? `${path}?${search}` : path, { replace: true, keepScroll: true });
  };
  const targets = answer.data?.targets ?? [];
  return (
    <section className="page centre-page" data-testid="centre-gaps">
      <PageHeading title={t('centre.gaps.title')}>{t('centre.gaps.title')}</PageHeading>
      <CentreNav />
      <p className="lead">{t('centre.gaps.intro')}</p>
      <p className="muted">{t('centre.gaps.indexHelp')}</p>
      <div className="centre-filters">
        <label className="field">
          <span>{t('centre.gaps.level')}</span>
          <select value={level ?? ''} onChange={(event) => setParam(LEVEL_PARAM, event.target.value)} data-testid="gaps-level">
            <option value="">{t('centre.gaps.allLevels')}</option>
            {educationLevels.map((code) => (
              <option key={code} value={code}>
                {t(`codes.educationLevel.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('centre.gaps.competence')}</span>
          <select value={competence ?? ''} onChange={(event) => setParam(COMPETENCE_PARAM, event.target.value)} data-testid="gaps-competence">
            <option value="">{t('centre.gaps.allCompetences')}</option>
            {targets.map((target) => (
              <option key={target.competence} value={target.competence}>
                {competenceName(target, locale)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {answer.error && <ErrorAlert error={answer.error} onRetry={answer.reload} />}
      {answer.loading && !answer.data && <Loading />}
      {answer.data && (
        <>
          <p className="muted" data-testid="gaps-window">
            {t('centre.gaps.window', { from: formatDate(answer.data.offerFrom, locale), to: formatDate(answer.data.offerTo, locale), months: answer.data.months })}
          </p>
          <GapHeatmap cells={answer.data.cells} targets={targets} />
          <GapTable cells={answer.data.cells} targets={targets} onChoose={setChosen} />
          {chosen && <GapActions gap={chosen} target={targets.find((target) => target.competence === chosen.competence)} onClose={() => setChosen(null)} />}
          <TargetForm targets={targets} />
          <section className="card card-quiet" aria-labelledby="gaps-privacy-title">
            <h2 id="gaps-privacy-title">{t('centre.gaps.privacyTitle')}</h2>
            <p>{t('centre.gaps.privacy', { threshold: answer.data.threshold, epsilon: formatNumber(answer.data.epsilon, locale, 2) })}</p>
          </section>
        </>
      )}
    </section>
  );
}

const competenceName = (target: CentreTarget | undefined, locale: 'nl' | 'en') => (target ? `${target.competence} ${target.name[locale]}` : '');

function GapHeatmap({ cells, targets }: { cells: NeedsOfferCell[]; targets: CentreTarget[] }) {
  const { t, locale } = useI18n();
  const province = useCallback((code: string) => t(`codes.province.${code as Province}`), [t]);
  const input = useMemo(() => gapHeatmapInput(cells, targets), [cells, targets]);
  const hidden = t('centre.gaps.hidden');
  const option = useCallback((width: number) => gapHeatmapOption(input, province, hidden, width), [input, province, hidden]);
  const caption = t('centre.gaps.heatmapCaption');
  const table = useMemo(() => gapHeatmapTable(input, { province, hidden, caption, rowHeader: t('centre.gaps.province') }, locale), [input, province, hidden, caption, t, locale]);
  return (
    <section className="card" aria-labelledby="gaps-heatmap-title">
      <h2 id="gaps-heatmap-title">{t('centre.gaps.heatmapTitle')}</h2>
      <LazyChart
        kind="heatmap"
        option={option}
        label={caption}
        table={table}
        testId="gaps-heatmap"
        className="centre-chart"
        canvasClassName="centre-chart-canvas gaps-heatmap-canvas"
        note={<p className="muted">{t('centre.gaps.heatmapNote')}</p>}
      />
    </section>
  );
}

function GapTable({ cells, targets, onChoose }: { cells: NeedsOfferCell[]; targets: CentreTarget[]; onChoose: (cell: NeedsOfferCell) => void }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<GapSort>('rank');
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => sortGaps(cells, sort), [cells, sort]);
  const rows = all ? sorted : sorted.slice(0, FIRST_ROWS);
  const hidden = t('centre.gaps.hidden');
  const header = (column: GapSort, label: string) => (
    <th scope="col" className="numeric" aria-sort={sort === column ? 'descending' : undefined}>
      <button type="button" className="link-button" onClick={() => setSort(column)}>
        {label}
      </button>
    </th>
  );
  return (
    <section className="card" aria-labelledby="gaps-table-title">
      <h2 id="gaps-table-title">{t('centre.gaps.tableTitle')}</h2>
      <TableScroll label={t('centre.gaps.tableTitle')}>
        <table className="data-table" data-testid="gaps-table">
          <caption>{t('centre.gaps.tableCaption')}</caption>
          <thead>
            <tr>
              {header('rank', '#')}
              <th scope="col">{t('centre.gaps.province')}</th>
              <th scope="col">{t('centre.gaps.competence')}</th>
              {header('need', t('centre.gaps.need'))}
              {header('places', t('centre.gaps.places'))}
              {header('shortfall', t('centre.gaps.shortfall'))}
              {header('gapIndex', t('centre.gaps.gapIndex'))}
              <th scope="col">{t('centre.gaps.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((cell) => (
              <tr key={`${cell.province}-${cell.level}-${cell.competence}`}>
                <td className="numeric">{cell.rank}</td>
                <th scope="row">{t(`codes.province.${cell.province}`)}</th>
                <td>
                  {competenceName(
                    targets.find((target) => target.competence === cell.competence),
                    locale,
                  )}
                </td>
                <td className="numeric">{countText(cell.need, locale, hidden)}</td>
                <td className="numeric">{countText(cell.places, locale, hidden)}</td>
                <td className="numeric">{countText(cell.shortfall, locale, hidden)}</td>
                <td className="numeric">{indexText(cell.gapIndex, locale, hidden)}</td>
                <td>
                  <Link href={trainingsHref(cell)}>{t('centre.gaps.trainings')}</Link>{' '}
                  <button type="button" className="link-button" onClick={() => onChoose(cell)}>
                    {t('centre.gaps.providers')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {sorted.length > FIRST_ROWS && (
        <button type="button" className="button-secondary" onClick={() => setAll(!all)} data-testid="gaps-all">
          {all ? t('centre.gaps.showFirst', { count: FIRST_ROWS }) : t('centre.gaps.showAll', { count: sorted.length })}
        </button>
      )}
    </section>
  );
}

/** The catalogue's search, filtered on the gap's competence, province and (when one) education level. */
function trainingsHref(cell: NeedsOfferCell): string {
  const params = new URLSearchParams({ competence: cell.competence, province: cell.province });
  if (cell.level !== ALL_EDUCATION_LEVELS) params.set('educationLevel', cell.level);
  return `/opleidingen?${params.toString()}`;
}

function GapActions({ gap, target, onClose }: { gap: NeedsOfferCell; target: CentreTarget | undefined; onClose: () => void }) {
  const { t, locale } = useI18n();
  const providers = useGapProviders({ province: gap.province, competence: gap.competence });
  const send = useMessageProviders();
  const levelName = gap.level === ALL_EDUCATION_LEVELS ? t('centre.gaps.allLevelsShort') : t(`codes.educationLevel.${gap.level as Level}`);
  const words = {
    province: t(`codes.province.${gap.province}`),
    level: levelName,
    competence: competenceName(target, locale),
    need: countText(gap.need, locale, t('centre.gaps.hidden')),
    places: formatNumber(gap.places, locale, 0),
  };
  const [subject, setSubject] = useState(t('centre.gaps.messageSubject', words));
  const [message, setMessage] = useState(t('centre.gaps.messageText', words));
  const [picked, setPicked] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await send({ body: { province: gap.province, level: gap.level as Level, competence: gap.competence, providerIds: picked, subject, message } });
      setStatus(t('centre.gaps.sent', { count: result.sent }));
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <section className="card" aria-labelledby="gap-actions-title" data-testid="gap-actions">
      <h2 id="gap-actions-title">{t('centre.gaps.actionsTitle', words)}</h2>
      {providers.loading && !providers.data && <Loading />}
      {providers.data && providers.data.providers.length === 0 && <p>{t('centre.gaps.noProviders')}</p>}
      <form onSubmit={submit}>
        {providers.data && providers.data.providers.length > 0 && (
          <fieldset>
            <legend>{t('centre.gaps.providersLegend', { area: providers.data.area })}</legend>
            {providers.data.providers.map((provider) => (
              <label key={provider.id} className="checkbox-choice">
                <input
                  type="checkbox"
                  checked={picked.includes(provider.id)}
                  onChange={(event) => setPicked(event.target.checked ? [...picked, provider.id] : picked.filter((id) => id !== provider.id))}
                />{' '}
                {t('centre.gaps.providerLine', { name: provider.name, count: provider.trainings, competences: provider.competences.join(', ') })}
              </label>
            ))}
          </fieldset>
        )}
        <label className="field">
          <span>{t('centre.gaps.subject')}</span>
          <input value={subject} onChange={(event) => setSubject(event.target.value)} maxLength={200} required />
        </label>
        <label className="field">
          <span>{t('centre.gaps.message')}</span>
          <textarea value={message} onChange={(event) => setMessage(event.target.value)} rows={5} maxLength={5000} required />
        </label>
        {error && <ErrorAlert error={error} />}
        {status && <p role="status">{status}</p>}
        <button type="submit" disabled={picked.length === 0}>
          {t('centre.gaps.send')}
        </button>{' '}
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('centre.gaps.close')}
        </button>
      </form>
    </section>
  );
}

function TargetForm({ targets }: { targets: CentreTarget[] }) {
  const { t, locale } = useI18n();
  const setTarget = useSetCentreTarget();
  const [competence, setCompetence] = useState(targets[0]?.competence ?? '');
  const current = targets.find((target) => target.competence === competence);
  const [level, setLevel] = useState<string>('');
  const [status, setStatus] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const chosen = (level || current?.level) as (typeof LEVEL_CODES)[number];
    await setTarget({ params: { competence }, body: { level: chosen } });
    setStatus(t('centre.gaps.targetSaved', { competence, level: chosen }));
  };
  return (
    <section className="card" aria-labelledby="gaps-target-title">
      <h2 id="gaps-target-title">{t('centre.gaps.targetTitle')}</h2>
      <p className="muted">{t('centre.gaps.targetHelp')}</p>
      <form onSubmit={submit} className="centre-filters">
        <label className="field">
          <span>{t('centre.gaps.competence')}</span>
          <select value={competence} onChange={(event) => setCompetence(event.target.value)}>
            {targets.map((target) => (
              <option key={target.competence} value={target.competence}>
                {competenceName(target, locale)} ({target.level})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('centre.gaps.targetLevel')}</span>
          <select value={level || current?.level || 'B1'} onChange={(event) => setLevel(event.target.value)}>
            {LEVEL_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('centre.gaps.saveTarget')}</button>
      </form>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
