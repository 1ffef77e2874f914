import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigisnapTables } from '../../src/server/digisnap/digisnap.tables';
import { LatestScansRepository } from '../../src/server/digisnap/latest-scans.repository';
import { StepNeedRepository } from '../../src/server/digisnap/step-need.repository';
import { StepNeedService } from '../../src/server/digisnap/step-need.service';
import { FlandersSchoolsRepository } from '../../src/server/school/flanders/flanders-schools.repository';
import { FlandersSchoolsService } from '../../src/server/school/flanders/flanders-schools.service';
import type { SchoolTables } from '../../src/server/school/school.tables';
import { TeacherGroupsRepository } from '../../src/server/school/teacher-groups.repository';
import { TeacherGroupsService } from '../../src/server/school/teacher-groups.service';
import { pictureWindow } from '../../src/shared/centre/picture-vocabulary';
import type { TeacherPage } from '../../src/shared/digisnap/teacher-pages';
import { seededUniform } from '../../src/shared/platform/differential-privacy';
import { startTestApp, type TestApp } from '../support/test-app';
import { allAnswers, createSchool, instantFromNow, type School, submitScanAt } from './campaign-fixtures';

/** Every page of a source, checked to follow on from the one before it, and their teachers in one map. */
async function allOf<T>(pages: AsyncIterable<TeacherPage<T>>): Promise<Map<string, T>> {
  const teachers = new Map<string, T>();
  let after = '';
  let ended = false;
  for await (const page of pages) {
    expect(ended).toBe(false);
    expect(page.after).toBe(after);
    for (const [id, value] of page.teachers) {
      expect(teachers.has(id)).toBe(false);
      teachers.set(id, value);
    }
    if (page.upTo === null) ended = true;
    else after = page.upTo;
  }
  expect(ended).toBe(true);
  return teachers;
}

/**
 * The centre's Flanders-wide counts read teachers a range at a time (the school module's pages,
 * digisnap's scans of the same range): however small the ranges, they count what one range would.
 */
describe('Flanders-wide counts, a range of teachers at a time', () => {
  let t: TestApp;
  let primary: School;
  let secondary: School;
  /** Three memberships a range: the schools' few teachers fall in many. */
  const small = () => t.app.db.kysely.withTables<SchoolTables>();

  beforeAll(async () => {
    t = await startTestApp();
    primary = await createSchool(t, { teachers: 8, level: 'primary' });
    secondary = await createSchool(t, { teachers: 7, level: 'secondary' });
    // A teacher of both schools, and one who took the scan again.
    await t.app.services.schools.addMembersInBulk([{ userId: primary.teacherIds[0], schoolId: secondary.id, role: 'teacher' }], instantFromNow(-400));
    for (const [i, teacherId] of [...primary.teacherIds, ...secondary.teacherIds].entries()) await submitScanAt(t, teacherId, instantFromNow(-5), allAnswers(i % 4));
    await submitScanAt(t, primary.teacherIds[1], instantFromNow(-1), allAnswers(4));
  });
  afterAll(() => t.close());

  it('pages every teacher once, in ranges that follow on without a gap', async () => {
    const whole = await allOf(t.app.services.flandersSchools.teacherPages());
    const ranged = await allOf(new FlandersSchoolsService(new FlandersSchoolsRepository(small(), 3)).teacherPages());
    expect(ranged).toEqual(whole);
    expect(whole.get(primary.teacherIds[0])).toEqual([primary.id, secondary.id].sort());
    expect(await allOf(new TeacherGroupsService(new TeacherGroupsRepository(small(), 3)).pages())).toEqual(await allOf(t.app.services.teacherGroups.pages()));
  });

  it('counts the Flanders picture in small ranges as in one: the same counts give the same release', async () => {
    const window = pictureWindow(new Date());
    const schools = await t.app.services.flandersSchools.schools(window);
    expect(schools.find((school) => school.id === secondary.id)?.teachers).toBe(8);
    const whole = await t.app.services.flandersPicture.release(schools, t.app.services.flandersSchools.teacherPages(), window.from);
    expect(whole.none.release).not.toBeNull();
    const ranged = await t.app.services.flandersPicture.release(schools, new FlandersSchoolsService(new FlandersSchoolsRepository(small(), 3)).teacherPages(), window.from);
    expect(ranged).toEqual(whole);
  });

  it('counts the step needs in small ranges as in one', async () => {
    const kysely = t.app.db.kysely.withTables<DigisnapTables>();
    const release = (pages: () => AsyncIterable<TeacherPage<{ province: string; level: string }>>) =>
      new StepNeedService(
        new StepNeedRepository(kysely),
        new LatestScansRepository(kysely),
        () => t.app.services.digisnap.currentFramework(),
        { epsilon: 1, uniform: seededUniform(7) },
        () => new Date().toISOString(),
      ).release({ groupsVersion: 'pages', teachers: pages, targets: {}, defaultTarget: 'B1' }, 5);
    const whole = await release(() => t.app.services.teacherGroups.pages());
    // Made anew, with the same noise drawn: only the counts could differ.
    await kysely.deleteFrom('step_need_releases').execute();
    const ranged = await release(() => new TeacherGroupsService(new TeacherGroupsRepository(small(), 3)).pages());
    expect(ranged).toEqual(whole);
    expect(whole.cells.some((cell) => cell.province === 'antwerpen')).toBe(true);
  });
});
