import { enrolmentEndpoints } from '../../shared/catalogue/endpoints';
import { formatDateTime } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointQuery } from '../serverState';
import { TrainingCard } from './TrainingCard';
import type { EnrolmentDto } from './types';

/** `/mijn-opleidingen`: the teacher's enrolments (soonest first) and bookmarked trainings. */
export function MyTrainingsPage() {
  const { t } = useI18n();
  const enrolments = useEndpointQuery(enrolmentEndpoints.listMyEnrolments);
  const bookmarks = useEndpointQuery(enrolmentEndpoints.listMyBookmarks);
  return (
    <section className="page page-my-trainings">
      <PageHeading title={t('myTrainings.title')}>{t('myTrainings.title')}</PageHeading>
      <p className="lead">
        {t('myTrainings.intro')} <Link href="/aanbevelingen">{t('myTrainings.toRecommendations')}</Link>
      </p>

      <section className="card" aria-labelledby="enrolments-title" data-testid="my-enrolments">
        <h2 id="enrolments-title">{t('myTrainings.enrolmentsTitle')}</h2>
        {enrolments.loading && <Loading />}
        {enrolments.error && <ErrorAlert error={enrolments.error} onRetry={enrolments.reload} />}
        {enrolments.data &&
          (enrolments.data.items.length === 0 ? (
            <p>
              {t('myTrainings.enrolmentsEmpty')} <Link href="/opleidingen">{t('myTrainings.search')}</Link>
            </p>
          ) : (
            <EnrolmentTable items={enrolments.data.items} />
          ))}
      </section>

      <section aria-labelledby="bookmarks-title" data-testid="my-bookmarks">
        <h2 id="bookmarks-title">{t('myTrainings.bookmarksTitle')}</h2>
        {bookmarks.loading && <Loading />}
        {bookmarks.error && <ErrorAlert error={bookmarks.error} onRetry={bookmarks.reload} />}
        {bookmarks.data &&
          (bookmarks.data.items.length === 0 ? (
            <p>{t('myTrainings.bookmarksEmpty')}</p>
          ) : (
            <ul className="result-list">
              {bookmarks.data.items.map((training) => (
                <li key={training.id}>
                  <TrainingCard training={training} testId="bookmark-item" />
                </li>
              ))}
            </ul>
          ))}
      </section>
    </section>
  );
}

function EnrolmentTable({ items }: { items: EnrolmentDto[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('myTrainings.enrolmentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('myTrainings.columnWhen')}</th>
            <th scope="col">{t('myTrainings.columnTraining')}</th>
            <th scope="col">{t('myTrainings.columnStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((enrolment) => (
            <tr key={enrolment.id} data-testid="my-enrolment-row" data-session-id={enrolment.sessionId}>
              <td>{formatDateTime(enrolment.startsAt, locale)}</td>
              <td>
                <Link href={`/opleidingen/${encodeURIComponent(enrolment.trainingId)}`}>{enrolment.trainingTitle}</Link>
              </td>
              <td>{t(`enrolmentStatus.${enrolment.status}`, { position: enrolment.position ?? '–' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
