import type { Kysely } from 'kysely';
import type { PupilCount, PupilGroup } from '../../shared/infra/pupil-groups';
import type { InfraDatabase } from './infra.tables';
import type { ParkVersions } from './park-versions';

/** One count to write: a group's pupils on a counting day. */
export type PupilCountInput = Omit<PupilCount, 'schoolId'>;

/** The pupils each school counted per group and counting day: what budgets and indicators are computed from. */
export class PupilCountRepository {
  constructor(
    private readonly db: Kysely<InfraDatabase>,
    /** Every write of devices, loans or pupil counts goes through it (see ParkVersions). */
    private readonly versions: Pick<ParkVersions, 'afterWrite'>,
  ) {}

  /**
   * The counts of these schools, per school and group: those of `countingDay` when it is given,
   * else each group's latest (groups are counted on different days, so a school's total adds
   * each group's latest count). Ordered by school, group and day.
   */
  async pupilCounts(schoolIds: readonly string[], countingDay?: string): Promise<PupilCount[]> {
    const counts: PupilCount[] = [];
    for (let i = 0; i < schoolIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('pupil_counts')
        .select(['school_id', 'pupil_group', 'counting_day', 'pupils'])
        .where('school_id', 'in', schoolIds.slice(i, i + 500))
        .$if(countingDay !== undefined, (q) => q.where('counting_day', '=', countingDay!))
        .orderBy('school_id')
        .orderBy('pupil_group')
        .orderBy('counting_day')
        .execute();
      counts.push(...rows.map((row) => ({ schoolId: row.school_id, group: row.pupil_group as PupilGroup, countingDay: row.counting_day, pupils: Number(row.pupils) })));
    }
    return countingDay === undefined ? latestPerGroup(counts) : counts;
  }

  /** Every count of one school, oldest counting day first within each group: what its funding page lists. */
  async allCounts(schoolId: string): Promise<PupilCount[]> {
    const rows = await this.db
      .selectFrom('pupil_counts')
      .select(['pupil_group', 'counting_day', 'pupils'])
      .where('school_id', '=', schoolId)
      .orderBy('counting_day')
      .orderBy('pupil_group')
      .execute();
    return rows.map((row) => ({ schoolId, group: row.pupil_group as PupilGroup, countingDay: row.counting_day, pupils: Number(row.pupils) }));
  }

  /** Writes the counts in one transaction, each replacing the school's count of the same group and day. */
  async setCounts(schoolId: string, counts: readonly PupilCountInput[], by: string | null, at: string): Promise<void> {
    const write = this.db.transaction().execute(async (trx) => {
      for (const count of counts)
        await trx
          .insertInto('pupil_counts')
          .values({ school_id: schoolId, pupil_group: count.group, counting_day: count.countingDay, pupils: count.pupils, updated_by: by, updated_at: at })
          .onConflict((conflict) => conflict.columns(['school_id', 'pupil_group', 'counting_day']).doUpdateSet({ pupils: count.pupils, updated_by: by, updated_at: at }))
          .execute();
    });
    await this.versions.afterWrite(write);
  }
}

/** Each school's latest count of each group, from counts ordered by school, group and day. */
function latestPerGroup(counts: readonly PupilCount[]): PupilCount[] {
  const latest = new Map<string, PupilCount>();
  for (const count of counts) latest.set(`${count.schoolId}\u0000${count.group}`, count);
  return [...latest.values()];
}
