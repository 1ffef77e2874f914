import type { PolicyPlanFront } from '../../../shared/centre/fronts';
import type { Framework } from '../../../shared/digisnap/framework';
import { AppError, conflict, notFound, validationError } from '../../../shared/errors';
import { grants } from '../../../shared/platform/capabilities';
import { brusselsDate } from '../../../shared/school/campaign/campaign';
import {
  type ActionBody,
  type ActionChanges,
  type ActionDto,
  type ActionsFromSuggestionsBody,
  compareActions,
  compareGoals,
  type GoalBody,
  type GoalChanges,
  type GoalDto,
  type GoalStemFigure,
  isOverdue,
  type PolicyPlanDto,
  type PolicySourcesDto,
  type PolicySuggestionsDto,
  periodProblem,
  planSummary,
  type SaveVisionBody,
  type VisionDto,
} from '../../../shared/school/policy-plan/policy-plan';
import { schoolYearOf } from '../../../shared/school/policy-plan/policy-plan-rules';
import type { ActionSourceKind, SuggestedAction } from '../../../shared/school/policy-plan/suggested-action';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import type { AuthService } from '../../platform/auth/auth.service';
import { newId } from '../../platform/ids';
import type { StemFigures } from '../school.needs';
import type { SchoolService } from '../school.service';
import type { ActionSource } from './action-sources';
import type { ActionRow, GoalRow, PlanRow, PolicyPlanRepository } from './policy-plan.repository';

export interface PolicyPlanDeps {
  /** The access check every use case starts with. */
  access: AccessPolicy;
  schools: SchoolService;
  auth: AuthService;
  audit: AuditRepository;
  /** The current DigCompEdu framework: the labels of areas and competences an action serves. */
  framework: () => Framework;
  /** The results actions can be made from: the team report, the reflection, the cybersecurity check… */
  sources: readonly ActionSource[];
  /** The STEM monitor's figures a goal may point at. */
  stem: StemFigures;
  /** The clock; tests may fix it. */
  now?: () => Date;
}

type TargetInput = NonNullable<ActionBody['target']>;
type OwnerInput = NonNullable<ActionBody['owner']>;

/**
 * A school's ICT policy plan. Every member of the school (board admins included) reads it;
 * principals and ICT coordinators change it (capability `editPolicyPlan`); a school one has no
 * role in is not found. Suggestions come from the results' own services (ActionSource), with
 * their access rules: the plan never reads another module's tables.
 */
export class PolicyPlanService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: PolicyPlanRepository,
    private readonly deps: PolicyPlanDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Flanders-wide, for the knowledge centre: how many schools have a plan over the current school year. Counts only, so no access check. */
  async flandersFront(): Promise<PolicyPlanFront> {
    const today = brusselsDate(this.now());
    const counts = await this.repo.currentPlanCounts(schoolYearOf(today));
    return { source: { module: 'school', asOf: today }, ...counts, share: counts.schools > 0 ? counts.withCurrentPlan / counts.schools : null };
  }

  async getPlan(userId: string, schoolId: string): Promise<PolicyPlanDto> {
    const roles = await this.deps.access.require(userId, 'readPolicyPlan', schoolId);
    return this.planOf(schoolId, grants(roles, 'editPolicyPlan'));
  }

  /** The plan without an access check: a platform admin's support read of a board's overview; nobody edits through it. */
  getPlanAsOperator(schoolId: string): Promise<PolicyPlanDto> {
    return this.planOf(schoolId, false);
  }

  private async planOf(schoolId: string, canEdit: boolean): Promise<PolicyPlanDto> {
    const [school, plan, goals, actions] = await Promise.all([
      this.deps.schools.schoolOf(schoolId),
      this.repo.findPlan(schoolId),
      this.repo.goalsOf(schoolId),
      this.repo.actionsOf(schoolId),
    ]);
    const today = this.today();
    const actionDtos = (await this.toActionDtos(actions)).sort(compareActions);
    const province = school!.province ?? null;
    return {
      ...(await this.toVisionDto(schoolId, plan)),
      schoolName: school!.name,
      goals: (await Promise.all(goals.map(async (goal) => toGoalDto(goal, await this.stemFigureOf(goal, province))))).sort(compareGoals),
      actions: actionDtos,
      summary: planSummary(actionDtos, today),
      today,
      canEdit,
      stemIndicators: this.deps.stem.indicators(),
    };
  }

  /** Saves vision and period when `version` is still the stored one; otherwise 409 naming the current version. */
  async saveVision(userId: string, schoolId: string, body: SaveVisionBody): Promise<VisionDto> {
    await this.requireEditor(userId, schoolId);
    const problem = periodProblem(body.periodFrom, body.periodTo);
    if (problem) throw validationError('body.periodTo', `body.periodTo: ${problem}`);
    const row = { school_id: schoolId, vision: body.vision, period_from: body.periodFrom, period_to: body.periodTo, updated_by: userId, updated_at: this.now().toISOString() };
    if (!(await this.repo.saveVision(row, body.version))) {
      const current = await this.toVisionDto(schoolId, await this.repo.findPlan(schoolId));
      const by = current.updatedBy ? ` by ${current.updatedBy.name}` : '';
      throw conflict(`The plan was changed meanwhile${by} (now version ${current.version}); read it again and merge your text`, 'body.version');
    }
    await this.deps.audit.record({ actorId: userId, action: 'policy_vision_saved', subject: schoolId, details: { version: body.version + 1 } });
    return this.toVisionDto(schoolId, await this.repo.findPlan(schoolId));
  }

  // ------------------------------------------------------------ goals

  async addGoal(userId: string, schoolId: string, body: GoalBody): Promise<GoalDto> {
    await this.requireEditor(userId, schoolId);
    const at = this.now().toISOString();
    const row: GoalRow = {
      id: newId(),
      school_id: schoolId,
      term: body.term,
      text: body.text,
      success_criterion: body.successCriterion || null,
      stem_indicator: this.knownStemIndicator(body.stemIndicator ?? null),
      created_by: userId,
      created_at: at,
      updated_at: at,
    };
    await this.repo.insertGoal(row);
    await this.deps.audit.record({ actorId: userId, action: 'policy_goal_added', subject: row.id, details: { schoolId } });
    return this.goalDto(schoolId, row);
  }

  async changeGoal(userId: string, schoolId: string, goalId: string, changes: GoalChanges): Promise<GoalDto> {
    await this.requireEditor(userId, schoolId);
    await this.goalOf(schoolId, goalId, 'params.goalId');
    await this.repo.updateGoal(schoolId, goalId, {
      ...(changes.term !== undefined && { term: changes.term }),
      ...(changes.text !== undefined && { text: changes.text }),
      ...(changes.successCriterion !== undefined && { success_criterion: changes.successCriterion || null }),
      ...(changes.stemIndicator !== undefined && { stem_indicator: this.knownStemIndicator(changes.stemIndicator) }),
      updated_at: this.now().toISOString(),
    });
    await this.deps.audit.record({ actorId: userId, action: 'policy_goal_changed', subject: goalId, details: { schoolId, fields: Object.keys(changes) } });
    return this.goalDto(schoolId, await this.goalOf(schoolId, goalId, 'params.goalId'));
  }

  async removeGoal(userId: string, schoolId: string, goalId: string): Promise<void> {
    await this.requireEditor(userId, schoolId);
    if (!(await this.repo.deleteGoal(schoolId, goalId))) throw notFound('Goal', 'params.goalId');
    await this.deps.audit.record({ actorId: userId, action: 'policy_goal_removed', subject: goalId, details: { schoolId } });
  }

  // ------------------------------------------------------------ actions

  async addAction(userId: string, schoolId: string, body: ActionBody): Promise<ActionDto> {
    await this.requireEditor(userId, schoolId);
    const at = this.now().toISOString();
    const row: ActionRow = {
      id: newId(),
      school_id: schoolId,
      title: body.title,
      description: body.description || null,
      ...(await this.ownerColumns(schoolId, body.owner ?? null)),
      deadline: body.deadline ?? null,
      status: body.status,
      front: body.front,
      ...this.targetColumns(body.target ?? null),
      goal_id: await this.goalIdOf(schoolId, body.goalId ?? null),
      source_kind: null,
      source_id: null,
      source_key: null,
      created_by: userId,
      created_at: at,
      updated_by: userId,
      updated_at: at,
    };
    await this.repo.insertAction(row);
    await this.deps.audit.record({ actorId: userId, action: 'policy_action_added', subject: row.id, details: { schoolId, front: row.front } });
    return (await this.toActionDtos([row]))[0];
  }

  /** Changes the fields given; one left out stays as it is. */
  async changeAction(userId: string, schoolId: string, actionId: string, changes: ActionChanges): Promise<ActionDto> {
    await this.requireEditor(userId, schoolId);
    await this.actionOf(schoolId, actionId);
    await this.repo.updateAction(schoolId, actionId, {
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.description !== undefined && { description: changes.description || null }),
      ...(changes.owner !== undefined && (await this.ownerColumns(schoolId, changes.owner))),
      ...(changes.deadline !== undefined && { deadline: changes.deadline }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.front !== undefined && { front: changes.front }),
      ...(changes.target !== undefined && this.targetColumns(changes.target)),
      ...(changes.goalId !== undefined && { goal_id: await this.goalIdOf(schoolId, changes.goalId) }),
      updated_by: userId,
      updated_at: this.now().toISOString(),
    });
    await this.deps.audit.record({ actorId: userId, action: 'policy_action_changed', subject: actionId, details: { schoolId, fields: Object.keys(changes) } });
    return (await this.toActionDtos([await this.actionOf(schoolId, actionId)]))[0];
  }

  async removeAction(userId: string, schoolId: string, actionId: string): Promise<void> {
    await this.requireEditor(userId, schoolId);
    if (!(await this.repo.deleteAction(schoolId, actionId))) throw notFound('Action', 'params.actionId');
    await this.deps.audit.record({ actorId: userId, action: 'policy_action_removed', subject: actionId, details: { schoolId } });
  }

  // ------------------------------------------------------------ from results

  /** The sources the plan knows, each with the newest result the caller may read. */
  async sources(userId: string, schoolId: string): Promise<PolicySourcesDto> {
    await this.requireEditor(userId, schoolId);
    const items = await Promise.all(this.deps.sources.map(async (source) => ({ kind: source.kind, latest: await latestOf(source, userId, schoolId) })));
    return { items };
  }

  /** What a result suggests, each marked when the plan holds an action made from it already. */
  async suggestions(userId: string, schoolId: string, kind: ActionSourceKind, sourceId: string): Promise<PolicySuggestionsDto> {
    await this.requireEditor(userId, schoolId);
    const suggested = await this.suggestedBy(userId, schoolId, kind, sourceId, 'querystring');
    const taken = await this.repo.takenKeys(schoolId, kind, sourceId);
    return { source: { kind, id: sourceId }, items: suggested.map((s) => ({ ...s, taken: taken.has(s.key) })) };
  }

  /**
   * Makes actions of the chosen suggestions, all or nothing: one unknown key rejects the request
   * and writes nothing. Suggestions taken before (by anyone) are skipped and reported.
   */
  async actionsFromSuggestions(userId: string, schoolId: string, body: ActionsFromSuggestionsBody): Promise<{ created: ActionDto[]; skipped: string[] }> {
    await this.requireEditor(userId, schoolId);
    const { kind, id: sourceId } = body.source;
    const byKey = new Map((await this.suggestedBy(userId, schoolId, kind, sourceId, 'body.source')).map((s) => [s.key, s]));
    const keys = [...new Set(body.keys)];
    const unknown = keys.findIndex((key) => !byKey.has(key));
    if (unknown >= 0) throw validationError(`body.keys.${body.keys.indexOf(keys[unknown])}`, `This result suggests no action with key ${keys[unknown]}`);
    const goalId = await this.goalIdOf(schoolId, body.goalId ?? null);
    const taken = await this.repo.takenKeys(schoolId, kind, sourceId);
    const at = this.now().toISOString();
    const rows = keys
      .filter((key) => !taken.has(key))
      .map((key) => suggestionRow(byKey.get(key)!, { schoolId, userId, at, goalId, deadline: body.deadline ?? null, language: body.language, source: body.source }));
    const inserted = await this.repo.insertFromSources(rows);
    const created = rows.filter((row) => inserted.has(row.id));
    if (created.length > 0) {
      await this.deps.audit.record({ actorId: userId, action: 'policy_actions_from_source', subject: schoolId, details: { kind, sourceId, keys: created.map((r) => r.source_key) } });
    }
    const createdKeys = new Set(created.map((row) => row.source_key));
    return { created: await this.toActionDtos(created), skipped: keys.filter((key) => !createdKeys.has(key)) };
  }

  // ------------------------------------------------------------ internals

  private async requireEditor(userId: string, schoolId: string): Promise<void> {
    await this.deps.access.require(userId, 'editPolicyPlan', schoolId);
  }

  private today(): string {
    return brusselsDate(this.now());
  }

  /** A result's suggestions through its own service; a result the caller may not see is not found under this request's field. */
  private async suggestedBy(userId: string, schoolId: string, kind: ActionSourceKind, sourceId: string, at: string): Promise<SuggestedAction[]> {
    const source = this.deps.sources.find((s) => s.kind === kind);
    if (!source) throw notFound(`A source of kind ${kind}`, `${at}.kind`);
    try {
      return await source.suggestedActions(userId, schoolId, sourceId);
    } catch (error) {
      if (error instanceof AppError && (error.id === 'not_found' || error.id === 'forbidden')) throw notFound('Result', `${at}.id`);
      throw error;
    }
  }

  /** The indicator when the STEM monitor knows it; 400 naming the field otherwise. */
  private knownStemIndicator(indicator: string | null): string | null {
    if (indicator === null || this.deps.stem.indicators().some((known) => known.id === indicator)) return indicator;
    throw validationError('body.stemIndicator', `body.stemIndicator: the STEM monitor has no indicator ${indicator}`);
  }

  private async stemFigureOf(goal: GoalRow, province: string | null): Promise<GoalStemFigure | null> {
    return goal.stem_indicator === null ? null : this.deps.stem.latestFor(goal.stem_indicator, province);
  }

  private async goalDto(schoolId: string, goal: GoalRow): Promise<GoalDto> {
    const school = await this.deps.schools.schoolOf(schoolId);
    return toGoalDto(goal, await this.stemFigureOf(goal, school?.province ?? null));
  }

  private async goalOf(schoolId: string, goalId: string, field: string): Promise<GoalRow> {
    const goal = await this.repo.findGoal(schoolId, goalId);
    if (!goal) throw notFound('Goal', field);
    return goal;
  }

  private async actionOf(schoolId: string, actionId: string): Promise<ActionRow> {
    const action = await this.repo.findAction(schoolId, actionId);
    if (!action) throw notFound('Action', 'params.actionId');
    return action;
  }

  private async goalIdOf(schoolId: string, goalId: string | null): Promise<string | null> {
    return goalId === null ? null : (await this.goalOf(schoolId, goalId, 'body.goalId')).id;
  }

  /** A member must belong to the school's own team (a board admin of another school of the board does not). */
  private async ownerColumns(schoolId: string, owner: OwnerInput | null): Promise<Pick<ActionRow, 'owner_user_id' | 'owner_name'>> {
    if (owner === null) return { owner_user_id: null, owner_name: null };
    if (owner.kind === 'name') return { owner_user_id: null, owner_name: owner.name };
    if ((await this.deps.schools.ownRoles(owner.userId, schoolId)).length === 0) throw notFound('Member of this school', 'body.owner.userId');
    return { owner_user_id: owner.userId, owner_name: null };
  }

  /** A DigCompEdu area or competence of the current framework, with its name as label. */
  private targetColumns(target: TargetInput | null): Pick<ActionRow, 'target_kind' | 'target_code' | 'target_label_nl' | 'target_label_en'> {
    if (target === null) return { target_kind: null, target_code: null, target_label_nl: null, target_label_en: null };
    const framework = this.deps.framework();
    const name =
      target.kind === 'digcompedu_area'
        ? framework.areas.find((area) => String(area.number) === target.code)?.name
        : framework.areas.flatMap((area) => area.competences).find((competence) => competence.code === target.code)?.name;
    if (!name) throw validationError('body.target.code', `body.target.code: DigCompEdu has no ${target.kind === 'digcompedu_area' ? 'area' : 'competence'} ${target.code}`);
    return { target_kind: target.kind, target_code: target.code, target_label_nl: name.nl, target_label_en: name.en };
  }

  private async toVisionDto(schoolId: string, plan: PlanRow | undefined): Promise<VisionDto> {
    if (!plan) return { schoolId, vision: '', periodFrom: null, periodTo: null, version: 0, updatedAt: null, updatedBy: null };
    const [editor] = plan.updated_by ? await this.deps.auth.usersByIds([plan.updated_by]) : [];
    return {
      schoolId,
      vision: plan.vision,
      periodFrom: plan.period_from,
      periodTo: plan.period_to,
      version: Number(plan.version),
      updatedAt: plan.updated_at,
      updatedBy: editor ? { userId: editor.id, name: editor.displayName } : null,
    };
  }

  private async toActionDtos(rows: readonly ActionRow[]): Promise<ActionDto[]> {
    const ownerIds = [...new Set(rows.map((row) => row.owner_user_id).filter((ownerId): ownerId is string => ownerId !== null))];
    const names = new Map((ownerIds.length > 0 ? await this.deps.auth.usersByIds(ownerIds) : []).map((user) => [user.id, user.displayName]));
    const today = this.today();
    return rows.map((row) => {
      const dto = toActionDto(row, names);
      return { ...dto, overdue: isOverdue(dto, today) };
    });
  }
}

/** A source's newest result; none when it cannot tell, or when its own rules keep the caller from it. */
async function latestOf(source: ActionSource, userId: string, schoolId: string) {
  try {
    return (await source.latestResult?.(userId, schoolId)) ?? null;
  } catch (error) {
    if (error instanceof AppError && (error.id === 'forbidden' || error.id === 'not_found')) return null;
    throw error;
  }
}

function toGoalDto(row: GoalRow, stemFigure: GoalStemFigure | null): GoalDto {
  return {
    id: row.id,
    term: row.term,
    text: row.text,
    successCriterion: row.success_criterion,
    stemFigure,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toActionDto(row: ActionRow, ownerNames: ReadonlyMap<string, string>): ActionDto {
  const ownerName = row.owner_user_id === null ? undefined : ownerNames.get(row.owner_user_id);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    owner: ownerName !== undefined ? { kind: 'member', userId: row.owner_user_id!, name: ownerName } : row.owner_name !== null ? { kind: 'name', name: row.owner_name } : null,
    deadline: row.deadline,
    status: row.status,
    front: row.front,
    target:
      row.target_kind === null
        ? null
        : { kind: row.target_kind as NonNullable<ActionDto['target']>['kind'], code: row.target_code!, label: { nl: row.target_label_nl!, en: row.target_label_en! } },
    goalId: row.goal_id,
    source: row.source_kind === null ? null : { kind: row.source_kind, id: row.source_id!, key: row.source_key! },
    overdue: false,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An action made from a suggestion, written in the chosen language, with the suggestion's reason as description. */
function suggestionRow(
  suggestion: SuggestedAction,
  context: { schoolId: string; userId: string; at: string; goalId: string | null; deadline: string | null; language: 'nl' | 'en'; source: { kind: ActionSourceKind; id: string } },
): ActionRow {
  return {
    id: newId(),
    school_id: context.schoolId,
    title: suggestion.title[context.language].slice(0, 200),
    description: suggestion.why[context.language],
    owner_user_id: null,
    owner_name: null,
    deadline: context.deadline,
    status: 'planned',
    front: suggestion.front,
    target_kind: suggestion.target.kind,
    target_code: suggestion.target.code,
    target_label_nl: suggestion.target.label.nl,
    target_label_en: suggestion.target.label.en,
    goal_id: context.goalId,
    source_kind: context.source.kind,
    source_id: context.source.id,
    source_key: suggestion.key,
    created_by: context.userId,
    created_at: context.at,
    updated_by: context.userId,
    updated_at: context.at,
  };
}
