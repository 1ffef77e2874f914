import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionInputSchema, trainingInputSchema } from '../../shared/catalogue/api';
import { COVERAGE_DAYS, coverageCells, coverageTrainings, coveredCells } from './demo-coverage';
import { demoProviders, generateDemoTrainings } from './demo-trainings';
import { seededRandom } from './simulated-answers';

const NOW = new Date('2026-12-07T16:00:00Z');
const DAY = 86_400_000;
const cellKeys = () => coverageCells().map((cell) => `${cell.competence}|${cell.level}|${cell.province}`);

describe('coverageTrainings', () => {
  it('fills every competence × level × province cell the demo catalogue leaves empty, with sessions in the coming months', () => {
    const generated = generateDemoTrainings(240, seededRandom(1302), NOW);
    const before = coveredCells(generated, NOW);
    const added = coverageTrainings(generated, NOW);
    expect(cellKeys().length).toBe(22 * 5 * 6);
    expect(cellKeys().filter((key) => !before.has(key)).length).toBeGreaterThan(0);
    const after = coveredCells([...generated, ...added], NOW);
    expect(cellKeys().filter((key) => !after.has(key))).toEqual([]);
    // One training per province, area and level at most: a few hundred, not one per cell.
    expect(added.length).toBeLessThanOrEqual(6 * 6 * 5);
    for (const { sessions } of added) {
      for (const session of sessions) {
        expect(Date.parse(session.startsAt)).toBeGreaterThan(NOW.getTime());
        expect(Date.parse(session.startsAt)).toBeLessThanOrEqual(NOW.getTime() + COVERAGE_DAYS * DAY);
        expect([0, 6]).not.toContain(new Date(session.startsAt).getUTCDay());
      }
    }
  });

  it('writes trainings and sessions the API accepts, of verified providers on their own domain', () => {
    const verified = new Map(demoProviders.filter((p) => p.verified).map((p) => [p.key, p]));
    for (const { providerKey, training, sessions } of coverageTrainings([], NOW)) {
      expect(trainingInputSchema.safeParse(training).success, training.title).toBe(true);
      for (const session of sessions) expect(sessionInputSchema.safeParse(session).success).toBe(true);
      expect(training.url.startsWith(`${verified.get(providerKey)!.website}/`)).toBe(true);
    }
  });

  it('counts only sessions inside the window: a day after its end, the fill covers nothing', () => {
    const added = coverageTrainings([], NOW);
    const later = new Date(NOW.getTime() + (COVERAGE_DAYS + 1) * DAY);
    // Seen from a day after the window's end, every session of the fill is in the past.
    expect(coveredCells(added, later).size).toBe(0);
    expect(coveredCells(added, NOW).size).toBe(cellKeys().length);
  });

  it('covers every cell whatever catalogue it starts from, and adds nothing to a covered one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 365 }), (count, seed, days) => {
        const now = new Date(NOW.getTime() + days * DAY);
        const generated = generateDemoTrainings(count, seededRandom(seed), now);
        const all = [...generated, ...coverageTrainings(generated, now)];
        const covered = coveredCells(all, now);
        expect(cellKeys().every((key) => covered.has(key))).toBe(true);
        expect(coverageTrainings(all, now)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
