import type { Kysely } from 'kysely';
import type { PersonalDataPart } from '../platform/personal-data/personal-data';
import type { CatalogueDatabase } from './catalogue.tables';

/** The catalogue's part of the data download: enrolments (with the session), bookmarks, trainings marked followed, and the providers one works for. */
export function cataloguePersonalData(db: Kysely<CatalogueDatabase>): PersonalDataPart {
  return {
    sections: [
      {
        name: 'enrolments',
        columns: ['training', 'training_title', 'session_starts_at', 'status', 'waiting_list_position', 'created_at', 'updated_at'],
        covers: ['enrolments.user_id'],
        read: (userId) =>
          db
            .selectFrom('enrolments')
            .innerJoin('trainings', 'trainings.id', 'enrolments.training_id')
            .innerJoin('training_sessions', 'training_sessions.id', 'enrolments.session_id')
            .select([
              'enrolments.training_id as training',
              'trainings.title as training_title',
              'training_sessions.starts_at as session_starts_at',
              'enrolments.status',
              'enrolments.position as waiting_list_position',
              'enrolments.created_at',
              'enrolments.updated_at',
            ])
            .where('enrolments.user_id', '=', userId)
            .orderBy('enrolments.created_at')
            .execute(),
      },
      {
        name: 'bookmarks',
        columns: ['training', 'training_title', 'created_at'],
        covers: ['bookmarks.user_id'],
        read: (userId) =>
          db
            .selectFrom('bookmarks')
            .innerJoin('trainings', 'trainings.id', 'bookmarks.training_id')
            .select(['bookmarks.training_id as training', 'trainings.title as training_title', 'bookmarks.created_at'])
            .where('bookmarks.user_id', '=', userId)
            .orderBy('bookmarks.created_at')
            .execute(),
      },
      {
        name: 'completed_trainings',
        columns: ['training', 'training_title', 'completed_on', 'created_at'],
        covers: ['training_completions.user_id'],
        read: (userId) =>
          db
            .selectFrom('training_completions')
            .innerJoin('trainings', 'trainings.id', 'training_completions.training_id')
            .select(['training_completions.training_id as training', 'trainings.title as training_title', 'training_completions.completed_on', 'training_completions.created_at'])
            .where('training_completions.user_id', '=', userId)
            .orderBy('training_completions.completed_on')
            .execute(),
      },
      {
        name: 'providers',
        columns: ['provider', 'provider_name', 'created_at'],
        covers: ['provider_members.user_id'],
        read: (userId) =>
          db
            .selectFrom('provider_members')
            .innerJoin('providers', 'providers.id', 'provider_members.provider_id')
            .select(['provider_members.provider_id as provider', 'providers.name as provider_name', 'provider_members.created_at'])
            .where('provider_members.user_id', '=', userId)
            .orderBy('providers.name')
            .execute(),
      },
    ],
    excluded: [{ column: 'providers.verified_by', reason: "the administrator who verified a provider: part of the provider's record, not data about that person" }],
  };
}
