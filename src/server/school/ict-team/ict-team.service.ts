import { notFound, validationError } from '../../../shared/errors';
import { grants } from '../../../shared/platform/capabilities';
import type { IctTeamDto, IctTeamMemberBody, IctTeamMemberDto } from '../../../shared/school/ict-team/ict-team-api';
import type { IctTeamContent } from '../../../shared/school/ict-team/ict-team-content';
import { type IctTeamPicture, ictTeamPicture } from '../../../shared/school/ict-team/ict-team-picture';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import { newId } from '../../platform/ids';
import type { SchoolService } from '../school.service';
import type { IctTeamMemberRow, IctTeamRepository } from './ict-team.repository';

export interface IctTeamDeps {
  access: AccessPolicy;
  schools: SchoolService;
  audit: AuditRepository;
  content: IctTeamContent;
  now?: () => Date;
}

/**
 * Who holds which ICT task at a school, after the knowledge centre's task overview: every member
 * of the school reads it, principals and ICT coordinators change it (each change in the audit
 * log). A member is a name with hours a week, possibly shared with the school group.
 */
export class IctTeamService {
  private readonly now: () => Date;
  private readonly taskIds: Set<string>;

  constructor(
    private readonly repo: IctTeamRepository,
    private readonly deps: IctTeamDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    this.taskIds = new Set(deps.content.taskGroups.flatMap((group) => group.tasks.map((task) => task.id)));
  }

  async get(userId: string, schoolId: string): Promise<IctTeamDto> {
    const roles = await this.deps.access.require(userId, 'viewSchool', schoolId);
    const [school, members] = await Promise.all([this.deps.schools.schoolOf(schoolId), this.repo.membersOf(schoolId)]);
    const dtos = members.map((member) => toDto(member, member.tasks));
    return {
      schoolId,
      schoolName: school?.name ?? '',
      members: dtos,
      totalHours: members.reduce((sum, member) => sum + member.hours_tenths, 0) / 10,
      content: this.deps.content,
      canEdit: grants(roles, 'manageIctTeam'),
    };
  }

  async add(userId: string, schoolId: string, body: IctTeamMemberBody): Promise<IctTeamMemberDto> {
    await this.deps.access.require(userId, 'manageIctTeam', schoolId);
    const at = this.now().toISOString();
    const row = this.rowOf(newId(), schoolId, body, at, at);
    await this.repo.save(row, body.tasks);
    await this.deps.audit.record({ actorId: userId, action: 'ict_team_member_added', subject: row.id, details: { schoolId, tasks: body.tasks.length } });
    return toDto(row, body.tasks);
  }

  async update(userId: string, schoolId: string, memberId: string, body: IctTeamMemberBody): Promise<IctTeamMemberDto> {
    await this.deps.access.require(userId, 'manageIctTeam', schoolId);
    const existing = await this.repo.find(schoolId, memberId);
    if (!existing) throw notFound('ICT team member', 'params.memberId');
    const row = this.rowOf(memberId, schoolId, body, existing.created_at, this.now().toISOString());
    await this.repo.save(row, body.tasks);
    await this.deps.audit.record({ actorId: userId, action: 'ict_team_member_changed', subject: memberId, details: { schoolId, tasks: body.tasks.length } });
    return toDto(row, body.tasks);
  }

  async remove(userId: string, schoolId: string, memberId: string): Promise<void> {
    await this.deps.access.require(userId, 'manageIctTeam', schoolId);
    if (!(await this.repo.remove(schoolId, memberId))) throw notFound('ICT team member', 'params.memberId');
    await this.deps.audit.record({ actorId: userId, action: 'ict_team_member_removed', subject: memberId, details: { schoolId } });
  }

  /** Adds members without access checks: demo data. */
  async seedTeam(schoolId: string, members: readonly IctTeamMemberBody[]): Promise<void> {
    const at = this.now().toISOString();
    for (const body of members) await this.repo.save(this.rowOf(newId(), schoolId, body, at, at), body.tasks);
  }

  /** For the knowledge centre (a need it declares): counts of schools, no names. */
  async picture(): Promise<IctTeamPicture> {
    const [teams, schools] = await Promise.all([this.repo.schoolsWithTeam(), this.repo.schoolCount()]);
    return ictTeamPicture(teams, schools);
  }

  private rowOf(id: string, schoolId: string, body: IctTeamMemberBody, createdAt: string, updatedAt: string): IctTeamMemberRow {
    body.tasks.forEach((task, i) => {
      if (!this.taskIds.has(task)) throw validationError(`body.tasks.${i}`, `body.tasks.${i}: “${task}” is not a task of the task overview`);
    });
    return {
      id,
      school_id: schoolId,
      name: body.name,
      job: body.job,
      hours_tenths: Math.round(body.hoursPerWeek * 10),
      shared_with_group: body.sharedWithGroup ? 1 : 0,
      created_at: createdAt,
      updated_at: updatedAt,
    };
  }
}

function toDto(row: IctTeamMemberRow, tasks: readonly string[]): IctTeamMemberDto {
  return { id: row.id, name: row.name, job: row.job, hoursPerWeek: Number(row.hours_tenths) / 10, sharedWithGroup: Number(row.shared_with_group) === 1, tasks: [...new Set(tasks)] };
}
