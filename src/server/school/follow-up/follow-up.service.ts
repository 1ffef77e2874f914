import type { FollowUpStep } from '../../../shared/centre/follow-up-steps';
import { AppError, notFound, validationError } from '../../../shared/errors';
import { grants } from '../../../shared/platform/capabilities';
import { brusselsDate } from '../../../shared/school/campaign/campaign';
import type { CampaignFollowUpDto, CampaignFollowUpStepBody } from '../../../shared/school/follow-up/follow-up-api';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import type { CampaignService } from '../campaign/campaign.service';
import type { FollowUpSteps } from '../school.needs';
import type { FollowUpRepository, FollowUpTickRow } from './follow-up.repository';

export interface FollowUpDeps {
  access: AccessPolicy;
  campaigns: CampaignService;
  steps: FollowUpSteps;
  audit: AuditRepository;
  now?: () => Date;
}

/**
 * The school's checklist after a finished Digisnap round: the knowledge centre's steps, each
 * ticked with a day and a short note. Read like the round's report, ticked by those who run the
 * rounds; a round still running has no checklist yet (409 campaign_not_closed).
 */
export class FollowUpService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: FollowUpRepository,
    private readonly deps: FollowUpDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async get(userId: string, schoolId: string, campaignId: string): Promise<CampaignFollowUpDto> {
    const roles = await this.deps.access.require(userId, 'readCampaigns', schoolId);
    await this.finishedCampaign(userId, schoolId, campaignId);
    return this.checklist(schoolId, campaignId, (await this.deps.steps.current()).steps, grants(roles, 'manageCampaigns'));
  }

  async setStep(userId: string, schoolId: string, campaignId: string, stepKey: string, body: CampaignFollowUpStepBody): Promise<CampaignFollowUpDto> {
    await this.deps.access.require(userId, 'manageCampaigns', schoolId);
    await this.finishedCampaign(userId, schoolId, campaignId);
    const { steps } = await this.deps.steps.current();
    if (!steps.some((step) => step.key === stepKey)) throw notFound(`Step ${stepKey}`, 'params.stepKey');
    const today = brusselsDate(this.now());
    const on = body.on ?? today;
    if (on > today) throw validationError('body.on', `body.on: ${on} is after today; tick a step once it is done`);
    if (body.done) {
      const row: FollowUpTickRow = { campaign_id: campaignId, step_key: stepKey, done_on: on, note: body.note || null, ticked_by: userId, ticked_at: this.now().toISOString() };
      await this.repo.tick(row);
    } else {
      await this.repo.untick(campaignId, stepKey);
    }
    await this.deps.audit.record({
      actorId: userId,
      action: body.done ? 'follow_up_step_ticked' : 'follow_up_step_unticked',
      subject: campaignId,
      details: { schoolId, step: stepKey },
    });
    return this.checklist(schoolId, campaignId, steps, true);
  }

  /** For the knowledge centre (a need it declares): per school with a finished round, where it is and what it ticked. */
  schoolsWithFinishedRound() {
    return this.repo.schoolsWithFinishedRound(brusselsDate(this.now()));
  }

  /** Ticks steps of the school's latest finished round without access checks: demo data. False when it has none. */
  async seedTicks(schoolId: string, ticks: ReadonlyArray<{ stepKey: string; note?: string }>, userId: string | null): Promise<boolean> {
    const today = brusselsDate(this.now());
    const campaignId = await this.repo.latestFinishedCampaign(schoolId, today);
    if (!campaignId) return false;
    const at = this.now().toISOString();
    for (const tick of ticks) await this.repo.tick({ campaign_id: campaignId, step_key: tick.stepKey, done_on: today, note: tick.note ?? null, ticked_by: userId, ticked_at: at });
    return true;
  }

  /** The campaign of this school, when finished; 404 for another school's, 409 while it runs. */
  private async finishedCampaign(userId: string, schoolId: string, campaignId: string): Promise<void> {
    const campaign = await this.deps.campaigns.getCampaign(userId, schoolId, campaignId);
    if (campaign.status !== 'closed') throw new AppError('campaign_not_closed', 'The steps after the round come once the round is closed', 'params.campaignId');
  }

  private async checklist(schoolId: string, campaignId: string, steps: readonly FollowUpStep[], canEdit: boolean): Promise<CampaignFollowUpDto> {
    const ticks = new Map((await this.repo.ticksOf(campaignId)).map((tick) => [tick.step_key, tick]));
    const shown = steps.map((step) => {
      const tick = ticks.get(step.key);
      return { ...step, done: tick ? { on: tick.done_on, note: tick.note } : null };
    });
    return { campaignId, schoolId, steps: shown, done: shown.filter((step) => step.done).length, total: shown.length, canEdit };
  }
}
