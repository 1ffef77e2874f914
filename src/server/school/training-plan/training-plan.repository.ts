import type { Insertable, Kysely, Selectable } from 'kysely';
import type { SchoolDatabase as Database, StudyDaysTable } from '../school.tables';

export type StudyDayRow = Selectable<StudyDaysTable>;

/** The study days schools plan. */
export class TrainingPlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Insertable<StudyDaysTable>): Promise<void> {
    await this.db.insertInto('study_days').values(row).execute();
  }

  find(schoolId: string, studyDayId: string): Promise<StudyDayRow | undefined> {
    return this.db.selectFrom('study_days').selectAll().where('school_id', '=', schoolId).where('id', '=', studyDayId).executeTakeFirst();
  }

  /** The school's study days, soonest first; `status` null lists every one. */
  listOfSchool(schoolId: string, status: StudyDayRow['status'] | null): Promise<StudyDayRow[]> {
    return this.db
      .selectFrom('study_days')
      .selectAll()
      .where('school_id', '=', schoolId)
      .$if(status !== null, (qb) => qb.where('status', '=', status!))
      .orderBy('on_date')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Cancels a planned study day; false when it was cancelled already. */
  async cancel(studyDayId: string, by: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('study_days')
      .set({ status: 'cancelled', cancelled_at: at, cancelled_by: by })
      .where('id', '=', studyDayId)
      .where('status', '=', 'planned')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Cost per status and day of the school's study days in [from, to), for the budget. */
  costsOfSchool(schoolId: string, from: string, to: string): Promise<Array<{ status: StudyDayRow['status']; on_date: string; cost: number }>> {
    return this.db
      .selectFrom('study_days')
      .select(['status', 'on_date', (eb) => eb.fn.sum<number>('cost_cents').as('cost')])
      .where('school_id', '=', schoolId)
      .where('on_date', '>=', from)
      .where('on_date', '<', to)
      .groupBy(['status', 'on_date'])
      .orderBy('on_date')
      .execute();
  }
}
