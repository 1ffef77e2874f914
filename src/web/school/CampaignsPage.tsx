import { useState, type FormEvent, type ReactElement } from 'react';
import { formatDate, formatDateTime, formatPercent } from '../../shared/i18n/format';
import { api, type ApiError } from '../api';
import { brusselsToday, fromBrusselsInput } from '../catalogue/brusselsTime';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { asApiError, useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { campaignRunnerRoles, reportPath } from './schoolAccess';
import { SchoolNav } from './SchoolNav';
import type { Campaign } from './types';

const MIN_GROUP_SIZE = 5;

/** A day `days` after a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Digisnap campaigns of a school: open one, follow participation, remind, close or reopen. */
export function CampaignsPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const school = useAsync(() => api.school(schoolId), [schoolId]);
  const campaigns = useAsync(() => api.campaigns(schoolId), [schoolId]);

  if (school.loading && !school.data) return <Loading />;
  if (school.error || !school.data) {
    return (
      <section className="page page-narrow">
        <PageHeading title={t('campaigns.title')}>{t('campaigns.title')}</PageHeading>
        {school.error && <ErrorAlert error={school.error} onRetry={school.reload} />}
      </section>
    );
  }
  const canRun = school.data.myRoles.some((role) => campaignRunnerRoles.includes(role));
  const items = campaigns.data?.items;
  const title = t('campaigns.titleFor', { school: school.data.name });
  return (
    <section className="page campaigns-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead">{t('campaigns.intro')}</p>
      {campaigns.error && <ErrorAlert error={campaigns.error} onRetry={campaigns.reload} />}
      {!items && !campaigns.error && <Loading />}
      {items && items.length === 0 && <p className="muted">{t('campaigns.none')}</p>}
      {items?.map((campaign) => (
        <CampaignCard
          key={campaign.id}
          campaign={campaign}
          canRun={canRun}
          onChanged={(updated) => campaigns.setData({ items: items.map((c) => (c.id === updated.id ? updated : c)) })}
        />
      ))}
      {canRun && <CampaignForm schoolId={schoolId} onOpened={campaigns.reload} />}
    </section>
  );
}

interface FormProblems {
  opensOn?: string;
  closesOn?: string;
  teamMoment?: string;
  minGroupSize?: string;
}

function CampaignForm({ schoolId, onOpened }: { schoolId: string; onOpened(): void }) {
  const { t } = useI18n();
  const today = brusselsToday();
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState(addDays(today, 14));
  const [teamMoment, setTeamMoment] = useState('');
  const [minGroupSize, setMinGroupSize] = useState(String(MIN_GROUP_SIZE));
  const [problems, setProblems] = useState<FormProblems>({});
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOpened(false);
    setFailure(undefined);
    const found: FormProblems = {};
    const dateOk = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (!dateOk(opensOn)) found.opensOn = t('campaigns.dateProblem');
    if (!dateOk(closesOn)) found.closesOn = t('campaigns.dateProblem');
    else if (closesOn < today) found.closesOn = t('campaigns.closesPast');
    else if (dateOk(opensOn) && closesOn < opensOn) found.closesOn = t('campaigns.closesBeforeOpens');
    const moment = teamMoment ? fromBrusselsInput(teamMoment) : null;
    if (teamMoment && !moment) found.teamMoment = t('campaigns.teamMomentProblem');
    const size = Number(minGroupSize);
    if (!Number.isInteger(size) || size < MIN_GROUP_SIZE || size > 500) found.minGroupSize = t('campaigns.minGroupProblem', { min: MIN_GROUP_SIZE });
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`campaign-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.openCampaign(schoolId, { opensOn, closesOn, teamMoment: moment, minGroupSize: size });
      setOpened(true);
      onOpened();
    } catch (caught) {
      setFailure(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const field = (id: keyof FormProblems, label: string, input: ReactElement, hint?: string, optional = false) => (
    <div className="field">
      <label htmlFor={`campaign-${id}`}>
        {label}
        {optional && <span className="field-optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p id={`campaign-${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {input}
      {problems[id] && (
        <p id={`campaign-${id}-problem`} className="field-problem">
          {problems[id]}
        </p>
      )}
    </div>
  );
  const describe = (id: keyof FormProblems, hint: boolean) =>
    [hint && `campaign-${id}-hint`, problems[id] && `campaign-${id}-problem`].filter(Boolean).join(' ') || undefined;

  return (
    <section className="card" aria-labelledby="campaign-form-title">
      <h2 id="campaign-form-title">{t('campaigns.formTitle')}</h2>
      <p className="muted">{t('campaigns.formIntro')}</p>
      <form className="form" noValidate onSubmit={submit} data-testid="campaign-form">
        <div className="form-row">
          {field(
            'opensOn',
            t('campaigns.opensOn'),
            <input
              id="campaign-opensOn"
              type="date"
              required
              value={opensOn}
              aria-invalid={problems.opensOn ? true : undefined}
              aria-describedby={describe('opensOn', false)}
              onChange={(event) => setOpensOn(event.target.value)}
            />,
          )}
          {field(
            'closesOn',
            t('campaigns.closesOn'),
            <input
              id="campaign-closesOn"
              type="date"
              required
              value={closesOn}
              aria-invalid={problems.closesOn ? true : undefined}
              aria-describedby={describe('closesOn', false)}
              onChange={(event) => setClosesOn(event.target.value)}
            />,
          )}
        </div>
        {field(
          'teamMoment',
          t('campaigns.teamMoment'),
          <input
            id="campaign-teamMoment"
            type="datetime-local"
            value={teamMoment}
            aria-invalid={problems.teamMoment ? true : undefined}
            aria-describedby={describe('teamMoment', true)}
            onChange={(event) => setTeamMoment(event.target.value)}
          />,
          t('campaigns.teamMomentHint'),
          true,
        )}
        {field(
          'minGroupSize',
          t('campaigns.minGroupSize'),
          <input
            id="campaign-minGroupSize"
            type="number"
            inputMode="numeric"
            min={MIN_GROUP_SIZE}
            max={500}
            step={1}
            required
            value={minGroupSize}
            aria-invalid={problems.minGroupSize ? true : undefined}
            aria-describedby={describe('minGroupSize', true)}
            onChange={(event) => setMinGroupSize(event.target.value)}
          />,
          t('campaigns.minGroupHint', { min: MIN_GROUP_SIZE }),
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('campaigns.opening') : t('campaigns.open')}
          </button>
        </div>
        {failure && (
          <ErrorAlert error={failure} title={t('campaigns.notOpened')}>
            {failure.id === 'conflict' ? t('campaigns.overlap') : undefined}
          </ErrorAlert>
        )}
        {opened && (
          <p className="alert alert-success" role="status">
            {t('campaigns.opened')}
          </p>
        )}
      </form>
    </section>
  );
}

function CampaignCard({ campaign, canRun, onChanged }: { campaign: Campaign; canRun: boolean; onChanged(campaign: Campaign): void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<'remind' | 'close' | 'reopen' | null>(null);
  const [failure, setFailure] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [newClosesOn, setNewClosesOn] = useState('');
  const { invited, started, completed } = campaign.participation;
  const titleId = `campaign-${campaign.id}-title`;
  const period = t('campaigns.window', { from: formatDate(campaign.opensOn, locale), to: formatDate(campaign.closesOn, locale) });

  const act = async (kind: 'remind' | 'close' | 'reopen') => {
    setBusy(kind);
    setFailure(undefined);
    setNotice(undefined);
    try {
      if (kind === 'remind') {
        const result = await api.remindCampaign(campaign.schoolId, campaign.id);
        setNotice(t('campaigns.remindersSent', { count: result.sent }));
        onChanged(await api.campaign(campaign.schoolId, campaign.id));
      } else if (kind === 'close') {
        onChanged(await api.closeCampaign(campaign.schoolId, campaign.id));
        setNotice(t('campaigns.closed'));
      } else {
        onChanged(await api.reopenCampaign(campaign.schoolId, campaign.id, newClosesOn || undefined));
        setNotice(t('campaigns.reopened'));
      }
    } catch (caught) {
      setFailure(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <article className="card campaign-card" aria-labelledby={titleId} data-testid="campaign" data-campaign-id={campaign.id}>
      <h2 id={titleId}>
        {t('campaigns.cardTitle', { window: period })}{' '}
        <span className={`status-badge campaign-status-${campaign.status}`}>{t(`campaigns.status.${campaign.status}`)}</span>
      </h2>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('campaigns.teamMoment')}</dt>
          <dd>{campaign.teamMoment ? formatDateTime(campaign.teamMoment, locale) : t('campaigns.noTeamMoment')}</dd>
        </div>
        <div>
          <dt>{t('campaigns.minGroupSize')}</dt>
          <dd>{campaign.minGroupSize}</dd>
        </div>
        <div>
          <dt>{t('campaigns.framework')}</dt>
          <dd>{campaign.frameworkVersion}</dd>
        </div>
      </dl>

      <div className="participation" data-testid="campaign-participation">
        <h3>{t('campaigns.participationTitle')}</h3>
        <p className="muted">{t('campaigns.participationIntro')}</p>
        <ul className="participation-counts">
          <li>
            <span className="participation-number" data-testid="count-invited">{invited}</span> {t('campaigns.invited')}
          </li>
          <li>
            <span className="participation-number" data-testid="count-started">{started}</span> {t('campaigns.started')}
          </li>
          <li>
            <span className="participation-number" data-testid="count-completed">{completed}</span> {t('campaigns.completed')}
          </li>
        </ul>
        <div
          className="progress-track"
          role="progressbar"
          aria-label={t('campaigns.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={Math.max(invited, 1)}
          aria-valuenow={completed}
          aria-valuetext={t('campaigns.progressText', { completed, invited })}
        >
          <div className="progress-fill" style={{ width: `${invited === 0 ? 0 : Math.min(100, (completed / invited) * 100)}%` }} />
        </div>
        <p className="muted">
          {t('campaigns.progressText', { completed, invited })}
          {invited > 0 && ` (${formatPercent(completed / invited, locale)})`}
        </p>
        {campaign.reminders.rounds > 0 && campaign.reminders.lastSentAt && (
          <p className="muted">{t('campaigns.remindersSoFar', { count: campaign.reminders.sent, date: formatDateTime(campaign.reminders.lastSentAt, locale) })}</p>
        )}
      </div>

      <div className="actions actions-tight">
        <Link className="button button-primary" href={reportPath(campaign.schoolId, campaign.id)}>
          {t('campaigns.toReport')}
        </Link>
        {canRun && campaign.status === 'open' && (
          <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void act('remind')}>
            {busy === 'remind' ? t('campaigns.reminding') : t('campaigns.remind')}
          </button>
        )}
        {canRun && campaign.status !== 'closed' && (
          <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void act('close')}>
            {t('campaigns.close')}
          </button>
        )}
      </div>
      {canRun && campaign.status === 'closed' && (
        <form
          className="form reopen-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void act('reopen');
          }}
        >
          <div className="field">
            <label htmlFor={`reopen-${campaign.id}`}>
              {t('campaigns.reopenClosesOn')}
              <span className="field-optional"> {t('form.optional')}</span>
            </label>
            <p id={`reopen-${campaign.id}-hint`} className="field-hint">
              {t('campaigns.reopenHint')}
            </p>
            <input
              id={`reopen-${campaign.id}`}
              type="date"
              value={newClosesOn}
              aria-describedby={`reopen-${campaign.id}-hint`}
              onChange={(event) => setNewClosesOn(event.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={busy !== null}>
            {t('campaigns.reopen')}
          </button>
        </form>
      )}
      {failure && <ErrorAlert error={failure} />}
      {notice && (
        <p className="alert alert-success" role="status" data-testid="campaign-notice">
          {notice}
        </p>
      )}
    </article>
  );
}
