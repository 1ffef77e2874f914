import { enrolmentEndpoints } from '../../shared/catalogue/endpoints';
import { formatDate } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointQuery } from '../serverState';
import { useCatalogueLabels } from './labels';
import { LevelSteps } from './TrainingBits';

/** The trainings the teacher marked as taken, newest first. */
export function TrainingHistory() {
  const { t, locale } = useI18n();
  const labels = useCatalogueLabels();
  const loaded = useEndpointQuery(enrolmentEndpoints.listMyCompletions);
  const items = loaded.data ? [...loaded.data.items].sort((a, b) => b.completedOn.localeCompare(a.completedOn)) : [];
  return (
    <section className="card" aria-labelledby="training-history-title" data-testid="training-history">
      <h2 id="training-history-title">{t('history.title')}</h2>
      {loaded.loading && <Loading />}
      {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && items.length === 0 && <p>{t('history.empty')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.columnDate')}</th>
                <th scope="col">{t('history.columnTraining')}</th>
                <th scope="col">{t('history.columnSteps')}</th>
                <th scope="col" className="numeric">
                  {t('catalogue.duration')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ training, completedOn }) => (
                <tr key={training.id}>
                  <td>{formatDate(`${completedOn}T12:00:00Z`, locale)}</td>
                  <td>
                    <Link href={`/opleidingen/${encodeURIComponent(training.id)}`} lang={training.language}>
                      {training.title}
                    </Link>
                    <br />
                    <span className="muted">{training.provider.name}</span>
                  </td>
                  <td>
                    <LevelSteps steps={training.levelSteps} />
                  </td>
                  <td className="numeric">{labels.hours(training.durationHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
