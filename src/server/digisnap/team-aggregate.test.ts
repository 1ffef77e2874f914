import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competenceList, type Framework, validateFramework } from '../../shared/digisnap/framework';
import { drawNoise } from '../../shared/digisnap/protected-team';
import { scoreAnswers } from '../../shared/digisnap/scoring';
import { seededUniform } from '../../shared/platform/differential-privacy';
import {
  addCounts,
  addScan,
  countTeam,
  decodeCounts,
  decodeNoisy,
  emptyCounts,
  encodeCounts,
  encodeNoisy,
  isLaterScan,
  latestPerTeacher,
  parseBackground,
  releaseTeamAggregate,
  respondentKey,
  type TeamScan,
} from './team-aggregate';

const framework: Framework = (() => {
  const result = validateFramework(JSON.parse(readFileSync(new URL('../../../content/frameworks/digcompedu-2017.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('the shipped framework is invalid');
  return result.framework;
})();
const codes = competenceList(framework).map((c) => c.code);

let scans = 0;
const scanOf = (userId: string, submittedAt: string, options: number[], background: TeamScan['background'] = {}): TeamScan => ({
  scanId: `scan-${(scans += 1)}`,
  userId,
  submittedAt,
  result: scoreAnswers(framework, Object.fromEntries(codes.map((code, i) => [code, options[i % options.length]]))),
  background,
});

describe('team aggregate', () => {
  it('counts each teacher once, by the latest scan', () => {
    const scans = [scanOf('a', '2026-01-02T00:00:00.000Z', [1]), scanOf('a', '2026-01-03T00:00:00.000Z', [4]), scanOf('b', '2026-01-01T00:00:00.000Z', [2])];
    expect(latestPerTeacher(scans).map((s) => [s.userId, s.result.band])).toEqual([
      ['a', 'C'],
      ['b', 'B'],
    ]);
  });

  it('puts an unknown or missing background answer under not_answered', () => {
    const counts = countTeam([scanOf('a', 'x', [2], { experience: '0_5' }), scanOf('b', 'x', [2], { experience: 'on mars' }), scanOf('c', 'x', [2])], framework);
    const experience = counts.background.find((b) => b.question === 'experience')!;
    expect(experience.groups.find((g) => g.value === '0_5')!.bands.B).toBe(1);
    expect(experience.groups.find((g) => g.value === 'not_answered')!.bands.B).toBe(2);
  });

  it('gives keys that tell teachers and scans apart, and differ per salt', () => {
    const first = respondentKey('c1', { userId: 'u', submittedAt: 't1' });
    expect(first).toMatch(/^[\w-]{16}\.[\w-]{16}$/);
    expect(respondentKey('c1', { userId: 'u', submittedAt: 't2' }).split('.')[0]).toBe(first.split('.')[0]);
    expect(respondentKey('c1', { userId: 'u', submittedAt: 't2' })).not.toBe(first);
    expect(respondentKey('c2', { userId: 'u', submittedAt: 't1' }).split('.')[0]).not.toBe(first.split('.')[0]);
  });

  it('lets no table out for a team under the threshold', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => scanOf(id, 'x', [2]));
    const noisy = (list: TeamScan[]) => drawNoise(countTeam(list, framework), framework, 1, seededUniform(7));
    expect(releaseTeamAggregate(noisy(four), framework, 5)).toBeNull();
    expect(releaseTeamAggregate(noisy([...four, scanOf('e', 'x', [3])]), framework, 5)).not.toBeNull();
    expect(releaseTeamAggregate(noisy([...four, scanOf('e', 'x', [3])]), framework, 6)).toBeNull();
  });

  it('lets out counts and shares only: no mean, no score sum, nothing that subtracts to a score', () => {
    const teams = fc.array(fc.record({ options: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 22 }), experience: fc.constantFrom('0_5', '6_10', undefined) }), {
      minLength: 5,
      maxLength: 30,
    });
    fc.assert(
      fc.property(teams, fc.integer(), (members, seed) => {
        const scans = members.map((m, i) => scanOf(`u${i}`, 'x', m.options, m.experience ? { experience: m.experience } : {}));
        const team = releaseTeamAggregate(drawNoise(countTeam(scans, framework), framework, 1, seededUniform(seed)), framework, 5)!;
        const keys = new Set<string>();
        JSON.stringify(team, (key, value) => {
          keys.add(key);
          if (key === 'count') expect(Number.isInteger(value) && value >= 0).toBe(true);
          return value;
        });
        for (const key of keys) expect(key).not.toMatch(/mean|sum|score|points/i);
        expect(team.respondents).toBe(members.length);
      }),
      { numRuns: 40 },
    );
  });

  it('stores a publication’s noise so that it reads back as drawn', () => {
    const counts = countTeam(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => scanOf(id, 'x', [i % 5])),
      framework,
    );
    const noisy = drawNoise(counts, framework, 0.5, seededUniform(3));
    expect(decodeNoisy(encodeNoisy(noisy, framework), framework)).toEqual(noisy);
  });
});

describe('counts kept scan by scan', () => {
  const member = fc.record({
    options: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 22 }),
    experience: fc.constantFrom('0_5', '21_plus', 'elsewhere', undefined),
  });
  const scanOfMember = (m: { options: number[]; experience?: string }, i: number) => scanOf(`u${i}`, 'x', m.options, m.experience ? { experience: m.experience } : {});
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  it('equal a count from scratch, cell for cell, whatever is added and taken away', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (members, leaving) => {
        const scans = members.map(scanOfMember);
        const counts = emptyCounts(framework);
        for (const scan of scans) addScan(counts, scan);
        expect(counts).toEqual(countTeam(scans, framework));
        const stay = scans.filter((_, i) => !leaving[i]);
        scans.forEach((scan, i) => leaving[i] && addScan(counts, scan, -1));
        // Through JSON, as the stored counts go: no cell of a level nobody is at survives.
        expect(copy(counts)).toEqual(countTeam(stay, framework));
      }),
      { numRuns: 80 },
    );
  });

  it('add up teams as the count of their scans together, and take one away again', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 8 }), fc.array(member, { maxLength: 8 }), (a, b) => {
        const left = a.map(scanOfMember);
        const right = b.map((m, i) => scanOfMember(m, i + a.length));
        const sum = addCounts(countTeam(left, framework), countTeam(right, framework));
        expect(sum).toEqual(countTeam([...left, ...right], framework));
        expect(copy(addCounts(sum, countTeam(right, framework), -1))).toEqual(countTeam(left, framework));
      }),
      { numRuns: 60 },
    );
  });

  it('are stored as a list of numbers that reads back as the same counts', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), (members) => {
        const counts = countTeam(members.map(scanOfMember), framework);
        const stored = encodeCounts(counts, framework);
        expect(decodeCounts(stored, framework)).toEqual(counts);
        expect(stored.length).toBeLessThan(JSON.stringify(counts).length / 3);
      }),
      { numRuns: 40 },
    );
    // Counts stored in the earlier layout, with score sums beside the counts, read back without the sums.
    const counts = countTeam([scanOf('a', 'x', [2])], framework);
    const levels = (cells: Partial<Record<string, number>>) => framework.levels.map((l) => cells[l.code] ?? 0);
    const legacy = [
      counts.respondents,
      44,
      ...levels(counts.overallLevels),
      ...counts.areas.flatMap((area) => [9, ...levels(area.levels)]),
      ...counts.competences.flatMap((c) => framework.levels.flatMap((l) => [c.levels[l.code] ?? 0, (c.levels[l.code] ?? 0) * 2])),
      ...counts.background.flatMap((b) => b.groups.flatMap((g) => framework.bands.map((band) => g.bands[band.code]))),
    ];
    expect(decodeCounts(JSON.stringify(legacy), framework)).toEqual(counts);
    expect(() => decodeCounts('[1,2,3]', framework)).toThrow(/expected/);
  });

  it('start from every cell at zero', () => {
    const empty = emptyCounts(framework);
    expect(empty).toEqual(countTeam([], framework));
    expect(empty.respondents).toBe(0);
    expect(empty.areas).toHaveLength(framework.areas.length);
    expect(empty.competences.every((c) => Object.keys(c.levels).length === 0)).toBe(true);
  });

  it('tell which scan is a teacher’s latest without depending on row order', () => {
    expect(isLaterScan({ scanId: 'a', submittedAt: '2026-01-02' }, { scanId: 'b', submittedAt: '2026-01-01' })).toBe(true);
    expect(isLaterScan({ scanId: 'a', submittedAt: '2026-01-01' }, { scanId: 'b', submittedAt: '2026-01-02' })).toBe(false);
    expect(isLaterScan({ scanId: 'b', submittedAt: '2026-01-01' }, { scanId: 'a', submittedAt: '2026-01-01' })).toBe(true);
    expect(isLaterScan({ scanId: 'a', submittedAt: '2026-01-01' }, { scanId: 'a', submittedAt: '2026-01-01' })).toBe(false);
    const same = [scanOf('t', '2026-01-01', [1]), scanOf('t', '2026-01-01', [4])];
    expect(latestPerTeacher(same)).toEqual(latestPerTeacher([...same].reverse()));
  });

  it('read a broken background as no answers', () => {
    expect(parseBackground('{"experience":"0_5"}')).toEqual({ experience: '0_5' });
    expect(parseBackground('not json')).toEqual({});
  });
});
