import { useState } from 'react';
import type { FollowUpPage } from '../../../shared/centre/follow-up-vocabulary';
import { formatDate } from '../../../shared/i18n/format';
import { brusselsDate } from '../../../shared/platform/brussels-time';
import { campaignEndpoints } from '../../../shared/school/campaign/endpoints';
import { campaignFollowUpEndpoints } from '../../../shared/school/follow-up/endpoints';
import type { CampaignFollowUpDto } from '../../../shared/school/follow-up/follow-up-api';
import { articlePath } from '../../centre/knowledgePaths';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useEndpointMutation, useEndpointQuery } from '../../serverState';
import { policyPlanPath } from '../policy-plan/policyPaths';
import { campaignsPath, reportPath, schoolPath, trainingPlanPath } from '../schoolAccess';
import './followUp.css';

type Step = CampaignFollowUpDto['steps'][number];

/** Where a step's page is for this school and round. */
function pagePath(page: FollowUpPage, schoolId: string, campaignId: string): string {
  switch (page) {
    case 'report':
      return reportPath(schoolId, campaignId);
    case 'training-plan':
      return trainingPlanPath(schoolId, campaignId);
    case 'policy-plan':
      return policyPlanPath(schoolId);
    case 'ict-team':
      return `${schoolPath(schoolId)}/ict-team`;
    case 'campaigns':
      return campaignsPath(schoolId);
  }
}

/**
 * "After the round" on the report of a finished round: the knowledge centre's steps as a checklist
 * the principal or ICT coordinator ticks, with a day and a short note. A round still running has
 * none (the API answers 409 campaign_not_closed), so it is not asked for.
 */
export function FollowUpSection({ schoolId, campaignId }: { schoolId: string; campaignId: string }) {
  const { t } = useI18n();
  const params = { schoolId, campaignId };
  const closed = useEndpointQuery(campaignEndpoints.getCampaign, { params }).data?.status === 'closed';
  const followUp = useEndpointQuery(campaignFollowUpEndpoints.getCampaignFollowUp, { params }, { enabled: closed });
  if (!closed || (!followUp.data && !followUp.error)) return null;
  return (
    <section className="card follow-up" aria-labelledby="follow-up-title" data-testid="follow-up">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      {followUp.error && <ErrorAlert error={followUp.error} onRetry={followUp.reload} />}
      {followUp.data && <Checklist followUp={followUp.data} />}
    </section>
  );
}

function Checklist({ followUp }: { followUp: CampaignFollowUpDto }) {
  const { t } = useI18n();
  const progress = t('followUp.progress', { done: followUp.done, total: followUp.total });
  return (
    <>
      <p className="muted">{t('followUp.intro')}</p>
      <p data-testid="follow-up-progress">
        <strong>{progress}</strong> <progress value={followUp.done} max={followUp.total} aria-label={t('followUp.progressLabel')} aria-valuetext={progress} />
      </p>
      <ol className="follow-up-steps">
        {followUp.steps.map((step) => (
          <StepItem key={step.key} step={step} followUp={followUp} />
        ))}
      </ol>
    </>
  );
}

function StepItem({ step, followUp }: { step: Step; followUp: CampaignFollowUpDto }) {
  const { t, text, locale } = useI18n();
  const { schoolId, campaignId } = followUp;
  const today = brusselsDate();
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const set = useEndpointMutation(campaignFollowUpEndpoints.setCampaignFollowUpStep, { invalidates: ['getCampaignFollowUp'] });
  const save = useSubmit((done: boolean) =>
    set({ params: { schoolId, campaignId, stepKey: step.key }, body: done ? { done, on: on || today, ...(note.trim() ? { note: note.trim() } : {}) } : { done } }),
  );
  const id = `follow-up-${step.key}`;
  const title = text(step.title);
  return (
    <li className="follow-up-step" data-testid={id}>
      <div className="follow-up-tick">
        <input id={id} type="checkbox" checked={step.done !== null} disabled={!followUp.canEdit || save.busy} onChange={(event) => save.run(event.target.checked)} />
        <label htmlFor={id}>{title}</label>
      </div>
      {text(step.text) && <p>{text(step.text)}</p>}
      {step.done && (
        <p className="muted" data-testid={`${id}-done`}>
          {t('followUp.doneOn', { date: formatDate(step.done.on, locale) })}
          {step.done.note && <> · {step.done.note}</>}
        </p>
      )}
      {followUp.canEdit && !step.done && (
        <div className="follow-up-fields">
          <label>
            {t('followUp.on')}
            <input type="date" value={on} max={today} onChange={(event) => setOn(event.target.value)} aria-label={t('followUp.dateFor', { step: title })} />
          </label>
          <label>
            {t('followUp.note')}
            <input type="text" value={note} maxLength={280} onChange={(event) => setNote(event.target.value)} aria-label={t('followUp.noteFor', { step: title })} />
          </label>
        </div>
      )}
      {(step.page || step.article) && (
        <p className="no-print">
          {step.page && <Link href={pagePath(step.page, schoolId, campaignId)}>{t(`followUp.pages.${step.page}`)}</Link>}
          {step.page && step.article && ' · '}
          {step.article && <Link href={articlePath(step.article)}>{t('followUp.readMore')}</Link>}
        </p>
      )}
      {save.failure && <ErrorAlert error={save.failure} />}
    </li>
  );
}
