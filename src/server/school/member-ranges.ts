import type { Kysely } from 'kysely';
import type { TeacherPage } from '../../shared/digisnap/teacher-pages';
import type { SchoolDatabase as Database } from './school.tables';

/** Memberships per range: a page of Flanders-wide counts holds about this many members. */
export const RANGE_SIZE = 2_000;

/**
 * The members' ids cut into ranges of about `RANGE_SIZE` memberships, in the database's order
 * (`TeacherPage`): one indexed read per range, so the school module's Flanders-wide pages and the
 * scans beside them never hold every member at once. For the school module's repositories only.
 */
export async function* memberRanges(db: Kysely<Database>, size = RANGE_SIZE): AsyncGenerator<Pick<TeacherPage<unknown>, 'after' | 'upTo'>> {
  let after = '';
  for (;;) {
    const end = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('user_id', '>', after)
      .orderBy('user_id')
      .limit(1)
      .offset(size - 1)
      .executeTakeFirst();
    yield { after, upTo: end?.user_id ?? null };
    if (!end) return;
    after = end.user_id;
  }
}
