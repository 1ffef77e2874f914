import { useState } from 'react';
import { MIN_GROUP_SIZE } from '../../../shared/digisnap/privacy';
import { formatDate, formatDateTime, formatPercent } from '../../../shared/i18n/format';
import { brusselsDate, fromBrusselsInput } from '../../../shared/platform/brussels-time';
import { grants } from '../../../shared/platform/capabilities';
import { campaignEndpoints } from '../../../shared/school/campaign/endpoints';
import { schoolEndpoints } from '../../../shared/school/endpoints';
import { type ApiError, asApiError, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useEndpointMutation, useEndpointQuery } from '../../serverState';
import { FormField } from '../FormField';
import { OpeningFormEnd, useOpening } from '../OpeningForm';
import { initialWindow, isMinGroupSize, MAX_GROUP_SIZE, windowProblems } from '../openingView';
import { SchoolNav } from '../SchoolNav';
import { reportPath } from '../schoolAccess';
import type { Campaign } from '../types';
import { WindowFields } from '../WindowFields';

/** Digisnap campaigns of a school: open one, follow participation, remind, close or reopen. */
export function CampaignsPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const campaigns = useEndpointQuery(campaignEndpoints.listCampaigns, { params: { schoolId } });

  if (school.loading && !school.data) return <Loading />;
  if (school.error || !school.data) {
    return (
      <section className="page page-narrow">
        <PageHeading title={t('campaigns.title')}>{t('campaigns.title')}</PageHeading>
        {school.error && <ErrorAlert error={school.error} onRetry={school.reload} />}
      </section>
    );
  }
  const canRun = grants(school.data.myRoles, 'manageCampaigns');
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
      {canRun && <CampaignForm schoolId={schoolId} />}
    </section>
  );
}

type FormProblems = Partial<Record<'opensOn' | 'closesOn' | 'teamMoment' | 'minGroupSize', string>>;

function CampaignForm({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const openCampaign = useEndpointMutation(campaignEndpoints.openCampaign, { invalidates: ['listCampaigns'] });
  const today = brusselsDate();
  const [dates, setDates] = useState(() => initialWindow(today));
  const [teamMoment, setTeamMoment] = useState('');
  const [minGroupSize, setMinGroupSize] = useState(String(MIN_GROUP_SIZE));

  const check = (): FormProblems => {
    const found: FormProblems = windowProblems(dates, today, t);
    if (teamMoment && !fromBrusselsInput(teamMoment)) found.teamMoment = t('campaigns.teamMomentProblem');
    if (!isMinGroupSize(minGroupSize)) found.minGroupSize = t('campaigns.minGroupProblem', { min: MIN_GROUP_SIZE });
    return found;
  };

  const { problems, failure, busy, opened, submit } = useOpening({
    idPrefix: 'campaign',
    check,
    open: () => openCampaign({ params: { schoolId }, body: { ...dates, teamMoment: teamMoment ? fromBrusselsInput(teamMoment) : null, minGroupSize: Number(minGroupSize) } }),
  });

  return (
    <section className="card" aria-labelledby="campaign-form-title">
      <h2 id="campaign-form-title">{t('campaigns.formTitle')}</h2>
      <p className="muted">{t('campaigns.formIntro')}</p>
      <form className="form" noValidate onSubmit={submit} data-testid="campaign-form">
        <WindowFields idPrefix="campaign" labels={{ opensOn: t('campaigns.opensOn'), closesOn: t('campaigns.closesOn') }} value={dates} problems={problems} onChange={setDates} />
        <FormField id="campaign-teamMoment" label={t('campaigns.teamMoment')} hint={t('campaigns.teamMomentHint')} problem={problems.teamMoment} optional>
          {(control) => <input {...control} type="datetime-local" value={teamMoment} onChange={(event) => setTeamMoment(event.target.value)} />}
        </FormField>
        <FormField id="campaign-minGroupSize" label={t('campaigns.minGroupSize')} hint={t('campaigns.minGroupHint', { min: MIN_GROUP_SIZE })} problem={problems.minGroupSize}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={MIN_GROUP_SIZE}
              max={MAX_GROUP_SIZE}
              step={1}
              required
              value={minGroupSize}
              onChange={(event) => setMinGroupSize(event.target.value)}
            />
          )}
        </FormField>
        <OpeningFormEnd texts="campaigns" busy={busy} failure={failure} opened={opened} />
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
        const result = await call(campaignEndpoints.remindCampaign, { params: { schoolId: campaign.schoolId, campaignId: campaign.id } });
        setNotice(result.sent === 0 ? t('campaigns.nobodyToRemind') : t('campaigns.remindersSent', { count: result.sent }));
        onChanged(await call(campaignEndpoints.getCampaign, { params: { schoolId: campaign.schoolId, campaignId: campaign.id } }));
      } else if (kind === 'close') {
        onChanged(await call(campaignEndpoints.closeCampaign, { params: { schoolId: campaign.schoolId, campaignId: campaign.id } }));
        setNotice(t('campaigns.closed'));
      } else {
        onChanged(
          await call(campaignEndpoints.reopenCampaign, { params: { schoolId: campaign.schoolId, campaignId: campaign.id }, body: newClosesOn ? { closesOn: newClosesOn } : {} }),
        );
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
        {t('campaigns.cardTitle', { window: period })} <span className={`status-badge campaign-status-${campaign.status}`}>{t(`campaigns.status.${campaign.status}`)}</span>
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
            <span className="participation-number" data-testid="count-invited">
              {invited}
            </span>{' '}
            {t('campaigns.invited')}
          </li>
          <li>
            <span className="participation-number" data-testid="count-started">
              {started}
            </span>{' '}
            {t('campaigns.started')}
          </li>
          <li>
            <span className="participation-number" data-testid="count-completed">
              {completed}
            </span>{' '}
            {t('campaigns.completed')}
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
