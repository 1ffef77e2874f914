import type { ReactNode } from 'react';
import type { CentreFronts, FrontSource } from '../../shared/centre/fronts';
import { formatDate, formatNumber, formatPercent, formatPrice } from '../../shared/i18n/format';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { Link } from '../router';
import './fronts.css';

/** The other fronts on the centre's overview: one card per figure, each with its source module and the date of its data. */
export function FrontsSection({ fronts }: { fronts: CentreFronts }) {
  const { t, text, locale } = useI18n();
  const share = (value: number | null) => (value === null ? t('centreFronts.none') : formatPercent(value, locale));
  const number = (value: number | null, digits = 1) => (value === null ? t('centreFronts.none') : formatNumber(value, locale, digits));
  const { ictPark, funding, policyPlans, cyberCheck, reflection, stem } = fronts;
  return (
    <section className="card" aria-labelledby="centre-fronts-title" data-testid="centre-fronts">
      <h2 id="centre-fronts-title">{t('centreFronts.title')}</h2>
      <p className="muted">
        {t('centreFronts.intro')} <Link href="/open-data">{t('openData.link')}</Link>
      </p>
      <div className="centre-fronts">
        <Front id="ict-park" title={t('centreFronts.ictPark.title')} source={ictPark.source}>
          <Facts
            rows={[
              [t('centreFronts.ictPark.schools'), number(ictPark.schools, 0)],
              [t('centreFronts.ictPark.devices'), number(ictPark.devices, 0)],
              [t('centreFronts.ictPark.per100Primary'), number(ictPark.devicesPer100Pupils.primary)],
              [t('centreFronts.ictPark.per100Secondary'), number(ictPark.devicesPer100Pupils.secondary)],
              [t('centreFronts.ictPark.young'), share(ictPark.youngerThanFourYears)],
              [t('centreFronts.ictPark.age'), number(ictPark.averageAgeYears)],
            ]}
          />
        </Front>
        <Front id="funding" title={t('centreFronts.funding.title')} source={funding.source}>
          <Table
            caption={t('centreFronts.funding.title')}
            head={[t('centreFronts.funding.scheme'), t('centreFronts.funding.schools'), t('centreFronts.funding.budget'), t('centreFronts.funding.spent')]}
            rows={funding.schemes.map((scheme) => [
              text(scheme.name),
              number(scheme.schools, 0),
              formatPrice(scheme.budgetCents / 100, locale),
              `${formatPrice(scheme.spentCents / 100, locale)} (${share(scheme.spentShare)})`,
            ])}
          />
        </Front>
        <Front id="policy-plans" title={t('centreFronts.policyPlans.title')} source={policyPlans.source}>
          <p className="centre-front-figure">{share(policyPlans.share)}</p>
          <p>{t('centreFronts.policyPlans.of', { count: policyPlans.withCurrentPlan, schools: formatNumber(policyPlans.schools, locale, 0) })}</p>
        </Front>
        <Front id="cyber-check" title={t('centreFronts.cyberCheck.title')} source={cyberCheck.source}>
          <p>{t('centreFronts.cyberCheck.schools', { count: cyberCheck.schools })}</p>
          <Table
            caption={t('centreFronts.cyberCheck.title')}
            head={[t('centreFronts.cyberCheck.topic'), t('centreFronts.cyberCheck.maturity')]}
            rows={cyberCheck.topics.map((topic) => [text(topic.name), share(topic.maturity)])}
          />
        </Front>
        <Front id="reflection" title={t('centreFronts.reflection.title')} source={reflection.source}>
          <p>{t('centreFronts.reflection.rounds', { count: reflection.rounds })}</p>
          <Table
            caption={t('centreFronts.reflection.title')}
            head={[t('centreFronts.reflection.area'), t('centreFronts.reflection.respondents'), t('centreFronts.reflection.score')]}
            rows={reflection.areas.map((area) => [text(area.name), area.respondents === null ? t('centreFronts.hidden') : number(area.respondents, 0), number(area.score, 2)])}
          />
        </Front>
        <Front id="stem" title={t('centreFronts.stem.title')} source={stem.source}>
          <Table
            caption={t('centreFronts.stem.title')}
            head={[t('centreFronts.stem.indicator'), t('centreFronts.stem.year'), t('centreFronts.stem.value'), t('centreFronts.stem.target')]}
            rows={stem.indicators.map((indicator) => [
              text(indicator.name),
              indicator.year ?? t('centreFronts.none'),
              share(indicator.value),
              indicator.target
                ? t('centreFronts.stem.targetBy', { value: formatPercent(indicator.target.value, locale), year: indicator.target.deadlineYear })
                : t('centreFronts.none'),
            ])}
          />
        </Front>
      </div>
    </section>
  );
}

function Front({ id, title, source, children }: { id: string; title: string; source: FrontSource; children: ReactNode }) {
  const { t, locale } = useI18n();
  const date = source.asOf === null ? t('centreFronts.noData') : /^\d{4}-\d{2}-\d{2}$/.test(source.asOf) ? formatDate(source.asOf, locale) : source.asOf;
  return (
    <section className="centre-front" aria-labelledby={`centre-front-${id}`} data-testid={`centre-front-${id}`}>
      <h3 id={`centre-front-${id}`}>{title}</h3>
      {children}
      <p className="muted">{t('centreFronts.source', { module: t(`centreFronts.modules.${source.module}`), date })}</p>
    </section>
  );
}

function Facts({ rows }: { rows: ReadonlyArray<[string, string]> }) {
  return (
    <dl className="centre-front-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ caption, head, rows }: { caption: string; head: readonly string[]; rows: ReadonlyArray<readonly string[]> }) {
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((cell, i) => (
              <th key={cell} scope="col" className={i === 0 ? undefined : 'numeric'}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, ...cells]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {cells.map((cell, i) => (
                <td key={head[i + 1]} className="numeric">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
