import type { FrameworkVersionDto, ProfileDto } from '../../shared/digisnap/api';
import { formatChange, formatDate, formatScore } from '../../shared/i18n/format';
import { useI18n } from '../i18n';
import { areaByNumber, versionLabel } from './frameworkView';
import type { Framework } from './types';

function changeClass(change: number): string {
  return change > 0 ? 'change change-up' : change < 0 ? 'change change-down' : 'change';
}

/** Change per area since the previous scan of the same version, and every submitted scan so far, each labelled with its version. */
export function ProfileGrowth({ framework, profile, versions }: { framework: Framework; profile: ProfileDto; versions: readonly FrameworkVersionDto[] }) {
  const { t, text, locale } = useI18n();
  const { growth, history } = profile;

  return (
    <section className="card" aria-labelledby="growth-title" data-testid="growth">
      <h2 id="growth-title">{t('profile.growthTitle')}</h2>
      {growth ? (
        <>
          <p>
            {t('profile.growthSince', { date: formatDate(growth.since, locale) })}.{' '}
            <strong className={changeClass(growth.totalChange)}>{t('profile.growthTotal', { change: formatChange(growth.totalChange, locale) })}</strong>
          </p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('profile.growthCaption', { date: formatDate(growth.since, locale) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('profile.columnArea')}</th>
                  <th scope="col" className="numeric">
                    {t('profile.columnChange')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...growth.areas]
                  .sort((a, b) => a.number - b.number)
                  .map((area) => (
                    <tr key={area.number}>
                      <th scope="row">
                        {area.number}. {text(areaByNumber(framework, area.number)?.name)}
                      </th>
                      <td className={`numeric ${changeClass(area.change)}`}>{formatChange(area.change, locale)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{t('profile.growthNone')}</p>
      )}
      {history.length > 0 && (
        <>
          <h3>{t('profile.historyTitle')}</h3>
          <ul className="history-list">
            {[...history].reverse().map((point) => (
              <li key={point.scanId} data-testid="history-item">
                {t('profile.historyItem', {
                  date: formatDate(point.submittedAt, locale),
                  label: text(versionLabel(versions, { frameworkId: profile.frameworkId, frameworkVersion: point.frameworkVersion })),
                  // Each scan against the maximum of its own version (88 for the CheckIn version, 110 for 2026).
                  score: formatScore(
                    point.total,
                    point.areas.reduce((sum, area) => sum + area.max, 0),
                    locale,
                  ),
                  level: point.level,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
