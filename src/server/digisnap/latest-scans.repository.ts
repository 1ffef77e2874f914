import type { Kysely } from 'kysely';
import type { TeacherPage } from '../../shared/digisnap/teacher-pages';
import type { DigisnapDatabase as Database } from './digisnap.tables';

/** A teacher's latest submitted scan: the JSON of its result (null while unscored). */
export interface LatestScanRow {
  user_id: string;
  result: string | null;
}

/** The one read of submitted scans that Flanders-wide counts share: a range of teachers at a time (`TeacherPage`). */
export class LatestScansRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Each teacher's latest scan of a framework version (later submitted, or at the same instant the
   * larger id) among those submitted from `from` on, for the teachers in the page's range.
   */
  async inRange(framework: { id: string; version: string }, range: Pick<TeacherPage<unknown>, 'after' | 'upTo'>, from = ''): Promise<LatestScanRow[]> {
    let query = this.db
      .selectFrom('scans')
      .select(['user_id', 'result'])
      .where('status', '=', 'submitted')
      .where('framework_id', '=', framework.id)
      .where('framework_version', '=', framework.version)
      .where('user_id', '>', range.after);
    if (range.upTo !== null) query = query.where('user_id', '<=', range.upTo);
    if (from !== '') query = query.where('submitted_at', '>=', from);
    const rows = await query.orderBy('user_id').orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute();
    return rows.filter((row, i) => i === 0 || rows[i - 1].user_id !== row.user_id);
  }
}
