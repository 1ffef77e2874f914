import { useState } from 'react';
import { centreActionEndpoints } from '../../shared/centre/actions-endpoints';
import { centreActionStatuses } from '../../shared/centre/actions-rules';
import { fronts } from '../../shared/platform/fronts';
import { ErrorAlert } from '../components/ErrorAlert';
import { FrontOptions } from '../components/FrontOptions';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { useEndpointQuery } from '../serverState';
import { useActionWords } from './ActionFacts';
import { CentreActionForm } from './CentreActionForm';
import { CentreNav } from './CentreNav';
import { centreActionPath, centreActionsPath } from './centreActionsPaths';

type FrontFilter = (typeof fronts)[number];
type StatusFilter = (typeof centreActionStatuses)[number];

/** The register of actions and projects, filtered by front and status (kept in the address), with the form to add one. */
export function CentreActionsPage() {
  const { t, text } = useI18n();
  const { query } = useLocation();
  const front = fronts.find((f) => f === query.get('front'));
  const status = centreActionStatuses.find((s) => s === query.get('status'));
  const list = useEndpointQuery(centreActionEndpoints.listCentreActions, { query: { front, status } });
  const [adding, setAdding] = useState(false);
  const words = useActionWords();

  const filter = (next: { front?: FrontFilter; status?: StatusFilter }) => {
    const params = new URLSearchParams();
    const chosen = { front, status, ...next };
    if (chosen.front) params.set('front', chosen.front);
    if (chosen.status) params.set('status', chosen.status);
    const search = params.toString();
    navigate(search ? `${centreActionsPath}?${search}` : centreActionsPath, { replace: true, keepScroll: true });
  };

  return (
    <section className="page" data-testid="centre-actions">
      <PageHeading title={t('centreActions.registerTitle')}>{t('centreActions.registerTitle')}</PageHeading>
      <CentreNav />
      <p className="lead">{t('centreActions.registerIntro')}</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor="centre-actions-front">{t('centreActions.filterFront')}</label>
          <select id="centre-actions-front" value={front ?? ''} onChange={(event) => filter({ front: (event.target.value || undefined) as FrontFilter | undefined })}>
            <FrontOptions empty={t('centreActions.all')} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="centre-actions-status">{t('centreActions.filterStatus')}</label>
          <select id="centre-actions-status" value={status ?? ''} onChange={(event) => filter({ status: (event.target.value || undefined) as StatusFilter | undefined })}>
            <option value="">{t('centreActions.all')}</option>
            {centreActionStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`centreActions.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data?.canManage &&
        (adding ? (
          <section className="card" aria-labelledby="centre-action-add-heading">
            <h2 id="centre-action-add-heading">{t('centreActions.newAction')}</h2>
            <CentreActionForm
              onDone={(saved) => {
                setAdding(false);
                if (saved) navigate(centreActionPath(saved.id));
              }}
            />
          </section>
        ) : (
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => setAdding(true)} data-testid="centre-action-new">
              {t('centreActions.newAction')}
            </button>
          </div>
        ))}
      {list.data && list.data.actions.length === 0 && <p className="muted">{t('centreActions.none')}</p>}
      {list.data && list.data.actions.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="centre-actions-caption">
          <table className="data-table" data-testid="centre-actions-table">
            <caption id="centre-actions-caption">{t('centreActions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('centreActions.columnTitle')}</th>
                <th scope="col">{t('centreActions.columnFront')}</th>
                <th scope="col">{t('centreActions.columnStatus')}</th>
                <th scope="col">{t('centreActions.columnPeriod')}</th>
                <th scope="col" className="numeric">
                  {t('centreActions.columnBudget')}
                </th>
                <th scope="col">{t('centreActions.columnReach')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.actions.map((action) => (
                <tr key={action.id}>
                  <th scope="row">
                    <Link href={centreActionPath(action.id)}>{action.title}</Link>
                    {action.indicators.length > 0 && <div className="muted">{action.indicators.map((indicator) => text(indicator.name)).join(' · ')}</div>}
                  </th>
                  <td>{t(`fronts.${action.front}`)}</td>
                  <td>{t(`centreActions.status.${action.status}`)}</td>
                  <td>{words.period(action)}</td>
                  <td className="numeric">{words.budget(action)}</td>
                  <td>{words.reach(action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
