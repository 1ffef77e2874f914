import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVEL_CODES, type LevelCode } from '../digisnap/framework';
import { type Province, provinces } from '../platform/flanders';
import { type LevelStep, trainingKinds } from './api';
import {
  DEFAULT_RECOMMENDATION_LIMIT,
  focusCompetences,
  matchLists,
  type RankedRecommendation,
  type RankingCandidate,
  rankRecommendations,
  recommendationRanking,
  recommendationReason,
  STEP_FITS,
  stepFit,
  type TeacherProfileForRanking,
} from './recommend';

const NOW = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

function profile(overrides: Partial<TeacherProfileForRanking> = {}, levels: Record<string, LevelCode> = {}): TeacherProfileForRanking {
  const base: Record<string, LevelCode> = { '1.1': 'B1', '2.2': 'B1', '3.1': 'A2', '4.1': 'B1', '5.2': 'B2', '6.3': 'A1', ...levels };
  return {
    competences: Object.entries(base).map(([code, level]) => ({ code, level, points: LEVEL_CODES.indexOf(level) })),
    priorities: [],
    province: 'antwerpen',
    excludedTrainingIds: new Set(),
    ...overrides,
  };
}

let sessionCounter = 0;
function session(startDays: number, overrides: Partial<RankingCandidate['sessions'][number]> = {}): RankingCandidate['sessions'][number] {
  sessionCounter += 1;
  return { id: `s${sessionCounter}`, startsAt: at(startDays), enrolmentDeadline: at(startDays - 3), online: false, seatsLeft: 10, ...overrides };
}

function candidate(trainingId: string, steps: Array<[string, LevelCode, LevelCode]>, overrides: Partial<RankingCandidate> = {}): RankingCandidate {
  return {
    trainingId,
    kind: 'in_person',
    levelSteps: steps.map(([competence, from, to]) => ({ competence, from, to })),
    province: 'antwerpen',
    priceEuro: 50,
    sessions: [session(30)],
    ...overrides,
  };
}

const ids = (recommendations: RankedRecommendation[]) => recommendations.map((r) => r.trainingId);

describe('rankRecommendations: examples from the issue', () => {
  it('ranks A2 → B1 above B2 → C1 for a teacher at A2', () => {
    const result = rankRecommendations(profile(), [candidate('far-above', [['3.1', 'B2', 'C1']]), candidate('at-level', [['3.1', 'A2', 'B1']])], NOW);
    expect(ids(result)).toEqual(['at-level', 'far-above']);
    expect(result[0]).toMatchObject({ competence: '3.1', currentLevel: 'A2', targetLevel: 'B1' });
  });

  it("prefers a step from the teacher's level over one from a level below, and one from below over one far above", () => {
    const result = rankRecommendations(
      profile({}, { '3.1': 'B1' }),
      [candidate('two-above', [['3.1', 'C1', 'C2']]), candidate('below', [['3.1', 'A2', 'B2']]), candidate('at', [['3.1', 'B1', 'B2']]), candidate('one-above', [['3.1', 'B2', 'C1']])],
      NOW,
    );
    expect(ids(result)).toEqual(['at', 'below', 'one-above', 'two-above']);
  });

  it('never recommends a step the teacher has already reached or one that starts out of reach', () => {
    const result = rankRecommendations(profile({}, { '3.1': 'B1' }), [candidate('reached', [['3.1', 'A2', 'B1']]), candidate('two-above', [['3.1', 'C1', 'C2']])], NOW);
    expect(ids(result)).toEqual(['two-above']); // C1 is two above B1: still within reach
    const lowTeacher = rankRecommendations(profile({}, { '3.1': 'A1' }), [candidate('out-of-reach', [['3.1', 'B2', 'C1']])], NOW);
    expect(lowTeacher).toEqual([]);
    expect(rankRecommendations(profile(), [candidate('unknown-competence', [['9.9', 'A1', 'A2']])], NOW)).toEqual([]);
  });

  it('prefers a priority competence, then a weaker competence, at the same fit', () => {
    const teacher = profile({ priorities: ['4.1'] }, { '1.1': 'B1', '4.1': 'B1', '2.2': 'A2' });
    const result = rankRecommendations(
      teacher,
      [candidate('strong', [['1.1', 'B1', 'B2']]), candidate('priority', [['4.1', 'B1', 'B2']]), candidate('weaker', [['2.2', 'A2', 'B1']])],
      NOW,
    );
    expect(ids(result)).toEqual(['priority', 'weaker', 'strong']);
  });

  it('puts online and nearby sessions before far ones, a neighbouring province in between', () => {
    const step: Array<[string, LevelCode, LevelCode]> = [['3.1', 'A2', 'B1']];
    const result = rankRecommendations(
      profile({ province: 'antwerpen' }),
      [
        candidate('far', [...step], { province: 'west-vlaanderen', sessions: [session(10)] }),
        candidate('neighbour', [...step], { province: 'limburg', sessions: [session(20)] }),
        candidate('online', [...step], { kind: 'live_online', province: null, sessions: [session(40, { online: true })] }),
        candidate('near', [...step], { province: 'antwerpen', sessions: [session(30)] }),
      ],
      NOW,
    );
    expect(ids(result)).toEqual(['near', 'online', 'neighbour', 'far']);
  });

  it('chooses the online session of a far-away training over its in-person one', () => {
    const online = session(60, { online: true });
    const result = rankRecommendations(profile(), [candidate('t', [['3.1', 'A2', 'B1']], { province: 'west-vlaanderen', sessions: [session(10), online] })], NOW);
    expect(result[0].sessionId).toBe(online.id);
  });

  it('still offers a full session (waiting list), but below one with seats', () => {
    const result = rankRecommendations(
      profile(),
      [candidate('full', [['3.1', 'A2', 'B1']], { sessions: [session(10, { seatsLeft: 0 })] }), candidate('seats', [['3.1', 'A2', 'B1']], { sessions: [session(50)] })],
      NOW,
    );
    expect(ids(result)).toEqual(['seats', 'full']);
  });

  it('never recommends an excluded training', () => {
    const result = rankRecommendations(profile({ excludedTrainingIds: new Set(['done']) }), [candidate('done', [['3.1', 'A2', 'B1']]), candidate('other', [['3.1', 'B2', 'C1']])], NOW);
    expect(ids(result)).toEqual(['other']);
  });

  it('never recommends a past session, and picks the upcoming one when there is one', () => {
    const future = session(90);
    const result = rankRecommendations(
      profile(),
      [candidate('past-only', [['3.1', 'A2', 'B1']], { sessions: [session(-10)] }), candidate('past-and-future', [['3.1', 'A2', 'B1']], { sessions: [session(-10), future] })],
      NOW,
    );
    expect(ids(result)).toEqual(['past-and-future']);
    expect(result[0].sessionId).toBe(future.id);
  });

  it('never recommends a session whose enrolment deadline has passed, nor one starting right now', () => {
    const result = rankRecommendations(
      profile(),
      [
        candidate('deadline-passed', [['3.1', 'A2', 'B1']], { sessions: [session(2, { enrolmentDeadline: at(-1) })] }),
        candidate('deadline-now', [['3.1', 'A2', 'B1']], { sessions: [session(2, { enrolmentDeadline: NOW.toISOString() })] }),
        candidate('starts-now', [['3.1', 'A2', 'B1']], { sessions: [session(0, { enrolmentDeadline: at(1) })] }),
        candidate('no-sessions', [['3.1', 'A2', 'B1']], { kind: 'bootcamp', sessions: [] }),
        candidate('open', [['3.1', 'A2', 'B1']], { sessions: [session(2, { enrolmentDeadline: at(0.01) })] }),
      ],
      NOW,
    );
    expect(ids(result)).toEqual(['open']);
  });

  it('recommends self-paced trainings and learning resources without a session', () => {
    const result = rankRecommendations(
      profile(),
      [
        candidate('course', [['3.1', 'A2', 'B1']], { kind: 'self_paced', province: null, sessions: [] }),
        candidate('resource', [['6.3', 'A1', 'A2']], { kind: 'learning_resource', province: null, sessions: [session(-30)] }),
      ],
      NOW,
    );
    expect(result.map((r) => [r.trainingId, r.sessionId])).toEqual([
      ['resource', null],
      ['course', null],
    ]);
  });

  it('lists a training once, with its best-matching step', () => {
    const result = rankRecommendations(
      profile(),
      [
        candidate('multi', [
          ['1.1', 'A2', 'C1'],
          ['3.1', 'A2', 'B1'],
          ['6.3', 'B1', 'B2'],
        ]),
        candidate('multi', [['3.1', 'B2', 'C1']]),
      ],
      NOW,
    );
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ trainingId: 'multi', competence: '3.1', currentLevel: 'A2', targetLevel: 'B1' });
  });

  it('breaks ties by earlier session, then lower price, then trainingId', () => {
    const step: Array<[string, LevelCode, LevelCode]> = [['3.1', 'A2', 'B1']];
    const result = rankRecommendations(
      profile(),
      [
        candidate('c', [...step], { priceEuro: 10, sessions: [session(20)] }),
        candidate('b', [...step], { priceEuro: 10, sessions: [session(10)] }),
        candidate('a', [...step], { priceEuro: 99, sessions: [session(10)] }),
        candidate('d', [...step], { priceEuro: 10, sessions: [session(20)] }),
      ],
      NOW,
    );
    expect(ids(result)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('gives each of the three priorities its best training before a fourth of the first one', () => {
    const teacher = profile({ priorities: ['3.1', '2.2', '6.3'] }, { '3.1': 'A1', '2.2': 'B1', '6.3': 'B1' });
    const first = ['a', 'b', 'c', 'd'].map((id) => candidate(`teaching-${id}`, [['3.1', 'A1', 'A2']]));
    const others = [candidate('creating', [['2.2', 'B1', 'B2']]), candidate('media', [['6.3', 'C1', 'C2']]), candidate('media-better', [['6.3', 'B1', 'B2']])];
    const result = rankRecommendations(teacher, [...first, ...others], NOW, { limit: 3 });
    expect(ids(result)).toEqual(['teaching-a', 'creating', 'media-better']);
    expect(result.map((r) => r.competence)).toEqual(['3.1', '2.2', '6.3']);
    expect(ids(rankRecommendations(teacher, [...first, ...others], NOW, { limit: 1 }))).toEqual(['teaching-a']);
    expect(ids(rankRecommendations(teacher, [...first, ...others], NOW, { limit: 5 }))).toEqual(['teaching-a', 'teaching-b', 'teaching-c', 'creating', 'media-better']);
    // No training for the third priority: the place goes to the ranking.
    expect(ids(rankRecommendations(teacher, [...first, others[0]], NOW, { limit: 3 }))).toEqual(['teaching-a', 'teaching-b', 'creating']);
  });

  it('returns at most 10 by default, and honours a limit', () => {
    const many = Array.from({ length: 25 }, (_, i) => candidate(`t${String(i).padStart(2, '0')}`, [['3.1', 'A2', 'B1']]));
    expect(rankRecommendations(profile(), many, NOW)).toHaveLength(DEFAULT_RECOMMENDATION_LIMIT);
    expect(rankRecommendations(profile(), many, NOW, { limit: 3 })).toHaveLength(3);
    expect(rankRecommendations(profile(), many, NOW, { limit: 0 })).toEqual([]);
    expect(rankRecommendations(profile(), many, NOW, { limit: 50 })).toHaveLength(25);
  });
});

describe('recommendationReason', () => {
  it('says where the teacher is and where the training leads, in both languages', () => {
    expect(recommendationReason({ nl: 'Lesgeven', en: 'Teaching' }, '3.1', 'A2', 'B1')).toEqual({
      nl: '3.1 Lesgeven: je zit nu op A2; deze opleiding brengt je naar B1.',
      en: '3.1 Teaching: you are at A2; this training takes you to B1.',
    });
  });
});

describe('focusCompetences', () => {
  it('lists priorities first, then the lowest levels, and leaves out C2', () => {
    const teacher = profile({ priorities: ['4.1', '1.1'] }, { '1.1': 'B1', '2.2': 'C2', '3.1': 'A2', '4.1': 'B1', '5.2': 'B2', '6.3': 'A1' });
    expect(focusCompetences(teacher)).toEqual(['4.1', '1.1', '6.3', '3.1', '5.2']);
    expect(focusCompetences(teacher, 3)).toEqual(['4.1', '1.1', '6.3']);
    expect(focusCompetences(teacher, 0)).toEqual([]);
  });

  it('orders equal levels by points, then by profile order', () => {
    const teacher: TeacherProfileForRanking = {
      competences: [
        { code: '1.1', level: 'A2', points: 2 },
        { code: '1.2', level: 'A2', points: 1 },
        { code: '1.3', level: 'A2', points: 2 },
      ],
      priorities: [],
      province: null,
      excludedTrainingIds: new Set(),
    };
    expect(focusCompetences(teacher)).toEqual(['1.2', '1.1', '1.3']);
  });
});

// ---------------------------------------------------------------- properties

const CODES = ['1.1', '2.2', '3.1', '4.1', '5.2', '6.3'] as const;
const levelArb = fc.constantFrom(...LEVEL_CODES);
const stepArb: fc.Arbitrary<LevelStep> = fc
  .tuple(fc.constantFrom(...CODES), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 2 }))
  .map(([competence, from, size]) => ({ competence, from: LEVEL_CODES[from], to: LEVEL_CODES[Math.min(5, from + size)] }));
const sessionArb = fc
  .record({ start: fc.integer({ min: -60, max: 270 }), lead: fc.integer({ min: 0, max: 10 }), online: fc.boolean(), seatsLeft: fc.integer({ min: 0, max: 5 }) })
  .map(({ start, lead, online, seatsLeft }) => ({ startsAt: at(start), enrolmentDeadline: at(start - lead), online, seatsLeft }));
const candidateArb = fc.record({
  kind: fc.constantFrom(...trainingKinds),
  levelSteps: fc.array(stepArb, { minLength: 1, maxLength: 3 }),
  province: fc.option(fc.constantFrom(...provinces), { nil: null }),
  priceEuro: fc.constantFrom(0, 25, 49.5, 120, 450),
  sessions: fc.array(sessionArb, { maxLength: 4 }),
});
const candidatesArb = fc
  .array(candidateArb, { maxLength: 25 })
  .map((list) => list.map((c, i): RankingCandidate => ({ ...c, trainingId: `t${String(i).padStart(2, '0')}`, sessions: c.sessions.map((s, j) => ({ ...s, id: `t${i}-s${j}` })) })));
const profileArb = fc
  .record({
    levels: fc.array(levelArb, { minLength: CODES.length, maxLength: CODES.length }),
    priorities: fc.shuffledSubarray([...CODES], { maxLength: 3 }),
    province: fc.option(fc.constantFrom<Province>(...provinces), { nil: null }),
    excluded: fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 5 }),
  })
  .map(
    ({ levels, priorities, province, excluded }): TeacherProfileForRanking => ({
      competences: CODES.map((code, i) => ({ code, level: levels[i], points: LEVEL_CODES.indexOf(levels[i]) })),
      priorities,
      province,
      excludedTrainingIds: new Set(excluded.map((i) => `t${String(i).padStart(2, '0')}`)),
    }),
  );
const limitArb = fc.integer({ min: 0, max: 30 });
const ALL = { limit: 1000 };

const levelOf = (teacher: TeacherProfileForRanking, code: string) => teacher.competences.find((c) => c.code === code)!.level;
const rankOf = (result: RankedRecommendation[], trainingId: string) => result.findIndex((r) => r.trainingId === trainingId);

describe('rankRecommendations properties', () => {
  it('never recommends a session that has started or closed, and always names one when the kind needs it', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, (teacher, candidates) => {
        const byId = new Map(candidates.map((c) => [c.trainingId, c]));
        for (const recommendation of rankRecommendations(teacher, candidates, NOW, ALL)) {
          const training = byId.get(recommendation.trainingId)!;
          if (training.kind === 'self_paced' || training.kind === 'learning_resource') {
            expect(recommendation.sessionId).toBeNull();
            continue;
          }
          const chosen = training.sessions.find((s) => s.id === recommendation.sessionId);
          expect(chosen).toBeDefined();
          expect(Date.parse(chosen!.startsAt)).toBeGreaterThan(NOW.getTime());
          expect(Date.parse(chosen!.enrolmentDeadline)).toBeGreaterThan(NOW.getTime());
        }
      }),
    );
  });

  it('never recommends an excluded training, never one twice, never more than the limit', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, limitArb, (teacher, candidates, limit) => {
        const result = rankRecommendations(teacher, candidates, NOW, { limit });
        expect(result.length).toBeLessThanOrEqual(limit);
        expect(new Set(ids(result)).size).toBe(result.length);
        for (const recommendation of result) expect(teacher.excludedTrainingIds.has(recommendation.trainingId)).toBe(false);
      }),
    );
  });

  it('is sorted by score and deterministic, whatever the order of the candidates', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, fc.integer(), (teacher, candidates, seed) => {
        const result = rankRecommendations(teacher, candidates, NOW, ALL);
        for (let i = 1; i < result.length; i++) expect(result[i - 1].score).toBeGreaterThanOrEqual(result[i].score);
        expect(rankRecommendations(teacher, candidates, NOW, ALL)).toEqual(result);
        const shuffled = [...candidates].sort((a, b) => hash(a.trainingId, seed) - hash(b.trainingId, seed));
        expect(rankRecommendations(teacher, shuffled, NOW, ALL)).toEqual(result);
      }),
    );
  });

  it('takes the teacher from their current level to a higher one, in a competence of the training', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, (teacher, candidates) => {
        const byId = new Map(candidates.map((c) => [c.trainingId, c]));
        for (const recommendation of rankRecommendations(teacher, candidates, NOW, ALL)) {
          expect(recommendation.currentLevel).toBe(levelOf(teacher, recommendation.competence));
          expect(LEVEL_CODES.indexOf(recommendation.targetLevel)).toBeGreaterThan(LEVEL_CODES.indexOf(recommendation.currentLevel));
          expect(byId.get(recommendation.trainingId)!.levelSteps).toContainEqual(expect.objectContaining({ competence: recommendation.competence, to: recommendation.targetLevel }));
        }
      }),
    );
  });

  it('the top recommendations are the best of each priority, then the top of the full ranking', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, limitArb, (teacher, candidates, limit) => {
        const full = rankRecommendations(teacher, candidates, NOW, ALL);
        const top = rankRecommendations(teacher, candidates, NOW, { limit });
        const kept = teacher.priorities.flatMap((code) => full.find((r) => r.competence === code) ?? []).slice(0, limit);
        const rest = full.filter((r) => !kept.includes(r)).slice(0, limit - kept.length);
        expect(top).toEqual(full.filter((r) => kept.includes(r) || rest.includes(r)));
      }),
    );
  });

  it('gives every priority with a candidate at least one training, once the limit allows', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, fc.integer({ min: 3, max: 30 }), (teacher, candidates, limit) => {
        const served = new Set(rankRecommendations(teacher, candidates, NOW, { limit }).map((r) => r.competence));
        for (const code of new Set(rankRecommendations(teacher, candidates, NOW, ALL).map((r) => r.competence))) {
          if (teacher.priorities.includes(code)) expect(served).toContain(code);
        }
      }),
    );
  });

  it('recommends every training for a competence it addresses, whatever the limit', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, limitArb, (teacher, candidates, limit) => {
        const byId = new Map(candidates.map((c) => [c.trainingId, c]));
        for (const r of rankRecommendations(teacher, candidates, NOW, { limit })) {
          expect(byId.get(r.trainingId)!.levelSteps.some((step) => step.competence === r.competence && step.to === r.targetLevel)).toBe(true);
        }
      }),
    );
  });

  it("improving a step to start at the teacher's level never lowers the training's rank", () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, fc.nat(), fc.nat(), (teacher, candidates, which, stepWhich) => {
        fc.pre(candidates.length > 0);
        const index = which % candidates.length;
        const target = candidates[index];
        const stepIndex = stepWhich % target.levelSteps.length;
        const step = target.levelSteps[stepIndex];
        const current = LEVEL_CODES.indexOf(levelOf(teacher, step.competence));
        fc.pre(current < LEVEL_CODES.length - 1);
        const improvedStep: LevelStep = { competence: step.competence, from: LEVEL_CODES[current], to: LEVEL_CODES[Math.max(current + 1, LEVEL_CODES.indexOf(step.to))] };
        const improved = candidates.with(index, { ...target, levelSteps: target.levelSteps.with(stepIndex, improvedStep) });

        const before = rankOf(rankRecommendations(teacher, candidates, NOW, ALL), target.trainingId);
        const after = rankOf(rankRecommendations(teacher, improved, NOW, ALL), target.trainingId);
        if (before >= 0) {
          expect(after).toBeGreaterThanOrEqual(0);
          expect(after).toBeLessThanOrEqual(before);
        }
      }),
    );
  });

  it('a better match never ranks lower than a worse one with the same sessions and price', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, fc.constantFrom(...CODES), fc.integer({ min: 0, max: 4 }), candidateArb, (teacher, others, code, from, shape) => {
        const current = LEVEL_CODES.indexOf(levelOf(teacher, code));
        fc.pre(current < LEVEL_CODES.length - 1 && from !== current);
        const sessions = shape.sessions.map((s, j) => ({ ...s, id: `x-s${j}` }));
        const good: RankingCandidate = { ...shape, trainingId: 'zz-good', sessions, levelSteps: [{ competence: code, from: LEVEL_CODES[current], to: LEVEL_CODES[current + 1] }] };
        const worse: RankingCandidate = {
          ...shape,
          trainingId: 'aa-worse',
          sessions,
          levelSteps: [{ competence: code, from: LEVEL_CODES[from], to: LEVEL_CODES[Math.max(from, current) + 1] }],
        };
        const teacherWithout = { ...teacher, excludedTrainingIds: new Set<string>() };
        const result = rankRecommendations(teacherWithout, [worse, ...others, good], NOW, ALL);
        const worseRank = rankOf(result, 'aa-worse');
        if (worseRank >= 0) {
          const goodRank = rankOf(result, 'zz-good');
          expect(goodRank).toBeGreaterThanOrEqual(0);
          expect(goodRank).toBeLessThan(worseRank);
        }
      }),
    );
  });

  it('never recommends a training that needs a session and has no upcoming, open one', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, (teacher, candidates) => {
        const open = (c: RankingCandidate) =>
          c.kind === 'self_paced' ||
          c.kind === 'learning_resource' ||
          c.sessions.some((s) => Date.parse(s.startsAt) > NOW.getTime() && Date.parse(s.enrolmentDeadline) > NOW.getTime());
        const byId = new Map(candidates.map((c) => [c.trainingId, c]));
        for (const recommendation of rankRecommendations(teacher, candidates, NOW, ALL)) expect(open(byId.get(recommendation.trainingId)!)).toBe(true);
      }),
    );
  });
});

describe('recommendationRanking', () => {
  it('returns nothing for a limit of 0 or below, or before any offer', () => {
    const ranking = recommendationRanking(profile(), NOW);
    expect(ranking.top()).toEqual([]);
    ranking.offer(candidate('a', [['3.1', 'A2', 'B1']]));
    expect(ranking.top(0)).toEqual([]);
    expect(ranking.top(-1)).toEqual([]);
    expect(ranking.top(0.9)).toEqual([]);
    expect(ids(ranking.top(1.9))).toEqual(['a']);
  });

  it('keeps the better entry of a training offered twice, whichever comes first', () => {
    const worse = candidate('same', [['3.1', 'B1', 'B2']]);
    const better = candidate('same', [['3.1', 'A2', 'B1']]);
    for (const order of [
      [worse, better],
      [better, worse],
    ]) {
      const ranking = recommendationRanking(profile(), NOW);
      for (const c of order) expect(ranking.offer(c)).toBe(true);
      expect(ranking.top()).toEqual(rankRecommendations(profile(), [better], NOW));
    }
  });

  it('says no to an excluded training, a step that teaches nothing new or is out of reach, and a closed session', () => {
    const offer = (c: RankingCandidate) => recommendationRanking(profile({ excludedTrainingIds: new Set(['done']) }), NOW).offer(c);
    expect(offer(candidate('ok', [['3.1', 'A2', 'B1']]))).toBe(true);
    expect(offer(candidate('done', [['3.1', 'A2', 'B1']]))).toBe(false);
    expect(offer(candidate('reached', [['3.1', 'A1', 'A2']]))).toBe(false);
    expect(offer(candidate('far', [['3.1', 'B2', 'C1']]))).toBe(true);
    expect(offer(candidate('too-far', [['3.1', 'C1', 'C2']]))).toBe(false);
    expect(offer(candidate('unknown', [['9.9', 'A1', 'B1']]))).toBe(false);
    expect(offer(candidate('started', [['3.1', 'A2', 'B1']], { sessions: [session(0)] }))).toBe(false);
    expect(offer(candidate('closed', [['3.1', 'A2', 'B1']], { sessions: [session(2, { enrolmentDeadline: at(0) })] }))).toBe(false);
    expect(offer(candidate('none', [['3.1', 'A2', 'B1']], { sessions: [] }))).toBe(false);
    expect(offer(candidate('self', [['3.1', 'A2', 'B1']], { kind: 'self_paced', sessions: [] }))).toBe(true);
  });
});

/** Candidates that repeat training ids, as a merge of several lists may. */
const repeatedCandidatesArb = fc
  .array(candidateArb, { maxLength: 60 })
  .map((list) => list.map((c, i): RankingCandidate => ({ ...c, trainingId: `t${String(i % 9).padStart(2, '0')}`, sessions: c.sessions.map((s, j) => ({ ...s, id: `t${i}-s${j}` })) })));

describe('recommendationRanking properties', () => {
  it('offered one at a time, gives the full ranking of every prefix, also when trainings repeat', () => {
    fc.assert(
      fc.property(profileArb, repeatedCandidatesArb, fc.integer({ min: 0, max: 12 }), (teacher, candidates, limit) => {
        const ranking = recommendationRanking(teacher, NOW);
        candidates.forEach((c, i) => {
          ranking.offer(c);
          expect(ranking.top(limit)).toEqual(rankRecommendations(teacher, candidates.slice(0, i + 1), NOW, { limit }));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('offer holds for exactly the trainings the full ranking lists', () => {
    fc.assert(
      fc.property(profileArb, repeatedCandidatesArb, (teacher, candidates) => {
        const ranking = recommendationRanking(teacher, NOW);
        const listed = new Set(candidates.filter((c) => ranking.offer(c)).map((c) => c.trainingId));
        expect(new Set(ids(rankRecommendations(teacher, candidates, NOW, { limit: candidates.length + 1 })))).toEqual(listed);
      }),
      { numRuns: 500 },
    );
  });

  it('counting the listed trainings of a prefix says whether its ranking is full', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, fc.integer({ min: 1, max: 12 }), (teacher, candidates, limit) => {
        const ranking = recommendationRanking(teacher, NOW);
        let listed = 0;
        for (const c of candidates) {
          if (ranking.offer(c)) listed += 1;
          expect(ranking.top(limit).length >= limit).toBe(listed >= limit);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** The merge a server does over its per-competence, per-level, per-fit lists, over plain arrays. */
function rankViaLists(teacher: TeacherProfileForRanking, candidates: RankingCandidate[], limit: number): RankedRecommendation[] {
  const lists = matchLists(teacher);
  const chosen: RankingCandidate[] = [];
  const seen = new Set<RankingCandidate>();
  let ranking = recommendationRanking(teacher, NOW);
  let i = 0;
  while (i < lists.length) {
    const match = lists[i].match;
    for (; i < lists.length && lists[i].match === match; i += 1) {
      const list = lists[i];
      if (!ranking.wanted(limit, list.competence)) continue;
      for (const c of candidates) {
        if (seen.has(c) || !c.levelSteps.some((step) => step.competence === list.competence && stepFit(step, list.level) === list.fit)) continue;
        seen.add(c);
        chosen.push(c);
      }
    }
    ranking = recommendationRanking(teacher, NOW);
    for (const c of chosen) ranking.offer(c);
    if (ranking.settled(limit, match)) break;
  }
  return rankRecommendations(teacher, chosen, NOW, { limit });
}

describe('stepFit and matchLists', () => {
  it('puts a step in no list once it ends at or below the teacher, or starts out of reach', () => {
    const step = (from: LevelCode, to: LevelCode): LevelStep => ({ competence: '3.1', from, to });
    expect(stepFit(step('A2', 'B1'), 1)).toBe(16);
    expect(stepFit(step('A1', 'B1'), 1)).toBe(10);
    expect(stepFit(step('B1', 'B2'), 1)).toBe(8);
    expect(stepFit(step('B2', 'C1'), 1)).toBe(3);
    expect(stepFit(step('C1', 'C2'), 1)).toBeNull();
    expect(stepFit(step('A1', 'B1'), 2)).toBeNull();
    expect(stepFit(step('A1', 'C2'), 4)).toBe(2);
    expect(stepFit({ competence: '3.1', from: 'X9' as LevelCode, to: 'B1' }, 0)).toBeNull();
  });

  it('lists every competence below C2 once per fit, best match first', () => {
    const teacher = profile({ priorities: ['6.3'] }, { '5.2': 'C2' });
    const lists = matchLists(teacher);
    expect(lists.length).toBe(5 * STEP_FITS.length);
    expect(lists.some((l) => l.competence === '5.2')).toBe(false);
    expect(lists[0]).toEqual({ competence: '6.3', level: 0, fit: 16, match: 16 + 6 + 5 });
    for (let i = 1; i < lists.length; i += 1) expect(lists[i - 1].match).toBeGreaterThanOrEqual(lists[i].match);
  });
});

describe('match lists properties', () => {
  it('are best match first, equal matches in profile order and then best fit first', () => {
    fc.assert(
      fc.property(profileArb, (teacher) => {
        const lists = matchLists(teacher);
        const place = (l: (typeof lists)[number]) => teacher.competences.findIndex((c) => c.code === l.competence) * STEP_FITS.length + STEP_FITS.indexOf(l.fit);
        expect(lists).toEqual([...lists].sort((a, b) => b.match - a.match || place(a) - place(b)));
      }),
    );
  });

  it('merging the lists best match first, then ranking, gives the full ranking', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, fc.integer({ min: 1, max: 12 }), (teacher, candidates, limit) => {
        expect(rankViaLists(teacher, candidates, limit)).toEqual(rankRecommendations(teacher, candidates, NOW, { limit }));
      }),
      { numRuns: 300 },
    );
  });

  it('a training is in a list of its best match, and in none better', () => {
    fc.assert(
      fc.property(profileArb, candidateArb, (teacher, shape) => {
        const c: RankingCandidate = { ...shape, trainingId: 't', kind: 'self_paced', sessions: [] };
        const best = rankRecommendations({ ...teacher, excludedTrainingIds: new Set() }, [c], NOW)[0];
        const found = matchLists(teacher).find((l) => c.levelSteps.some((step) => step.competence === l.competence && stepFit(step, l.level) === l.fit));
        if (!best) expect(found).toBeUndefined();
        else expect(10 * found!.match + 6).toBe(best.score);
      }),
    );
  });
});

describe('focusCompetences properties', () => {
  it('returns distinct codes of the profile, priorities first, never C2, at most count', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 0, max: 10 }), (teacher, count) => {
        const focus = focusCompetences(teacher, count);
        expect(focus.length).toBeLessThanOrEqual(count);
        expect(new Set(focus).size).toBe(focus.length);
        for (const code of focus) expect(levelOf(teacher, code)).not.toBe('C2');
        const expectedPriorities = teacher.priorities.filter((code) => levelOf(teacher, code) !== 'C2').slice(0, count);
        expect(focus.slice(0, expectedPriorities.length)).toEqual(expectedPriorities);
      }),
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995) ^ (h >>> 13);
  return h;
}

describe('sessions with their times kept as numbers', () => {
  const withTimes = (candidates: RankingCandidate[]) =>
    candidates.map((c) => ({ ...c, sessions: c.sessions.map((s) => ({ ...s, startsAtMs: Date.parse(s.startsAt), enrolmentDeadlineMs: Date.parse(s.enrolmentDeadline) })) }));

  it('rank exactly as with their text alone', () => {
    fc.assert(
      fc.property(profileArb, candidatesArb, limitArb, (teacher, candidates, limit) => {
        expect(rankRecommendations(teacher, withTimes(candidates), NOW, { limit })).toEqual(rankRecommendations(teacher, candidates, NOW, { limit }));
      }),
      { numRuns: 300 },
    );
  });

  it('a session starting or closing at this very moment is not usable, either way', () => {
    const exactly = candidate('now', [['3.1', 'A2', 'B1']], { sessions: [session(0, { enrolmentDeadline: at(1) })] });
    const closing = candidate('closing', [['3.1', 'A2', 'B1']], { sessions: [session(5, { enrolmentDeadline: at(0) })] });
    expect(rankRecommendations(profile(), withTimes([exactly, closing]), NOW)).toEqual([]);
    expect(rankRecommendations(profile(), [exactly, closing], NOW)).toEqual([]);
  });
});
