import { useState } from 'react';
import { centreActionEndpoints } from '../../shared/centre/actions-endpoints';
import { formatDateTime } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { FactList } from '../components/FactList';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointQuery } from '../serverState';
import { useActionWords } from './ActionFacts';
import { CentreActionForm } from './CentreActionForm';
import { CentreNav } from './CentreNav';
import { bootcampsPath, centreActionsPath } from './centreActionsPaths';

/** One action: its facts, the figures it should move (each a link to where it is shown), its reach and its history. */
export function CentreActionPage({ centreActionId }: { centreActionId: string }) {
  const { t, text, locale } = useI18n();
  const detail = useEndpointQuery(centreActionEndpoints.getCentreAction, { params: { centreActionId } });
  const [editing, setEditing] = useState(false);
  const words = useActionWords();

  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error || !detail.data) {
    return (
      <NarrowPage title={t('centreActions.registerTitle')}>
        <CentreNav />
        {detail.error && <ErrorAlert error={detail.error} message={detail.error.status === 404 ? t('centreActions.notFound') : undefined} onRetry={detail.reload} />}
      </NarrowPage>
    );
  }
  const action = detail.data;
  return (
    <section className="page" data-testid="centre-action">
      <PageHeading title={action.title}>{action.title}</PageHeading>
      <CentreNav />
      <p>
        <Link href={centreActionsPath}>{t('centreActions.back')}</Link>
      </p>
      {editing ? (
        <section className="card" aria-labelledby="centre-action-edit-title">
          <h2 id="centre-action-edit-title">{t('centreActions.edit')}</h2>
          <CentreActionForm action={action} onDone={() => setEditing(false)} />
        </section>
      ) : (
        <>
          <FactList
            facts={[
              [t('centreActions.columnFront'), t(`fronts.${action.front}`)],
              [t('centreActions.detailSpearhead'), t(`centreActions.spearhead.${action.spearhead}`)],
              [t('centreActions.columnStatus'), t(`centreActions.status.${action.status}`)],
              [t('centreActions.detailOwner'), action.owner],
              [t('centreActions.columnPeriod'), words.period(action)],
              [t('centreActions.columnBudget'), words.budget(action)],
            ]}
          />
          {action.goal && (
            <section aria-labelledby="centre-action-goal">
              <h2 id="centre-action-goal">{t('centreActions.detailGoal')}</h2>
              <p>{action.goal}</p>
            </section>
          )}
          {action.canManage && (
            <div className="actions">
              <button type="button" className="button button-secondary" onClick={() => setEditing(true)} data-testid="centre-action-edit">
                {t('centreActions.edit')}
              </button>
            </div>
          )}
        </>
      )}
      <section className="card" aria-labelledby="centre-action-indicators" data-testid="centre-action-indicators">
        <h2 id="centre-action-indicators">{t('centreActions.detailIndicators')}</h2>
        {action.indicators.length === 0 ? (
          <p className="muted">{t('centreActions.detailIndicatorsNone')}</p>
        ) : (
          <ul>
            {action.indicators.map((indicator) => (
              <li key={indicator.key}>
                <Link href={indicator.page}>{text(indicator.name)}</Link> <span className="muted">({t(`fronts.${indicator.front}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="centre-action-reach" data-testid="centre-action-reach">
        <h2 id="centre-action-reach">{t('centreActions.detailReach')}</h2>
        <p>
          {words.reach(action)} <span className="muted">({t(`centreActions.reachSource.${action.reach.source}`)})</span>
        </p>
        {action.programme && (
          <p>
            {t('centreActions.detailProgramme', { programme: t(`centreActions.programme.${action.programme}`) })} <Link href={bootcampsPath}>{t('centreActions.toBootcamps')}</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="centre-action-history">
        <h2 id="centre-action-history">{t('centreActions.history')}</h2>
        <ul>
          {action.history.map((change) => (
            <li key={change.version}>
              {formatDateTime(change.at, locale)}: {t('centreActions.historyLine', { version: change.version, fields: change.fields.join(', ') })}
              {change.by && ` ${t('centreActions.historyBy', { name: change.by })}`}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
