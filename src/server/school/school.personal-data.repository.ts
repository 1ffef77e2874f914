import type { Kysely } from 'kysely';
import { authorColumns, type PersonalDataPart } from '../platform/personal-data/personal-data';
import type { PolicyPlanTables } from './policy-plan/policy-plan.repository';
import type { ReflectionTables } from './reflection/reflection.repository';
import type { SchoolDatabase } from './school.tables';

type Database = SchoolDatabase & ReflectionTables & PolicyPlanTables;

/**
 * The school module's part of the data download: memberships, the invitations to the person's
 * address, the reflection rounds they took part in and the policy-plan actions they own.
 * Reflection answers are not in it: by design they hold no link to the account that gave them
 * (see reflection.migrations.ts), so no one, the person included, can find them by account.
 */
export function schoolPersonalData(db: Kysely<Database>): PersonalDataPart {
  return {
    sections: [
      {
        name: 'memberships',
        columns: ['school', 'school_name', 'role', 'created_at'],
        covers: ['memberships.user_id'],
        read: (userId) =>
          db
            .selectFrom('memberships')
            .innerJoin('schools', 'schools.id', 'memberships.school_id')
            .select(['memberships.school_id as school', 'schools.name as school_name', 'memberships.role', 'memberships.created_at'])
            .where('memberships.user_id', '=', userId)
            .orderBy('schools.name')
            .orderBy('memberships.role')
            .execute(),
      },
      {
        name: 'invitations',
        columns: ['school', 'school_name', 'email', 'role', 'created_at', 'expires_at', 'accepted_at'],
        covers: ['invitations.accepted_by'],
        read: (userId) =>
          db
            .selectFrom('invitations')
            .innerJoin('schools', 'schools.id', 'invitations.school_id')
            .select([
              'invitations.school_id as school',
              'schools.name as school_name',
              'invitations.email',
              'invitations.role',
              'invitations.created_at',
              'invitations.expires_at',
              'invitations.accepted_at',
            ])
            .where((eb) => eb.or([eb('invitations.accepted_by', '=', userId), eb('invitations.email', '=', eb.selectFrom('users').select('email').where('id', '=', userId))]))
            .orderBy('invitations.created_at')
            .execute(),
      },
      {
        name: 'reflection_participation',
        columns: ['school', 'school_name', 'instrument', 'respondent_group', 'completed'],
        covers: ['reflection_participations.user_id'],
        async read(userId) {
          const rows = await db
            .selectFrom('reflection_participations')
            .innerJoin('reflection_rounds', 'reflection_rounds.id', 'reflection_participations.round_id')
            .innerJoin('schools', 'schools.id', 'reflection_rounds.school_id')
            .select([
              'reflection_rounds.school_id as school',
              'schools.name as school_name',
              'reflection_rounds.instrument_id as instrument',
              'reflection_participations.respondent_group',
              'reflection_participations.completed',
            ])
            .where('reflection_participations.user_id', '=', userId)
            .orderBy('schools.name')
            .execute();
          return rows.map((row) => ({ ...row, completed: row.completed === 1 }));
        },
      },
      {
        name: 'policy_actions_owned',
        columns: ['school', 'school_name', 'title', 'deadline', 'status', 'created_at'],
        covers: ['policy_actions.owner_user_id'],
        read: (userId) =>
          db
            .selectFrom('policy_actions')
            .innerJoin('schools', 'schools.id', 'policy_actions.school_id')
            .select([
              'policy_actions.school_id as school',
              'schools.name as school_name',
              'policy_actions.title',
              'policy_actions.deadline',
              'policy_actions.status',
              'policy_actions.created_at',
            ])
            .where('policy_actions.owner_user_id', '=', userId)
            .orderBy('policy_actions.created_at')
            .execute(),
      },
    ],
    excluded: [
      { column: 'invitations.invited_by', reason: "the invitations the person sent name other people's addresses; the school's team page lists the open ones" },
      ...authorColumns(
        'campaigns.opened_by',
        'reflection_rounds.opened_by',
        'study_days.created_by',
        'study_days.cancelled_by',
        'school_budget_settings.updated_by',
        'cyber_checks.started_by',
        'cyber_checks.updated_by',
        'cyber_checks.submitted_by',
        'cyber_check_answers.answered_by',
        'policy_plans.updated_by',
        'policy_goals.created_by',
        'policy_actions.created_by',
        'policy_actions.updated_by',
      ),
    ],
  };
}
