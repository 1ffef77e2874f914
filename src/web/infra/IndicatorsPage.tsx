import { formatDate, formatNumber, formatPercent, formatPrice } from '../../shared/i18n/format';
import type { InfraIndicators } from '../../shared/infra/indicator-api';
import { indicatorEndpoints } from '../../shared/infra/indicator-endpoints';
import { schoolEndpoints } from '../../shared/school/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointQuery } from '../serverState';
import { boardParkPath, ictParkPath } from './infraPaths';

type Reference = InfraIndicators['reference'];
type Translate = ReturnType<typeof useI18n>['t'];
type Locale = ReturnType<typeof useI18n>['locale'];

/** The school's ICT park in figures, beside MICTIVO 2023's. */
export function SchoolIndicatorsPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const answer = useEndpointQuery(indicatorEndpoints.getInfraIndicators, { params: { schoolId } });
  if ((school.loading && !school.data) || (answer.loading && !answer.data && !answer.error)) return <Loading />;
  const failure = school.error ?? answer.error;
  if (failure || !school.data || !answer.data) {
    return (
      <NarrowPage title={t('indicators.nav')}>
        <SchoolNav schoolId={schoolId} />
        {failure && <ErrorAlert error={failure} onRetry={school.error ? school.reload : answer.reload} />}
      </NarrowPage>
    );
  }
  const title = t('indicators.title', { name: school.data.name });
  return (
    <section className="page indicators-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p>
        <Link href={ictParkPath(schoolId)}>{t('indicators.back')}</Link>
      </p>
      <IndicatorSummary answer={answer.data} />
    </section>
  );
}

/** A board's ICT park in figures: all its schools together, then each school. */
export function BoardIndicatorsPage({ boardId }: { boardId: string }) {
  const { t, locale } = useI18n();
  const answer = useEndpointQuery(indicatorEndpoints.getBoardInfraIndicators, { params: { boardId } });
  if (answer.loading && !answer.data && !answer.error) return <Loading />;
  if (answer.error || !answer.data) return <NarrowPage title={t('indicators.boardTitle')}>{answer.error && <ErrorAlert error={answer.error} onRetry={answer.reload} />}</NarrowPage>;
  const { schools } = answer.data;
  return (
    <section className="page indicators-page">
      <PageHeading title={t('indicators.boardTitle')}>{t('indicators.boardTitle')}</PageHeading>
      <p>
        <Link href={boardParkPath(boardId)}>{t('indicators.boardBack')}</Link>
      </p>
      <IndicatorSummary answer={answer.data} />
      <h2>{t('indicators.perSchool')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('indicators.perSchool')}>
        <table className="data-table" data-testid="school-indicators">
          <caption className="visually-hidden">{t('indicators.perSchool')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.school')}</th>
              <th scope="col">{t('indicators.devices')}</th>
              <th scope="col">{t('indicators.per100')}</th>
              <th scope="col">{t('indicators.younger')}</th>
              <th scope="col">{t('indicators.averageAge')}</th>
              <th scope="col">{t('indicators.co2')}</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((school) => {
              const per100 = school.indicators.devicesPer100Pupils.primary.value ?? school.indicators.devicesPer100Pupils.secondary.value;
              return (
                <tr key={school.schoolId}>
                  <th scope="row">{school.schoolName}</th>
                  <td>{formatNumber(school.indicators.devices, locale)}</td>
                  <td>{per100 === null ? t('indicators.noCounts') : formatNumber(per100, locale)}</td>
                  <td>{shareText(school.indicators.youngerThanFourYears.share, t, locale)}</td>
                  <td>{ageText(school.indicators.averageAgeYears, t, locale)}</td>
                  <td>{t('indicators.kg', { kg: formatNumber(school.indicators.co2Avoided.kg, locale, 0) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const shareText = (share: number | null, t: Translate, locale: Locale) => (share === null ? t('indicators.noDates') : formatPercent(share, locale));
const ageText = (years: number | null, t: Translate, locale: Locale) => (years === null ? t('indicators.noDates') : t('indicators.years', { years: formatNumber(years, locale) }));

/** The figures beside MICTIVO's, and where the comparison figures and CO2 factors come from. */
function IndicatorSummary({ answer }: { answer: InfraIndicators }) {
  const { t, locale } = useI18n();
  const { indicators: i, reference } = answer;
  const per100 = (level: 'primary' | 'secondary') => {
    const ratio = i.devicesPer100Pupils[level];
    if (ratio.value === null) return i.pupilCountsMissing ? t('indicators.noCounts') : t('indicators.noPupilsAtLevel');
    return t('indicators.per100Value', { value: formatNumber(ratio.value, locale, 0), computers: formatNumber(ratio.computers, locale), pupils: formatNumber(ratio.pupils, locale) });
  };
  const perPupil = i.pupilsWithDevice.share;
  const rows: Array<{ key: string; label: string; ours: string; mictivo: string }> = [
    { key: 'per100-primary', label: t('indicators.per100Primary'), ours: per100('primary'), mictivo: formatNumber(reference.mictivo.devicesPer100Pupils.primary, locale) },
    { key: 'per100-secondary', label: t('indicators.per100Secondary'), ours: per100('secondary'), mictivo: formatNumber(reference.mictivo.devicesPer100Pupils.secondary, locale) },
    {
      key: 'younger',
      label: t('indicators.younger'),
      ours:
        i.youngerThanFourYears.share === null
          ? t('indicators.noDates')
          : t('indicators.ofDated', { share: formatPercent(i.youngerThanFourYears.share, locale), devices: i.youngerThanFourYears.devices, dated: i.youngerThanFourYears.dated }),
      mictivo: t('indicators.mictivoYounger'),
    },
    { key: 'age', label: t('indicators.averageAge'), ours: ageText(i.averageAgeYears, t, locale), mictivo: '' },
    {
      key: 'pupils',
      label: t('indicators.pupilsWithDevice'),
      ours:
        perPupil === null
          ? i.pupilCountsMissing
            ? t('indicators.noCounts')
            : t('indicators.loansOnly', { pupils: i.pupilsWithDevice.pupils })
          : t('indicators.pupilsValue', { share: formatPercent(perPupil, locale), pupils: i.pupilsWithDevice.pupils, eligible: i.pupilsWithDevice.eligible }),
      mictivo: '',
    },
    {
      key: 'cost',
      label: t('indicators.costPerPupil'),
      ours: i.costPerPupil.cents === null ? t('indicators.noCounts') : formatPrice(Math.round(i.costPerPupil.cents) / 100, locale),
      mictivo: '',
    },
    {
      key: 'co2',
      label: t('indicators.co2'),
      ours: t('indicators.co2Value', { kg: formatNumber(i.co2Avoided.kg, locale, 0), devices: i.co2Avoided.devices }),
      mictivo: '',
    },
  ];
  return (
    <>
      <p className="lead">{t('indicators.intro', { devices: formatNumber(i.devices, locale), computers: formatNumber(i.computers, locale), day: formatDate(answer.asOf, locale) })}</p>
      {i.pupilCountsMissing && (
        <p className="alert alert-info" data-testid="enter-pupil-counts">
          {t('indicators.enterCounts')}
        </p>
      )}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('indicators.tableCaption')}>
        <table className="data-table" data-testid="indicator-table">
          <caption className="visually-hidden">{t('indicators.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.indicator')}</th>
              <th scope="col">{t('indicators.ours')}</th>
              <th scope="col">{reference.mictivo.edition}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-indicator={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.ours}</td>
                <td>{row.mictivo}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Sources reference={reference} />
    </>
  );
}

function Sources({ reference }: { reference: Reference }) {
  const { t, locale } = useI18n();
  const { co2, mictivo } = reference;
  return (
    <section aria-labelledby="indicator-sources">
      <h2 id="indicator-sources">{t('indicators.sources')}</h2>
      <p>
        {t('indicators.mictivoSource', { edition: mictivo.edition })} <a href={mictivo.source.url}>{mictivo.source.title}</a>
      </p>
      <p>
        {t('indicators.co2Method', { share: formatPercent(co2.productionShare, locale), years: formatNumber(co2.usualLifeYears, locale) })}{' '}
        <a href={co2.source.url}>{co2.source.title}</a>
      </p>
      <ul>
        {co2.footprints.map((row) => (
          <li key={row.type}>
            {t(`infra.types.${row.type}`)}: {t('indicators.kg', { kg: formatNumber(row.lifeFootprintKg, locale, 0) })}
            {!row.verified && ` (${t('indicators.unverified')})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
