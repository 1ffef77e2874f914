import { useState } from 'react';
import { formatDate } from '../../../shared/i18n/format';
import { reflectionEndpoints } from '../../../shared/school/reflection/endpoints';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ClassCodes } from './ClassCodes';
import { reflectionReportPath } from './reflectionPaths';
import type { ReflectionRound } from './types';

interface Props {
  round: ReflectionRound;
  canRun: boolean;
  onChanged(round: ReflectionRound): void;
}

/** One round: its window and groups, participation per group (counts only), class codes, close or reopen. */
export function RoundCard({ round, canRun, onChanged }: Props) {
  const { t, text, locale } = useI18n();
  const [notice, setNotice] = useState<string>();
  const [newClosesOn, setNewClosesOn] = useState('');
  const titleId = `round-${round.id}-title`;
  const period = t('campaigns.window', { from: formatDate(round.opensOn, locale), to: formatDate(round.closesOn, locale) });

  const { run, busy, failure } = useSubmit(async (kind: 'close' | 'reopen') => {
    if (kind === 'close') onChanged(await call(reflectionEndpoints.closeReflectionRound, { params: { schoolId: round.schoolId, roundId: round.id } }));
    else
      onChanged(await call(reflectionEndpoints.reopenReflectionRound, { params: { schoolId: round.schoolId, roundId: round.id }, body: newClosesOn ? { closesOn: newClosesOn } : {} }));
    setNotice(t(kind === 'close' ? 'reflection.round.closed' : 'reflection.round.reopened'));
  });

  const act = async (kind: 'close' | 'reopen') => {
    setNotice(undefined);
    await run(kind);
  };

  return (
    <article className="card campaign-card" aria-labelledby={titleId} data-testid="reflection-round" data-round-id={round.id}>
      <h2 id={titleId}>
        {text(round.instrument.name)} <span className={`status-badge campaign-status-${round.status}`}>{t(`campaigns.status.${round.status}`)}</span>
      </h2>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('reflection.round.window')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('reflection.round.groups')}</dt>
          <dd>{round.groups.map((group) => t(`reflection.groups.${group}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('campaigns.minGroupSize')}</dt>
          <dd>{round.minGroupSize}</dd>
        </div>
      </dl>

      <div className="participation no-print" data-testid="reflection-participation">
        <h3>{t('campaigns.participationTitle')}</h3>
        <p className="muted">{t('reflection.round.participationIntro')}</p>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('reflection.round.participationCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reflection.round.group')}</th>
                <th scope="col" className="numeric">
                  {t('reflection.round.started')}
                </th>
                <th scope="col" className="numeric">
                  {t('reflection.round.completed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {round.participation.map((entry) => (
                <tr key={entry.group} data-testid={`participation-${entry.group}`}>
                  <th scope="row">{t(`reflection.groups.${entry.group}`)}</th>
                  <td className="numeric">{entry.started}</td>
                  <td className="numeric" data-testid="count-completed">
                    {entry.completed}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      {round.groups.includes('pupils') && <ClassCodes round={round} canRun={canRun} onChanged={onChanged} />}

      <div className="actions actions-tight no-print">
        <Link className="button button-primary" href={reflectionReportPath(round.schoolId, round.id)}>
          {t('reflection.round.toReport')}
        </Link>
        {canRun && round.status !== 'closed' && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act('close')}>
            {t('reflection.round.close')}
          </button>
        )}
      </div>
      {canRun && round.status === 'closed' && (
        <form
          className="form reopen-form no-print"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void act('reopen');
          }}
        >
          <div className="field">
            <label htmlFor={`reopen-${round.id}`}>
              {t('campaigns.reopenClosesOn')}
              <span className="field-optional"> {t('form.optional')}</span>
            </label>
            <p id={`reopen-${round.id}-hint`} className="field-hint">
              {t('reflection.round.reopenHint')}
            </p>
            <input id={`reopen-${round.id}`} type="date" value={newClosesOn} aria-describedby={`reopen-${round.id}-hint`} onChange={(event) => setNewClosesOn(event.target.value)} />
          </div>
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t('reflection.round.reopen')}
          </button>
        </form>
      )}
      {failure && <ErrorAlert error={failure} />}
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
    </article>
  );
}
