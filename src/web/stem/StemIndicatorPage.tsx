import { useCallback, useMemo } from 'react';
import { formatNumber } from '../../shared/i18n/format';
import type { StemIndicatorDefinition, StemIndicatorList, StemSeries } from '../../shared/stem/api';
import { type StemBreakdown, stemBreakdowns } from '../../shared/stem/vocabulary';
import { ErrorAlert } from '../components/ErrorAlert';
import { FactList } from '../components/FactList';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { StemChart } from './StemChart';
import { StemNotes } from './StemMonitorPage';
import { Source, StemTile, Verified } from './StemTile';
import { barChartOption, lineChartOption } from './stemCharts';
import { stemPath } from './stemPaths';
import { useStemDefinitions, useStemSeries } from './stemQueries';
import { genderGapTable, latestYear, plottedShare, provinceTable, seriesTable, shareText } from './stemView';
import { useStemWords } from './stemWords';
import './stem.css';

const BREAKDOWN_PARAM = 'opsplitsing';

/** One indicator: its headline, what it counts, its course with a breakdown switch, the provinces and the gender gap. */
export function StemIndicatorPage({ indicator }: { indicator: string }) {
  const { t, text } = useI18n();
  const list = useStemDefinitions();
  if (list.loading && !list.data) return <Loading />;
  if (list.error || !list.data) return <NarrowPage title={t('stemMonitor.title')}>{list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}</NarrowPage>;
  const definition = list.data.indicators.find((candidate) => candidate.id === indicator);
  if (!definition) {
    return (
      <NarrowPage title={t('stemMonitor.title')}>
        <p>{t('stemMonitor.unknownIndicator')}</p>
        <p>
          <Link href={stemPath()}>{t('stemMonitor.back')}</Link>
        </p>
      </NarrowPage>
    );
  }
  const name = text(definition.name);
  return (
    <section className="page stem-page" data-testid="stem-indicator">
      <PageHeading title={name}>{name}</PageHeading>
      <p>
        <Link href={stemPath()}>{t('stemMonitor.back')}</Link>
      </p>
      <p className="lead">{text(definition.description)}</p>
      <StemNotes list={list.data} />
      <div className="stem-tiles">
        <StemTile definition={definition} linked={false} />
        <section className="card" aria-labelledby="stem-definition-title">
          <h2 id="stem-definition-title">{t('stemMonitor.definitionTitle')}</h2>
          <FactList
            facts={[
              [t('stemMonitor.population'), text(definition.population)],
              [t('stemMonitor.numerator'), text(definition.numerator)],
              [t('stemMonitor.denominator'), text(definition.denominator)],
              [t('stemMonitor.baseline'), definition.baselineYear],
            ]}
          />
        </section>
      </div>
      <SeriesSection definition={definition} definitions={list.data.definitions} />
      {definition.breakdowns.includes('province') && <ProvinceSection definition={definition} />}
      {definition.breakdowns.includes('gender') && <GenderSection definition={definition} />}
      <PublishedSection definition={definition} />
    </section>
  );
}

/** The breakdown in the address, so a link shows the same chart; one the indicator does not have reads as none. */
function useBreakdown(definition: StemIndicatorDefinition): [StemBreakdown, (breakdown: StemBreakdown) => void] {
  const { path, query } = useLocation();
  const asked = query.get(BREAKDOWN_PARAM);
  const breakdown = stemBreakdowns.find((b) => b === asked && definition.breakdowns.includes(b)) ?? 'none';
  const choose = (next: StemBreakdown) => {
    const params = new URLSearchParams(query);
    if (next === 'none') params.delete(BREAKDOWN_PARAM);
    else params.set(BREAKDOWN_PARAM, next);
    const search = params.toString();
    navigate(search ? `${path}?${search}` : path, { replace: true, keepScroll: true });
  };
  return [breakdown, choose];
}

type Definitions = StemIndicatorList['definitions'];

function SeriesSection({ definition, definitions }: { definition: StemIndicatorDefinition; definitions: Definitions }) {
  const { t, text } = useI18n();
  const [breakdown, choose] = useBreakdown(definition);
  const choices = ['none' as const, ...definition.breakdowns.filter((b) => b !== 'none')];
  return (
    <section className="card" aria-labelledby="stem-series-title">
      <h2 id="stem-series-title">{t('stemMonitor.seriesTitle')}</h2>
      <fieldset className="stem-breakdown" data-testid="stem-breakdown">
        <legend>{t('stemMonitor.breakdown')}</legend>
        {choices.map((choice) => (
          <label key={choice} className="radio-choice">
            <input type="radio" name="stem-breakdown" value={choice} checked={choice === breakdown} onChange={() => choose(choice)} /> {t(`stemMonitor.breakdowns.${choice}`)}
          </label>
        ))}
      </fieldset>
      <SeriesChart definition={definition} definitions={definitions} breakdown={breakdown} name={text(definition.name)} />
    </section>
  );
}

interface SeriesChartProps {
  definition: StemIndicatorDefinition;
  definitions: Definitions;
  breakdown: StemBreakdown;
  name: string;
}

function SeriesChart({ definition, definitions, breakdown, name }: SeriesChartProps) {
  const { t, text, locale } = useI18n();
  const words = useStemWords();
  const series = useStemSeries(definition.id, breakdown);
  const data = series.data;
  const table = useMemo(() => {
    const definitionName = (id: string) => text(definitions.find((candidate) => candidate.id === id)?.name) || id;
    return data && seriesTable(data, t('stemMonitor.seriesCaption', { name }), locale, words, definitionName);
  }, [data, definitions, name, locale, words, t, text]);
  const input = useMemo(() => {
    if (!data) return undefined;
    const groupKeys = data.years.find((year) => year.groups)?.groups?.map((group) => group.key) ?? [];
    const target = definition.targets[0];
    return {
      years: data.years.map((year) => year.year),
      lines: [
        { name: words.flanders, values: data.years.map((year) => plottedShare(year.total)) },
        ...groupKeys.map((key) => ({ name: words.group(key), values: data.years.map((year) => plottedShare(year.groups?.find((group) => group.key === key)?.value)) })),
      ],
      points: {
        name: t('stemMonitor.columns.published'),
        values: data.years.map((year) => {
          const published = data.published.find((p) => p.year === year.year && p.group === null);
          return published ? Math.round(published.value * 10000) / 100 : null;
        }),
      },
      target: target && { value: target.value * 100, label: t('stemMonitor.target', { value: shareText(target.value, locale, 2), year: target.deadlineYear }) },
      percent: (value: number) => `${formatNumber(value, locale)}%`,
    };
  }, [data, definition, words, t, locale]);
  const option = useCallback((width: number) => (input ? lineChartOption(input, width) : {}), [input]);
  if (series.error) return <ErrorAlert error={series.error} onRetry={series.reload} />;
  if (!data || !table || !input) return <Loading />;
  const summary = input.lines
    .map((line) => {
      const last = line.values.findLast((value) => value !== null);
      return `${line.name}: ${last === undefined || last === null ? words.noData : input.percent(last)}`;
    })
    .join('; ');
  return (
    <StemChart
      kind="line"
      option={option}
      label={t('stemMonitor.seriesLabel', { name, breakdown: t(`stemMonitor.breakdowns.${breakdown}`), summary })}
      table={table}
      rowHeaderColumns={2}
      hasData={data.years.length > 0}
      testId="stem-series-chart"
      note={<HiddenNote series={data} />}
    />
  );
}

/** Under a chart: which points are hidden by the small-number rule, as the chart leaves them out. */
function HiddenNote({ series }: { series: StemSeries }) {
  const { t } = useI18n();
  const words = useStemWords();
  const points = series.years.flatMap((year) => [
    ...(year.total.status === 'hidden' ? [`${words.flanders} ${year.year}`] : []),
    ...(year.groups ?? []).filter((group) => group.value.status === 'hidden').map((group) => `${words.group(group.key)} ${year.year}`),
  ]);
  return points.length > 0 ? (
    <p className="muted" data-testid="stem-hidden-note">
      {t('stemMonitor.hiddenInChart', { points: points.join(', ') })}
    </p>
  ) : null;
}

function ProvinceSection({ definition }: { definition: StemIndicatorDefinition }) {
  const { t, text, locale } = useI18n();
  const words = useStemWords();
  const series = useStemSeries(definition.id, 'province');
  const data = series.data;
  const name = text(definition.name);
  const year = data && latestYear(data);
  const table = useMemo(() => data && provinceTable(data, t('stemMonitor.provinceCaption', { name, year: year?.year ?? '' }), locale, words), [data, name, year, locale, words, t]);
  const input = useMemo(() => {
    const rows = year ? [{ key: null as string | null, value: year.total }, ...(year.groups ?? []).map((group) => ({ key: group.key as string | null, value: group.value }))] : [];
    return {
      categories: rows.map((row) => (row.key === null ? words.flanders : words.group(row.key))),
      values: rows.map((row) => (row.value.status === 'hidden' ? ('hidden' as const) : plottedShare(row.value))),
      name,
      hiddenLabel: `< 5 (${words.hidden})`,
      percent: (value: number) => `${formatNumber(value, locale)}%`,
    };
  }, [year, words, name, locale]);
  const option = useCallback((width: number) => barChartOption(input, width), [input]);
  return (
    <section className="card" aria-labelledby="stem-province-title">
      <h2 id="stem-province-title">{t('stemMonitor.provinceTitle')}</h2>
      {series.error && <ErrorAlert error={series.error} onRetry={series.reload} />}
      {!data && !series.error && <Loading />}
      {data && table && input && (
        <StemChart
          kind="bar"
          option={option}
          label={t('stemMonitor.provinceLabel', {
            name,
            year: year?.year ?? '',
            summary: input.categories.map((category, i) => `${category}: ${valueWords(input.values[i], input.percent, words)}`).join('; '),
          })}
          table={table}
          hasData={data.years.length > 0}
          testId="stem-province-chart"
        />
      )}
    </section>
  );
}

const valueWords = (value: number | 'hidden' | null, percent: (value: number) => string, words: { hidden: string; noData: string }) =>
  value === 'hidden' ? `< 5 (${words.hidden})` : value === null ? words.noData : percent(value);

function GenderSection({ definition }: { definition: StemIndicatorDefinition }) {
  const { t, text, locale } = useI18n();
  const words = useStemWords();
  const series = useStemSeries(definition.id, 'gender');
  const data = series.data;
  const name = text(definition.name);
  const table = useMemo(() => data && genderGapTable(data, t('stemMonitor.genderCaption', { name }), locale, words), [data, name, locale, words, t]);
  const input = useMemo(() => {
    if (!data) return undefined;
    const line = (key: string) => ({ name: words.group(key), values: data.years.map((year) => plottedShare(year.groups?.find((group) => group.key === key)?.value)) });
    return { years: data.years.map((year) => year.year), lines: [line('f'), line('m')], percent: (value: number) => `${formatNumber(value, locale)}%` };
  }, [data, words, locale]);
  const option = useCallback((width: number) => (input ? lineChartOption(input, width) : {}), [input]);
  return (
    <section className="card" aria-labelledby="stem-gender-title">
      <h2 id="stem-gender-title">{t('stemMonitor.genderTitle')}</h2>
      {series.error && <ErrorAlert error={series.error} onRetry={series.reload} />}
      {!data && !series.error && <Loading />}
      {data && table && input && (
        <StemChart
          kind="line"
          option={option}
          label={t('stemMonitor.genderLabel', {
            name,
            summary: input.lines.map((line) => `${line.name}: ${valueWords(line.values.findLast((value) => value !== null) ?? null, input.percent, words)}`).join('; '),
          })}
          table={table}
          hasData={data.years.length > 0}
          testId="stem-gender-chart"
          note={<HiddenNote series={data} />}
        />
      )}
    </section>
  );
}

/** The published values of the indicator with their source, marked where not verified. */
function PublishedSection({ definition }: { definition: StemIndicatorDefinition }) {
  const { t, locale } = useI18n();
  const words = useStemWords();
  if (definition.published.length === 0) return null;
  return (
    <section className="card" aria-labelledby="stem-published-title">
      <h2 id="stem-published-title">{t('stemMonitor.publishedTitle')}</h2>
      <p className="muted">{t('stemMonitor.publishedIntro')}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="stem-published-caption">
        <table className="data-table" data-testid="stem-published">
          <caption id="stem-published-caption">{t('stemMonitor.publishedTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{words.columns.year}</th>
              <th scope="col">{words.columns.group}</th>
              <th scope="col" className="numeric">
                {words.columns.published}
              </th>
              <th scope="col">{words.columns.source}</th>
            </tr>
          </thead>
          <tbody>
            {definition.published.map((published) => (
              <tr key={`${published.year}-${published.breakdown}-${published.group}-${published.source}`}>
                <th scope="row">{published.year}</th>
                <td>{published.group === null ? words.flanders : words.group(published.group)}</td>
                <td className="numeric">{shareText(published.value, locale, 2)}</td>
                <td>
                  <Source cited={published} /> <Verified verified={published.verified} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
