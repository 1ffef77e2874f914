import type { FollowUpProgressDto } from '../../shared/centre/follow-up-api';
import { followUpProgress } from '../../shared/centre/follow-up-progress';
import type { FollowUpContent, FollowUpStep, FollowUpStepsDto, UpdateFollowUpStepsBody } from '../../shared/centre/follow-up-steps';
import { conflict, forbidden, validationError } from '../../shared/errors';
import { grants, schoolRoleList } from '../../shared/platform/capabilities';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthService } from '../platform/auth/auth.service';
import type { FollowUpTicks } from './follow-up.needs';
import type { FollowUpStepsRepository } from './follow-up.repository';

export interface FollowUpStepsDeps {
  access: AccessPolicy;
  auth: Pick<AuthService, 'rolesOf'>;
  audit: AuditRepository;
  /** The defaults, until the centre saves its own version. */
  content: FollowUpContent;
  /** Whether a knowledge-base article has this slug. */
  articleExists: (slug: string) => boolean;
  ticks: FollowUpTicks;
  now?: () => Date;
}

export interface CurrentFollowUpSteps {
  version: number;
  steps: FollowUpStep[];
  savedAt: string | null;
}

/**
 * The knowledge centre's steps after a Digisnap round (its "7 steps", as data): every school's
 * checklist shows them, centre analysts and admins change them, and the centre counts how far
 * schools get. Each save is a new version; a save over a version read before another's is refused.
 */
export class FollowUpStepsService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: FollowUpStepsRepository,
    private readonly deps: FollowUpStepsDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async steps(userId: string): Promise<FollowUpStepsDto> {
    const roles = await this.deps.auth.rolesOf(userId);
    const schoolMember = schoolRoleList.some((role) => roles.has(role));
    if (!schoolMember && !grants(roles, 'readCentre')) throw forbidden('Only a member of a school, a centre analyst or an admin may read the steps after a round');
    return { ...(await this.current()), canEdit: grants(roles, 'editFollowUpSteps') };
  }

  async update(userId: string, body: UpdateFollowUpStepsBody): Promise<FollowUpStepsDto> {
    await this.deps.access.requirePlatform(userId, 'editFollowUpSteps');
    body.steps.forEach((step, i) => {
      if (step.article !== null && !this.deps.articleExists(step.article))
        throw validationError(`body.steps.${i}.article`, `body.steps.${i}.article: no article “${step.article}” in the knowledge base`);
    });
    const current = await this.current();
    const stale = () => conflict(`The steps were changed meanwhile (now version ${current.version}); read them again`, 'body.version');
    if (body.version !== current.version) throw stale();
    const savedAt = this.now().toISOString();
    if (!(await this.repo.insert(body.version + 1, body.steps, userId, savedAt))) throw stale();
    const removed = current.steps.filter((step) => !body.steps.some((kept) => kept.key === step.key)).map((step) => step.key);
    await this.deps.audit.record({
      actorId: userId,
      action: 'follow_up_steps_changed',
      subject: String(body.version + 1),
      details: { steps: body.steps.map((step) => step.key), removed },
    });
    return { version: body.version + 1, steps: body.steps, savedAt, canEdit: true };
  }

  /** The steps now: the last saved version, or the content file's (version 0). No access check: the school module's checklist asks. */
  async current(): Promise<CurrentFollowUpSteps> {
    const saved = await this.repo.latest();
    if (saved) return saved;
    return { version: 0, steps: this.deps.content.steps.map(({ key, title, text, article, page }) => ({ key, title, text, article, page })), savedAt: null };
  }

  async progress(userId: string): Promise<FollowUpProgressDto> {
    await this.deps.access.requirePlatform(userId, 'readCentre');
    return this.publishedProgress();
  }

  /** The counts as the page and the open dataset publish them: no group under five schools. */
  async publishedProgress(): Promise<FollowUpProgressDto> {
    const [current, schools] = await Promise.all([this.current(), this.deps.ticks.schoolsWithFinishedRound()]);
    const progress = followUpProgress(
      schools,
      current.steps.map((step) => step.key),
    );
    return { version: current.version, steps: current.steps.map(({ key, title }) => ({ key, title })), ...progress };
  }
}
