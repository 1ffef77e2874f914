import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlandersPicture, PictureCell } from '../centre/digisnap-picture';
import { pictureBreakdowns, sizeBandOf } from '../centre/picture-vocabulary';
import { seededUniform } from '../platform/differential-privacy';
import { educationLevels, provinces, schoolNetworks } from '../platform/flanders';
import {
  countPicture,
  drawPictureNoise,
  type FlandersSchool,
  groupOf,
  histogramLevels,
  releaseFlandersPicture,
  releaseHistograms,
  type SchoolWithTeachers,
  type TeacherLevels,
} from './flanders-picture';
import { competenceList, type Framework, type LevelCode, validateFramework } from './framework';

const framework: Framework = (() => {
  const result = validateFramework(JSON.parse(readFileSync(new URL('../../../content/frameworks/digcompedu-2026.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('the shipped framework is invalid');
  return result.framework;
})();
const levels = histogramLevels(framework);
const release = { id: 'r1', releasedAt: '2026-12-01T00:00:00.000Z', from: '2025-12-01T00:00:00.000Z', epsilon: 1, threshold: 5 };

/** A teacher's levels: each histogram's level picked by index from those it has. */
const teacherOf = (picks: readonly number[]): TeacherLevels => {
  const at = (h: number) => levels[h][picks[h % picks.length] % levels[h].length];
  return {
    overall: at(0),
    areas: framework.areas.map((_, a) => at(1 + a)),
    competences: competenceList(framework).map((_, c) => at(1 + framework.areas.length + c)),
  };
};

const schoolArbitrary = fc.record({
  province: fc.option(fc.constantFrom(...provinces)),
  level: fc.option(fc.constantFrom(...educationLevels)),
  network: fc.option(fc.constantFrom(...schoolNetworks)),
  teachers: fc.array(fc.option(fc.array(fc.nat(5), { minLength: 1, maxLength: 4 }), { freq: 3 }), { maxLength: 40 }),
  finishedRound: fc.boolean(),
});

/** Schools and their teachers' levels (null: a teacher without a scan). */
const worldArbitrary = fc.array(schoolArbitrary, { minLength: 1, maxLength: 12 }).map((schools) => {
  const scans = new Map<string, TeacherLevels>();
  const list: SchoolWithTeachers[] = schools.map((school, s) => ({
    id: `s${s}`,
    province: school.province,
    level: school.level,
    network: school.network,
    finishedRound: school.finishedRound,
    teacherIds: school.teachers.map((picks, t) => {
      if (picks) scans.set(`t${s}.${t}`, teacherOf(picks));
      return `t${s}.${t}`;
    }),
  }));
  return { schools: list, scans };
});

function publishedCells(picture: FlandersPicture): PictureCell[] {
  return picture.groups.flatMap((group) =>
    [group.overall, ...group.areas, ...group.competences].flatMap((histogram) => [histogram.total, ...histogram.levels]).concat(group.respondents),
  );
}

describe('the Flanders picture’s privacy gate', () => {
  it('never publishes a count under five, and never a single hidden level beside a shown total', () => {
    fc.assert(
      fc.property(worldArbitrary, fc.nat(), ({ schools, scans }, seed) => {
        const noisy = drawPictureNoise(countPicture(schools, scans, framework), 1, seededUniform(seed));
        for (const breakdown of pictureBreakdowns) {
          const picture = releaseFlandersPicture(noisy, breakdown, framework, release);
          for (const cell of publishedCells(picture)) expect(cell.hidden ? cell.count === null && cell.share === null : (cell.count ?? 0) >= 5).toBe(true);
          for (const group of picture.groups) {
            for (const histogram of [group.overall, ...group.areas, ...group.competences]) {
              const hidden = histogram.levels.filter((cell) => cell.hidden).length;
              if (!histogram.total.hidden) expect(hidden === 0 || hidden >= 2).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('releases noisy counts: data one teacher apart never come out as their raw counts', () => {
    fc.assert(
      fc.property(worldArbitrary, fc.array(fc.nat(5), { minLength: 1, maxLength: 4 }), fc.nat(), ({ schools, scans }, picks, seed) => {
        // One more teacher, with a scan, in the first school.
        const more = schools.map((school, i) => (i === 0 ? { ...school, teacherIds: [...school.teacherIds, 'newcomer'] } : school));
        const moreScans = new Map(scans).set('newcomer', teacherOf(picks));
        for (const [world, levelsOf] of [
          [schools, scans],
          [more, moreScans],
        ] as const) {
          const raw = countPicture(world, levelsOf, framework);
          const noisy = drawPictureNoise(raw, 1, seededUniform(seed));
          const flat = (counts: typeof raw) => pictureBreakdowns.flatMap((b) => counts[b].flatMap((g) => g.histograms.flat()));
          // Some cell carries noise: P(no noise in one cell) < 1/2 with ε = 1, over well over a hundred cells.
          expect(flat(noisy)).not.toEqual(flat(raw));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('counts a teacher of two schools once per breakdown, in the first', () => {
    const scans = new Map([['shared', teacherOf([2])]]);
    const school = (id: string, province: 'limburg' | 'antwerpen'): SchoolWithTeachers => ({
      id,
      province,
      level: 'primary',
      network: 'go',
      teacherIds: ['shared'],
      finishedRound: false,
    });
    const counts = countPicture([school('a', 'limburg'), school('b', 'antwerpen')], scans, framework);
    expect(counts.none[0]).toMatchObject({ schools: 2, teachers: 1 });
    expect(counts.province.map((group) => [group.key, group.teachers])).toEqual([
      ['antwerpen', 0],
      ['limburg', 1],
    ]);
  });

  it('groups a school by its facts, and leaves out one without them', () => {
    const school: FlandersSchool = { id: 'a', province: null, level: 'adult', network: 'other', teachers: 2, finishedRound: true };
    expect(pictureBreakdowns.map((breakdown) => groupOf(school, breakdown))).toEqual(['flanders', null, 'adult', 'other', 'xs']);
    expect(groupOf({ ...school, province: 'henegouwen' }, 'province')).toBeNull();
    expect(groupOf({ ...school, teachers: 0 }, 'size')).toBeNull();
  });

  it('states the budget of a release: histograms of every breakdown times ε', () => {
    const picture = releaseFlandersPicture(countPicture([], new Map(), framework), 'none', framework, { ...release, epsilon: 0.5 });
    expect(releaseHistograms(framework)).toBe((1 + framework.areas.length + competenceList(framework).length) * pictureBreakdowns.length);
    expect(picture.release?.epsilon).toBe(0.5 * releaseHistograms(framework));
    expect(picture.release?.noise.histograms).toBe(releaseHistograms(framework));
  });

  it('publishes nothing of a release that does not exist yet', () => {
    expect(releaseFlandersPicture(countPicture([], new Map(), framework), 'province', framework, null)).toMatchObject({ release: null, groups: [] });
  });
});

describe('school size bands', () => {
  it('puts every school with teachers in exactly one band, at the bounds too', () => {
    expect([0, 1, 24, 25, 49, 50, 99, 100, 5000].map(sizeBandOf)).toEqual([null, 'xs', 'xs', 's', 's', 'm', 'm', 'l', 'l']);
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), (teachers) => sizeBandOf(teachers) !== null));
  });
});

// Level codes: the competence histograms only have the levels their options give.
it('gives each competence histogram the levels its options can give, in the framework’s order', () => {
  const order = framework.levels.map((level) => level.code);
  for (const list of levels) expect([...list].sort((a: LevelCode, b: LevelCode) => order.indexOf(a) - order.indexOf(b))).toEqual(list);
});
