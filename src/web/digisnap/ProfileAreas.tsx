import { useMemo } from 'react';
import type { ProfileDto } from '../../shared/digisnap/api';
import { formatDate, formatScore } from '../../shared/i18n/format';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { areaByNumber, levelName } from './frameworkView';
import { previousScan, scoresByArea } from './profileView';
import { RadarChart } from './RadarChart';
import type { Framework } from './types';

/** The six areas: a radar chart and, beside it, the same scores as a table. */
export function ProfileAreas({ framework, profile }: { framework: Framework; profile: ProfileDto }) {
  const { t, text, locale } = useI18n();
  const areas = useMemo(() => [...profile.result.areas].sort((a, b) => a.number - b.number), [profile]);
  const areaName = (number: number) => `${number}. ${text(areaByNumber(framework, number)?.name)}`;

  const chart = useMemo(() => {
    const order = areas.map((area) => area.number);
    const before = previousScan(profile);
    return {
      axes: areas.map((area) => ({ name: areaName(area.number), short: String(area.number), max: area.max })),
      current: { label: t('profile.chartCurrent'), values: areas.map((area) => area.score) },
      previous: before && {
        label: t('profile.chartPrevious', { date: formatDate(before.submittedAt, locale) }),
        values: scoresByArea(before.areas, order),
      },
    };
  }, [areas, profile, locale, framework]);

  const summary = areas.map((area) => t('profile.areaScoreText', { name: areaName(area.number), score: formatScore(area.score, area.max, locale) })).join('; ');

  return (
    <section className="card" aria-labelledby="areas-title">
      <h2 id="areas-title">{t('profile.areasTitle')}</h2>
      <div className="areas-layout">
        <RadarChart {...chart} label={t('profile.chartLabel', { summary })} />
        <TableScroll label={t('profile.tableCaption')}>
          <table className="data-table" data-testid="area-table">
            <caption>{t('profile.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.columnArea')}</th>
                <th scope="col" className="numeric">
                  {t('profile.columnScore')}
                </th>
                <th scope="col">{t('profile.columnLevel')}</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((area) => (
                <tr key={area.number}>
                  <th scope="row">{areaName(area.number)}</th>
                  <td className="numeric">{formatScore(area.score, area.max, locale)}</td>
                  <td className="level-cell">
                    <span className="level-badge">{area.level}</span> {text(levelName(framework, area.level))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
    </section>
  );
}
