import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorBound, geometricAlpha, guessBound, seededUniform } from '../platform/differential-privacy';
import { competenceList, type Framework, type LevelCode, validateFramework } from './framework';
import { drawNoise, histogramsPerPublication, levelsOfCompetence, NOT_ANSWERED, protectTeam, publicationNoise, type TeamCounts } from './protected-team';
import { type ScanResult, scoreAnswers } from './scoring';

const framework: Framework = (() => {
  const result = validateFramework(JSON.parse(readFileSync(new URL('../../../content/frameworks/digcompedu-2017.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('the shipped framework is invalid');
  return result.framework;
})();
const codes = competenceList(framework).map((c) => c.code);

/** Tallies scans as the digisnap module does (its own tests hold its counting to a count from scratch). */
function tally(results: ScanResult[]): TeamCounts {
  const zero = () => Object.fromEntries(framework.levels.map((l) => [l.code, 0])) as Record<LevelCode, number>;
  const counts: TeamCounts = {
    respondents: results.length,
    overallLevels: zero(),
    areas: framework.areas.map((a) => ({ number: a.number, levels: zero() })),
    competences: codes.map((code) => ({ code, levels: {} })),
    background: framework.background.map((q) => ({
      question: q.id,
      groups: [...q.options.map((o) => o.value), NOT_ANSWERED].map((value) => ({ value, bands: { A: 0, B: 0, C: 0 } })),
    })),
  };
  for (const result of results) {
    counts.overallLevels[result.level] += 1;
    result.areas.forEach((area, i) => (counts.areas[i].levels[area.level] += 1));
    result.competences.forEach((c, i) => (counts.competences[i].levels[c.level] = (counts.competences[i].levels[c.level] ?? 0) + 1));
    for (const b of counts.background) b.groups.find((g) => g.value === NOT_ANSWERED)!.bands[result.band] += 1;
  }
  return counts;
}

const answersOf = (pick: (i: number) => number): ScanResult => scoreAnswers(framework, Object.fromEntries(codes.map((code, i) => [code, pick(i)])));

/** Every published count beside its true value: the cells of every histogram. */
function cellPairs(truth: TeamCounts, noisy: TeamCounts): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const levels = (a: Partial<Record<LevelCode, number>>, b: Partial<Record<LevelCode, number>>, which: readonly LevelCode[]) => {
    for (const level of which) pairs.push([a[level] ?? 0, b[level] ?? 0]);
  };
  const all = framework.levels.map((l) => l.code);
  levels(truth.overallLevels, noisy.overallLevels, all);
  truth.areas.forEach((area, i) => levels(area.levels, noisy.areas[i].levels, all));
  truth.competences.forEach((c, i) => levels(c.levels, noisy.competences[i].levels, levelsOfCompetence(framework, c.code)));
  truth.background.forEach((b, i) => b.groups.forEach((g, j) => framework.bands.forEach((band) => pairs.push([g.bands[band.code], noisy.background[i].groups[j].bands[band.code]]))));
  return pairs;
}

describe('the noise of a publication', () => {
  it('counts one histogram per table with noise of its own: overall, 6 areas, 22 competences, the background questions', () => {
    expect(histogramsPerPublication(framework)).toBe(1 + 6 + 22 + framework.background.length);
    const noise = publicationNoise(framework, 1);
    expect(noise).toMatchObject({ epsilon: 1, histograms: histogramsPerPublication(framework), expectedError: 0.85, bound: 2, confidence: 0.9 });
  });

  it('is the same for the same draws, and differs for another', () => {
    const counts = tally(Array.from({ length: 12 }, (_, i) => answersOf((j) => (i + j) % 5)));
    expect(drawNoise(counts, framework, 1, seededUniform(1))).toEqual(drawNoise(counts, framework, 1, seededUniform(1)));
    expect(drawNoise(counts, framework, 1, seededUniform(1))).not.toEqual(drawNoise(counts, framework, 1, seededUniform(2)));
  });

  it('never publishes a negative count, keeps the respondents exact, and gives shares of each histogram’s noisy total', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 22, maxLength: 22 }), { minLength: 5, maxLength: 40 }), fc.integer(), (team, seed) => {
        const truth = tally(team.map((options) => answersOf((i) => options[i])));
        const noisy = drawNoise(truth, framework, 1, seededUniform(seed));
        for (const [, published] of cellPairs(truth, noisy.counts)) expect(published).toBeGreaterThanOrEqual(0);
        const tables = protectTeam(noisy, framework, 5);
        expect(tables.respondents).toBe(team.length);
        const total = tables.overall.levels.reduce((acc, l) => acc + l.count, 0);
        for (const level of tables.overall.levels) expect(Math.abs(level.share - (total === 0 ? 0 : (level.count / total) * 100))).toBeLessThanOrEqual(0.051);
        // Bands are sums of their levels: post-processing of the same noisy cells.
        for (const band of tables.overall.bands) {
          const of = framework.bands.find((b) => b.code === band.band)!.levels;
          expect(band.count).toBe(tables.overall.levels.filter((l) => of.includes(l.level)).reduce((acc, l) => acc + l.count, 0));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses to make tables of a team under the threshold', () => {
    const four = tally(Array.from({ length: 4 }, () => answersOf(() => 2)));
    expect(() => protectTeam(drawNoise(four, framework, 1, seededUniform(1)), framework, 5)).toThrow(/below the threshold/);
  });
});

describe('attack: four stand-ins beside one real teacher', () => {
  // The stand-ins all answer option 0, so the attacker knows their cells exactly; the victim's
  // level on competence 1.1 is each of its possible levels equally often over the seeds.
  const SEEDS = 2_000;
  const competence = codes[0];
  const possible = levelsOfCompetence(framework, competence);
  const optionOf = (level: LevelCode) => competenceList(framework)[0].item.options.findIndex((o) => o.level === level);

  for (const epsilon of [1, 0.5]) {
    it(`guesses the victim's level right no more often than the mechanism allows (ε = ${epsilon})`, () => {
      const standIns = Array.from({ length: 4 }, () => answersOf(() => 0));
      const known = tally(standIns).competences[0].levels;
      const teams = possible.map((level) => tally([...standIns, answersOf((i) => (i === 0 ? optionOf(level) : 2))]));
      let right = 0;
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const victimLevel = possible[seed % possible.length];
        const published = drawNoise(teams[seed % possible.length], framework, epsilon, seededUniform(seed * 7919 + 1)).counts.competences[0].levels;
        // The attacker's best guess: the level whose noisy count exceeds the known count most (first on a tie).
        const residual = possible.map((level) => (published[level] ?? 0) - (known[level] ?? 0));
        const guess = possible[residual.indexOf(Math.max(...residual))];
        if (guess === victimLevel) right += 1;
      }
      const rate = right / SEEDS;
      const bound = guessBound(2 * epsilon, possible.length);
      // Sampling margin: four standard errors of a rate near the bound over SEEDS draws.
      const margin = 4 * Math.sqrt((bound * (1 - bound)) / SEEDS);
      expect(rate).toBeLessThanOrEqual(bound + margin);
      // Also within the bound the README quotes for a guess among the six levels A1–C2.
      expect(rate).toBeLessThanOrEqual(guessBound(2 * epsilon, 6) + margin);
      // The exact level is never certain: the attacker is wrong a good part of the time.
      expect(rate).toBeLessThan(0.8);
    });
  }
});

describe('accuracy for teams of 20 or more', () => {
  for (const size of [20, 30, 100]) {
    it(`keeps 9 in 10 published counts within the stated bound for a team of ${size}, and their shares close to the truth`, () => {
      const alpha = geometricAlpha(1);
      const bound = errorBound(alpha, 0.9);
      let within = 0;
      let cells = 0;
      let sharesWithin = 0;
      let shares = 0;
      for (let seed = 0; seed < 40; seed += 1) {
        const pick = seededUniform(seed + size * 1000);
        const team = Array.from({ length: size }, () => answersOf(() => Math.floor(pick() * 5)));
        const truth = tally(team);
        const noisy = drawNoise(truth, framework, 1, seededUniform(seed));
        for (const [real, published] of cellPairs(truth, noisy.counts)) {
          cells += 1;
          if (Math.abs(published - real) <= bound) within += 1;
        }
        const tables = protectTeam(noisy, framework, 5);
        for (const [a, area] of tables.areas.entries()) {
          for (const level of area.levels) {
            shares += 1;
            const real = (truth.areas[a].levels[level.level] / size) * 100;
            // A share moves with its own cell's noise and with the histogram's noisy total.
            if (Math.abs(level.share - real) <= ((2 * bound) / size) * 100) sharesWithin += 1;
          }
        }
      }
      expect(within / cells).toBeGreaterThanOrEqual(0.9);
      expect(sharesWithin / shares).toBeGreaterThanOrEqual(0.9);
    });
  }
});
