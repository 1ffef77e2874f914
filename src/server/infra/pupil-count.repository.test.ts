import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import type { InfraTables } from './infra.tables';
import { ParkVersions } from './park-versions';
import { PupilCountRepository } from './pupil-count.repository';

describe('pupil counts', () => {
  let t: TestApp;
  let repo: PupilCountRepository;
  let schoolA: string;
  let schoolB: string;

  beforeAll(async () => {
    t = await startTestApp();
    const kysely = t.app.db.kysely.withTables<InfraTables>();
    repo = new PupilCountRepository(kysely, new ParkVersions(kysely, t.app.db));
    const school = (name: string) => t.app.services.schools.createSchool({ name, educationLevel: 'primary', province: 'antwerpen', network: 'catholic' });
    schoolA = await school('VBS De Linde');
    schoolB = await school('KA Rivierenland');
  });
  afterAll(() => t.close());

  it('keeps one count per school, group and day, a later write of the same day replacing it', async () => {
    await repo.setCounts(
      schoolA,
      [
        { group: 'primary_5_6', countingDay: '2020-02-01', pupils: 48 },
        { group: 'primary_1_4', countingDay: '2020-02-01', pupils: 97 },
      ],
      null,
      '2026-12-07T10:00:00.000Z',
    );
    await repo.setCounts(schoolA, [{ group: 'primary_5_6', countingDay: '2020-02-01', pupils: 50 }], null, '2026-12-07T10:01:00.000Z');
    expect(await repo.allCounts(schoolA)).toEqual([
      { schoolId: schoolA, group: 'primary_1_4', countingDay: '2020-02-01', pupils: 97 },
      { schoolId: schoolA, group: 'primary_5_6', countingDay: '2020-02-01', pupils: 50 },
    ]);
  });

  it('reads the counts of one counting day, or each group’s latest, for several schools at once', async () => {
    await repo.setCounts(schoolA, [{ group: 'primary_5_6', countingDay: '2026-02-01', pupils: 52 }], null, '2026-12-07T10:02:00.000Z');
    await repo.setCounts(
      schoolB,
      [
        { group: 'secondary_1_3_5_7', countingDay: '2020-02-01', pupils: 600 },
        { group: 'secondary_2_4_6_other', countingDay: '2021-10-01', pupils: 610 },
      ],
      null,
      '2026-12-07T10:03:00.000Z',
    );
    expect(await repo.pupilCounts([schoolA, schoolB], '2020-02-01')).toEqual(
      expect.arrayContaining([
        { schoolId: schoolA, group: 'primary_1_4', countingDay: '2020-02-01', pupils: 97 },
        { schoolId: schoolA, group: 'primary_5_6', countingDay: '2020-02-01', pupils: 50 },
        { schoolId: schoolB, group: 'secondary_1_3_5_7', countingDay: '2020-02-01', pupils: 600 },
      ]),
    );
    expect(await repo.pupilCounts([schoolA, schoolB], '2020-02-01')).toHaveLength(3);
    const latest = await repo.pupilCounts([schoolA, schoolB]);
    expect(latest.map((c) => [c.schoolId === schoolA ? 'A' : 'B', c.group, c.countingDay, c.pupils]).sort()).toEqual(
      [
        ['A', 'primary_1_4', '2020-02-01', 97],
        ['A', 'primary_5_6', '2026-02-01', 52],
        ['B', 'secondary_1_3_5_7', '2020-02-01', 600],
        ['B', 'secondary_2_4_6_other', '2021-10-01', 610],
      ].sort(),
    );
    expect(await repo.pupilCounts([])).toEqual([]);
  });
});
