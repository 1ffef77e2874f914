import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competenceList, type Framework, type LevelCode, type Threshold, validateFramework } from './framework';
import { type Answers, bandForLevel, isComplete, levelForAreaScore, levelForScore, missingCompetences, scanResultSchema, scoreAnswers, unknownAnswerCodes } from './scoring';

const CONTENT_URL = new URL('../../../content/frameworks/digcompedu-2017.json', import.meta.url);

function loadFramework(): Framework {
  const result = validateFramework(JSON.parse(readFileSync(CONTENT_URL, 'utf8')));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.framework;
}

const framework = loadFramework();
function cutoffsOf(f: Framework): Threshold[] {
  if (f.scoring.rule !== 'checkin-cutoffs') throw new Error(`${f.version} does not declare the checkin-cutoffs rule`);
  return f.scoring.cutoffs;
}
const cutoffs = cutoffsOf(framework);
const codes = competenceList(framework).map((competence) => competence.code);
const LEVEL_ORDER: LevelCode[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

function answersOf(indexes: number[]): Answers {
  return Object.fromEntries(codes.map((code, i) => [code, indexes[i]]));
}

function allAnswered(index: number): Answers {
  return answersOf(codes.map(() => index));
}

const answersArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: codes.length, maxLength: codes.length });

/**
 * The commonly cited CheckIn cut-offs (DOMAIN.md §2.4, unverified). They pin the lookup
 * rule, not the product: the shipped table lives in content and may change.
 */
const CITED_CUTOFFS: Threshold[] = [
  { level: 'A1', min: 0, max: 19 },
  { level: 'A2', min: 20, max: 33 },
  { level: 'B1', min: 34, max: 49 },
  { level: 'B2', min: 50, max: 65 },
  { level: 'C1', min: 66, max: 80 },
  { level: 'C2', min: 81, max: 88 },
];

describe('levelForScore', () => {
  it.each([
    [0, 'A1'],
    [19, 'A1'],
    [20, 'A2'],
    [33, 'A2'],
    [34, 'B1'],
    [49, 'B1'],
    [50, 'B2'],
    [65, 'B2'],
    [66, 'C1'],
    [80, 'C1'],
    [81, 'C2'],
    [88, 'C2'],
  ] as const)('maps %i to %s', (score, level) => {
    expect(levelForScore(CITED_CUTOFFS, score)).toBe(level);
  });

  it('maps every boundary of the shipped table to its own level', () => {
    const overall = cutoffs;
    overall.forEach((threshold, i) => {
      expect(levelForScore(overall, threshold.min)).toBe(threshold.level);
      expect(levelForScore(overall, threshold.max)).toBe(threshold.level);
      if (i > 0) expect(levelForScore(overall, threshold.min - 1)).toBe(overall[i - 1].level);
    });
  });

  it('refuses a score outside the table', () => {
    expect(() => levelForScore(CITED_CUTOFFS, -1)).toThrow(RangeError);
    expect(() => levelForScore(CITED_CUTOFFS, 89)).toThrow(/outside the threshold table/);
    expect(() => levelForScore(CITED_CUTOFFS, Number.NaN)).toThrow(RangeError);
    expect(() => levelForScore([], 0)).toThrow(/empty/);
  });
});

describe('bandForLevel', () => {
  it.each([
    ['A1', 'A'],
    ['A2', 'A'],
    ['B1', 'B'],
    ['B2', 'B'],
    ['C1', 'C'],
    ['C2', 'C'],
  ] as const)('puts %s in band %s', (level, band) => {
    expect(bandForLevel(framework, level)).toBe(band);
  });

  it('throws for a level that belongs to no band', () => {
    const partial = { ...framework, bands: framework.bands.slice(0, 2) };
    expect(() => bandForLevel(partial, 'C1')).toThrow(/C1 belongs to no band/);
  });
});

describe('levelForAreaScore', () => {
  it('rescales an area score to the overall table', () => {
    expect(levelForAreaScore(cutoffs, 16, 16)).toBe('C2'); // 88
    expect(levelForAreaScore(cutoffs, 8, 16)).toBe('B1'); // 44
    expect(levelForAreaScore(cutoffs, 6, 12)).toBe('B1'); // 44
    expect(levelForAreaScore(cutoffs, 3, 16)).toBe('A1'); // 16.5 → 17
    expect(levelForAreaScore(cutoffs, 0, 12)).toBe('A1');
  });
});

describe('completeness', () => {
  it('reports unanswered and invalid answers as missing', () => {
    const answers = allAnswered(2);
    delete answers['3.2'];
    answers['6.5'] = 5;
    answers['1.1'] = 1.5;
    expect(missingCompetences(framework, answers)).toEqual(['1.1', '3.2', '6.5']);
    expect(isComplete(framework, answers)).toBe(false);
  });

  it('accepts a full set of answers', () => {
    expect(missingCompetences(framework, allAnswered(0))).toEqual([]);
    expect(isComplete(framework, allAnswered(4))).toBe(true);
  });

  it('lists answer codes that are not in the framework', () => {
    expect(unknownAnswerCodes(framework, { ...allAnswered(1), '7.1': 2 })).toEqual(['7.1']);
  });
});

describe('scoreAnswers', () => {
  it('throws a clear error for an incomplete scan', () => {
    const answers = allAnswered(1);
    delete answers['2.2'];
    delete answers['5.1'];
    expect(() => scoreAnswers(framework, answers)).toThrow('no valid answer for 2.2, 5.1');
  });

  it('scores the lowest answers as A1 everywhere', () => {
    const result = scoreAnswers(framework, allAnswered(0));
    expect(result).toMatchObject({ total: 0, maxTotal: 88, level: 'A1', band: 'A' });
    expect(result.areas.map((area) => [area.number, area.score, area.max, area.level])).toEqual([
      [1, 0, 16, 'A1'],
      [2, 0, 12, 'A1'],
      [3, 0, 16, 'A1'],
      [4, 0, 12, 'A1'],
      [5, 0, 12, 'A1'],
      [6, 0, 20, 'A1'],
    ]);
    expect(result.priorities.map((p) => p.code)).toEqual(['1.1', '1.2', '1.3']);
  });

  it('scores the highest answers as C2 overall, C1 per competence', () => {
    const result = scoreAnswers(framework, allAnswered(4));
    expect(result).toMatchObject({ total: 88, level: 'C2', band: 'C' });
    expect(result.areas.every((area) => area.level === 'C2' && area.band === 'C')).toBe(true);
    expect(result.competences.every((competence) => competence.level === 'C1')).toBe(true);
  });

  it('gives each priority the tip of its level', () => {
    const answers = allAnswered(3);
    answers['4.2'] = 1;
    answers['6.1'] = 0;
    const result = scoreAnswers(framework, answers);
    const tipOf = (code: string, level: LevelCode) => competenceList(framework).find((c) => c.code === code)!.tips[level];
    expect(result.priorities[0]).toEqual({ code: '6.1', areaNumber: 6, points: 0, level: 'A1', tip: tipOf('6.1', 'A1') });
    expect(result.priorities[1]).toEqual({ code: '4.2', areaNumber: 4, points: 1, level: 'A2', tip: tipOf('4.2', 'A2') });
  });

  it('breaks ties in points by the weaker area (relative to its size), then framework order', () => {
    // Area 2 scores 8/12 (67%), area 6 scores 11/20 (55%): raw sums would pick 2.3 first.
    const answers = allAnswered(3);
    answers['2.3'] = 2;
    for (const code of ['6.1', '6.2', '6.3', '6.4']) answers[code] = 2;
    const result = scoreAnswers(framework, answers);
    expect(result.areas.find((area) => area.number === 2)?.score).toBe(8);
    expect(result.areas.find((area) => area.number === 6)?.score).toBe(11);
    expect(result.priorities.map((p) => p.code)).toEqual(['6.1', '6.2', '6.3']);
  });

  it('returns data that matches scanResultSchema', () => {
    expect(scanResultSchema.safeParse(scoreAnswers(framework, allAnswered(2))).success).toBe(true);
  });

  it('still scores a 2017 scan exactly as before: B2 on every competence totals 66, which its cut-offs call C1 (issue 10, finding 1)', () => {
    const result = scoreAnswers(framework, allAnswered(3));
    expect(result).toMatchObject({ total: 66, maxTotal: 88, level: 'C1', band: 'C' });
    expect(result.competences.every((competence) => competence.level === 'B2' && competence.points === 3)).toBe(true);
    expect(result.areas.map((area) => area.level)).toEqual(['C1', 'C1', 'C1', 'C1', 'C1', 'C1']);
  });
});

describe('scoreAnswers under the level-per-statement rule (2026)', () => {
  const raw2026 = JSON.parse(readFileSync(new URL('../../../content/frameworks/digcompedu-2026.json', import.meta.url), 'utf8'));
  const validated = validateFramework(raw2026);
  if (!validated.ok) throw new Error(validated.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const f2026 = validated.framework;
  const withAggregation = (aggregation: 'median' | 'rounded-mean'): Framework => ({ ...f2026, scoring: { rule: 'level-per-statement', aggregation } });
  const statementArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: codes.length, maxLength: codes.length });

  it('gives B2 on every competence B2 overall and in every area, band B; the points are level ranks', () => {
    const result = scoreAnswers(f2026, allAnswered(3));
    expect(result).toMatchObject({ total: 66, maxTotal: 110, level: 'B2', band: 'B' });
    expect(result.areas.map((area) => [area.number, area.score, area.max, area.level, area.band])).toEqual([
      [1, 12, 20, 'B2', 'B'],
      [2, 9, 15, 'B2', 'B'],
      [3, 12, 20, 'B2', 'B'],
      [4, 9, 15, 'B2', 'B'],
      [5, 9, 15, 'B2', 'B'],
      [6, 15, 25, 'B2', 'B'],
    ]);
  });

  it('reaches C2 for one competence and, with C2 everywhere, overall; the C2 priority gets the C2 tip', () => {
    const answers = allAnswered(5);
    expect(scoreAnswers(f2026, answers)).toMatchObject({ level: 'C2', band: 'C', total: 110 });
    const one = scoreAnswers(f2026, { ...allAnswered(1), '3.3': 5 });
    expect(one.competences.find((c) => c.code === '3.3')).toMatchObject({ level: 'C2', points: 5 });
    const tops = scoreAnswers(f2026, answers).priorities;
    expect(tops[0].tip).toEqual(competenceList(f2026).find((c) => c.code === tops[0].code)!.tips.C2);
  });

  it('takes the median of the competence levels, the lower middle one on a tie', () => {
    // Area 1 (four competences): A1, A2, C1, C2 → the lower middle level, A2.
    const answers = { ...allAnswered(2), '1.1': 0, '1.2': 1, '1.3': 4, '1.4': 5 };
    const result = scoreAnswers(f2026, answers);
    expect(result.areas[0].level).toBe('A2');
    expect(result.level).toBe('B1');
    // The rounded mean of 0, 1, 4, 5 is 2.5, rounded half down to B1.
    expect(scoreAnswers(withAggregation('rounded-mean'), answers).areas[0].level).toBe('B1');
  });

  it('keeps every level between the lowest and highest competence level, and never lowers one when an answer is raised', () => {
    for (const aggregation of ['median', 'rounded-mean'] as const) {
      const f = withAggregation(aggregation);
      fc.assert(
        fc.property(statementArb, fc.nat({ max: codes.length - 1 }), (indexes, which) => {
          const before = scoreAnswers(f, answersOf(indexes));
          const ranks = before.competences.map((c) => LEVEL_ORDER.indexOf(c.level));
          expect(LEVEL_ORDER.indexOf(before.level)).toBeGreaterThanOrEqual(Math.min(...ranks));
          expect(LEVEL_ORDER.indexOf(before.level)).toBeLessThanOrEqual(Math.max(...ranks));
          expect(before.total).toBe(ranks.reduce((a, b) => a + b, 0));
          fc.pre(indexes[which] < 5);
          const after = scoreAnswers(f, answersOf(indexes.with(which, indexes[which] + 1)));
          expect(LEVEL_ORDER.indexOf(after.level)).toBeGreaterThanOrEqual(LEVEL_ORDER.indexOf(before.level));
          after.areas.forEach((area, i) => expect(LEVEL_ORDER.indexOf(area.level)).toBeGreaterThanOrEqual(LEVEL_ORDER.indexOf(before.areas[i].level)));
        }),
      );
    }
  });
});

describe('scoreAnswers properties', () => {
  it("total = sum of the chosen options' points = sum of the area scores", () => {
    fc.assert(
      fc.property(answersArb, (indexes) => {
        const result = scoreAnswers(framework, answersOf(indexes));
        const chosenPoints = competenceList(framework).map((c, i) => c.item.options[indexes[i]].points);
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        expect(result.total).toBe(sum(chosenPoints));
        expect(result.total).toBe(sum(result.areas.map((area) => area.score)));
        expect(result.level).toBe(levelForScore(cutoffs, result.total));
      }),
    );
  });

  it('never lowers the overall level when one answer is raised by one point', () => {
    fc.assert(
      fc.property(answersArb, fc.nat({ max: codes.length - 1 }), (indexes, which) => {
        fc.pre(indexes[which] < 4);
        const before = scoreAnswers(framework, answersOf(indexes));
        const raised = indexes.with(which, indexes[which] + 1);
        const after = scoreAnswers(framework, answersOf(raised));
        expect(after.total).toBe(before.total + 1);
        expect(LEVEL_ORDER.indexOf(after.level)).toBeGreaterThanOrEqual(LEVEL_ORDER.indexOf(before.level));
      }),
    );
  });

  it('keeps every area score within 0..max', () => {
    fc.assert(
      fc.property(answersArb, (indexes) => {
        for (const area of scoreAnswers(framework, answersOf(indexes)).areas) {
          expect(area.score).toBeGreaterThanOrEqual(0);
          expect(area.score).toBeLessThanOrEqual(area.max);
        }
      }),
    );
  });

  it('picks three distinct priorities, none with more points than a non-priority competence', () => {
    fc.assert(
      fc.property(answersArb, (indexes) => {
        const result = scoreAnswers(framework, answersOf(indexes));
        const priorityCodes = result.priorities.map((p) => p.code);
        expect(new Set(priorityCodes).size).toBe(3);
        const highestPriority = Math.max(...result.priorities.map((p) => p.points));
        for (const competence of result.competences) {
          if (!priorityCodes.includes(competence.code)) expect(competence.points).toBeGreaterThanOrEqual(highestPriority);
        }
      }),
    );
  });
});
