import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorBound, geometricAlpha, guessBound, seededUniform, twoSidedGeometricProbability } from '../../platform/differential-privacy';
import { answeredBy, type Instrument, validateInstrument } from '../../scan/instrument';
import { groupForRoles, type ReflectionGroup, reflectionGroups } from './reflection';
import { aggregateReflection, type ReflectionPublication, reflectionReportOf, reflectionSuggestedActions, type SubmittedReflection } from './reflection-report';

const t = (text: string) => ({ nl: text, en: text });

/** Two sections: one with a pupil statement, one for adults only. Scale 1–5, N/A is option 5. */
function instrument(): Instrument {
  const raw = {
    id: 'test-reflection',
    version: '1',
    kind: 'reflection',
    name: t('Test'),
    description: t('Test'),
    source: { title: 'test' },
    groups: ['leaders', 'teachers', 'pupils'],
    scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: t(`v${value}`) })),
    notApplicable: t('n/a'),
    actionBelow: 3,
    sections: [
      {
        id: 'alpha',
        name: t('Alpha'),
        front: 'policy',
        items: [
          { id: 'a1', statement: t('a1'), pupilStatement: t('a1 pupils'), action: t('do a1') },
          { id: 'a2', statement: t('a2'), action: t('do a2') },
        ],
      },
      { id: 'beta', name: t('Beta'), front: 'skills', items: [{ id: 'b1', statement: t('b1'), action: t('do b1') }] },
    ],
  };
  const validated = validateInstrument(raw);
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
  return validated.instrument;
}

const NA = 5;
/** `count` responses of a group, each answering every statement of its group with `option`. */
function responses(group: ReflectionGroup, count: number, option: number | ((i: number, item: string) => number)): SubmittedReflection[] {
  const inst = instrument();
  const items = inst.sections.flatMap((s) => s.items).filter((item) => answeredBy(item, group, inst));
  return Array.from({ length: count }, (_, i) => ({
    group,
    answers: Object.fromEntries(items.map((item) => [item.id, typeof option === 'number' ? option : option(i, item.id)])),
  }));
}

/** At ε = 50 the noise is zero in practice (P(X ≠ 0) ≈ 4 · 10⁻²²): for checking the arithmetic on the published counts. */
const EXACT = 50;

interface Options {
  groups?: ReflectionGroup[];
  threshold?: number;
  epsilon?: number;
  seed?: number;
  previous?: ReflectionPublication;
}
const publish = (rs: SubmittedReflection[], { groups = [...reflectionGroups], threshold = 5, epsilon = EXACT, seed = 1, previous }: Options = {}) =>
  aggregateReflection({ instrument: instrument(), groups, responses: rs, threshold, epsilon, uniform: seededUniform(seed), previous });
const report = (rs: SubmittedReflection[], options: Options = {}) => reflectionReportOf(publish(rs, options), instrument(), options.groups ?? [...reflectionGroups]);
const statsOf = (r: ReturnType<typeof report>, section: string, group: string) => r.sections.find((s) => s.id === section)!.groups.find((g) => g.group === group)!;
const shownOf = (r: ReturnType<typeof report>) => r.groups.map((g) => [g.group, g.respondents.count]);

describe('which groups a reflection report shows (issue 10, finding 3)', () => {
  it('a typical school: 2 leaders, 30 teachers, 200 pupils shows teachers and pupils, hides leaders and the total', () => {
    const r = report([...responses('leaders', 2, 1), ...responses('teachers', 30, 2), ...responses('pupils', 200, 3)], { epsilon: 1 });
    expect(shownOf(r)).toEqual([
      ['leaders', null],
      ['teachers', 30],
      ['pupils', 200],
    ]);
    expect(r.total).toEqual({ count: null, suppressed: true });
    expect(statsOf(r, 'alpha', 'teachers').respondents).toEqual({ count: 30, suppressed: false });
    expect(statsOf(r, 'alpha', 'teachers').mean).toEqual(expect.any(Number));
    expect(statsOf(r, 'alpha', 'pupils').distribution.every((cell) => cell.count !== null)).toBe(true);
    expect(statsOf(r, 'alpha', 'leaders')).toMatchObject({ respondents: { suppressed: true }, mean: null, notApplicable: null });
    expect(statsOf(r, 'alpha', 'all')).toMatchObject({ respondents: { suppressed: true }, mean: null });
  });

  it('4 / 5 / 6: the groups of five and six are shown, the four leaders and the total are not', () => {
    const r = report([...responses('leaders', 4, 0), ...responses('teachers', 5, 3), ...responses('pupils', 6, 4)]);
    expect(shownOf(r)).toEqual([
      ['leaders', null],
      ['teachers', 5],
      ['pupils', 6],
    ]);
    expect(r.total.suppressed).toBe(true);
    expect(statsOf(r, 'alpha', 'teachers').mean).toBe(4);
    expect(statsOf(r, 'alpha', 'pupils').mean).toBe(5);
    expect(statsOf(r, 'alpha', 'leaders').distribution.every((cell) => cell.count === null)).toBe(true);
    // The leaders' answers are drawn into no histogram at all.
    const publication = publish([...responses('leaders', 4, 0), ...responses('teachers', 5, 3), ...responses('pupils', 6, 4)]);
    expect(Object.values(publication.counts).every((perGroup) => perGroup.leaders === undefined)).toBe(true);
    expect(publication.histograms).toBe(3 + 1);
  });

  it('5 / 5 / 5: every group and the total, whose counts are the sums of the groups’ published counts', () => {
    const r = report([...responses('leaders', 5, 0), ...responses('teachers', 5, 1), ...responses('pupils', 5, 2)], { epsilon: 1, seed: 7 });
    expect(shownOf(r)).toEqual([
      ['leaders', 5],
      ['teachers', 5],
      ['pupils', 5],
    ]);
    expect(r.total).toEqual({ count: 15, suppressed: false });
    for (const section of r.sections) {
      const all = section.groups.at(-1)!;
      all.distribution.forEach((cell, index) => expect(cell.count).toBe(section.groups.slice(0, -1).reduce((sum, g) => sum + g.distribution[index].count!, 0)));
    }
  });

  it('does not hide the total because a group has nobody, and hides everything of a round with no group at the threshold', () => {
    const r = report(responses('teachers', 6, 3));
    expect(shownOf(r)).toEqual([
      ['leaders', null],
      ['teachers', 6],
      ['pupils', null],
    ]);
    expect(r.total).toEqual({ count: 6, suppressed: false });
    const none = report([...responses('leaders', 4, 3), ...responses('teachers', 4, 3), ...responses('pupils', 4, 3)]);
    expect(none.groups.every((g) => g.respondents.suppressed)).toBe(true);
    expect(none.total.suppressed).toBe(true);
    expect(publish(responses('teachers', 6, 3), { groups: ['teachers'], threshold: 7 }).histograms).toBe(0);
    expect(report(responses('teachers', 7, 3), { groups: ['teachers'], threshold: 7 }).total).toEqual({ count: 7, suppressed: false });
  });
});

describe('numbers from the published counts', () => {
  it('leaves "not applicable" out of the mean and counts it apart', () => {
    const rs = responses('teachers', 6, (i) => (i < 2 ? NA : i < 4 ? 0 : 4));
    const item = report(rs, { groups: ['teachers'] }).sections[0].items[0].groups[0];
    expect(item).toMatchObject({ mean: 3, notApplicable: 2, belowAction: false });
    expect(item.distribution.map((c) => c.count)).toEqual([2, 0, 0, 0, 2]);
  });

  it('has no mean when everyone answered "not applicable"', () => {
    const item = report(responses('teachers', 5, NA), { groups: ['teachers'] }).sections[0].items[0];
    expect(item.groups[0]).toMatchObject({ mean: null, belowAction: null, notApplicable: 5 });
    expect(item.pointForAction).toBe(false);
  });

  it('marks a point for action strictly below the threshold', () => {
    // 5 × 2 (value 3) → mean exactly 3: not below. One at value 2 → 2.8: below.
    expect(report(responses('teachers', 5, 2), { groups: ['teachers'] }).pointsForAction).toEqual([]);
    const low = report(
      responses('teachers', 5, (i) => (i === 0 ? 1 : 2)),
      { groups: ['teachers'] },
    );
    expect(low.sections[0].groups[0].mean).toBe(2.8);
    expect(low.sections[0].combinedMean).toBe(2.8);
    expect(low.pointsForAction).toEqual(['alpha', 'beta']);
  });

  it('lets pupils answer only statements worded for them, in their wording', () => {
    const r = report(responses('pupils', 5, 4), { groups: ['teachers', 'pupils'] });
    expect(r.sections.map((s) => s.id)).toEqual(['alpha', 'beta']);
    expect(r.sections[0].items.map((i) => [i.id, i.pupilStatement?.en ?? null])).toEqual([
      ['a1', 'a1 pupils'],
      ['a2', null],
    ]);
    expect(r.sections[0].items[1].groups.map((g) => g.group)).toEqual(['teachers', 'all']);
    expect(report(responses('pupils', 5, 4), { groups: ['pupils'] }).sections.map((s) => s.id)).toEqual(['alpha']);
  });

  it('compares shown groups only, the largest gap first', () => {
    const r = report([...responses('leaders', 5, 4), ...responses('teachers', 5, 1), ...responses('pupils', 5, 2)]);
    expect(r.sections[0].gaps[0]).toEqual({ higher: 'leaders', lower: 'teachers', difference: expect.any(Number) });
    expect(r.sections[0].gaps).toHaveLength(3);
    const hiddenLeaders = report([...responses('leaders', 3, 4), ...responses('teachers', 6, 1), ...responses('pupils', 8, 2)]);
    expect(hiddenLeaders.sections[0].gaps.flatMap((g) => [g.higher, g.lower])).not.toContain('leaders');
  });

  it('states ε, the histograms and the error of the counts', () => {
    const r = report([...responses('teachers', 6, 1), ...responses('pupils', 6, 1)], { epsilon: 1 });
    // Teachers answer a1, a2, b1; pupils a1: four histograms.
    expect(r.noise).toEqual({ epsilon: 1, histograms: 4, expectedError: 0.85, errorBound: 2, confidence: 0.9 });
  });
});

describe('noise drawn once per publication', () => {
  const rs = [...responses('teachers', 8, (i) => i % 5), ...responses('pupils', 9, (i) => (i + 2) % 6)];

  it('gives the same publication from the same source, another from another, and no negative count', () => {
    expect(publish(rs, { epsilon: 1, seed: 3 })).toEqual(publish(rs, { epsilon: 1, seed: 3 }));
    const seeds = Array.from({ length: 20 }, (_, seed) => JSON.stringify(publish(rs, { epsilon: 1, seed }).counts));
    expect(new Set(seeds).size).toBeGreaterThan(15);
    const exact = publish(rs).counts;
    expect(seeds.some((counts) => counts !== JSON.stringify(exact))).toBe(true);
    for (const perGroup of Object.values(publish(rs, { epsilon: 0.2, seed: 9 }).counts)) {
      for (const cells of Object.values(perGroup)) for (const count of cells!) expect(count).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps the noise of a group whose respondents did not change, and draws it afresh for one that grew', () => {
    const first = publish(rs, { epsilon: 1, seed: 11 });
    const more = [...rs, ...responses('pupils', 5, 0)];
    const second = publish(more, { epsilon: 1, seed: 12, previous: first });
    expect(second.respondents).toEqual({ leaders: 0, teachers: 8, pupils: 14 });
    for (const item of ['a1', 'a2', 'b1']) expect(second.counts[item].teachers).toEqual(first.counts[item].teachers);
    // The pupils grew: their counts are drawn again (fresh noise), so over a few draws they differ from the first.
    const redrawn = Array.from({ length: 10 }, (_, k) => publish(more, { epsilon: 1, seed: 100 + k, previous: first }));
    for (const publication of redrawn) expect(publication.counts.b1.teachers).toEqual(first.counts.b1.teachers);
    expect(redrawn.some((publication) => JSON.stringify(publication.counts.a1.pupils) !== JSON.stringify(first.counts.a1.pupils))).toBe(true);
    // Another ε is another mechanism: nothing is kept.
    const otherBudget = publish(more, { epsilon: 0.5, seed: 12, previous: first });
    expect(otherBudget.counts.a1.teachers).toEqual(publish(more, { epsilon: 0.5, seed: 12 }).counts.a1.teachers);
  });
});

describe('finding 3 replayed: one real pupil beside four stand-ins of the attacker', () => {
  // One statement's histogram has six cells: the five scale values and "not applicable".
  const OPTIONS = 6;
  const SEEDS = 2_000;
  const epsilon = 1;
  const alpha = geometricAlpha(epsilon);

  /** The likelihood of a published (clamped) count given a true count. */
  const likelihood = (published: number, truth: number) => (published > 0 ? twoSidedGeometricProbability(alpha, published - truth) : alpha ** truth / (1 + alpha));

  it('the attacker’s best guess of the pupil’s answer is right no more often than the mechanism allows', () => {
    let bestGuesses = 0;
    let meanGuesses = 0;
    let certain = 0;
    const truthSource = seededUniform(20261223);
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const real = Math.floor(truthSource() * OPTIONS);
      const standIns = responses('pupils', 4, 0);
      const pupil = responses('pupils', 1, real);
      const published = publish([...standIns, ...pupil], { groups: ['pupils'], epsilon, seed }).counts.a1.pupils!;
      const known = [4, 0, 0, 0, 0, 0];
      // Maximum likelihood over the six answers the pupil could have given (uniform prior): the best any strategy does.
      const scores = Array.from({ length: OPTIONS }, (_, answer) => published.reduce((p, count, cell) => p * likelihood(count, known[cell] + (cell === answer ? 1 : 0)), 1));
      const best = Math.max(...scores);
      const ties = scores.flatMap((score, answer) => (score === best ? [answer] : []));
      if (ties[seed % ties.length] === real) bestGuesses += 1;
      if (best / scores.reduce((a, b) => a + b, 0) > 0.999) certain += 1;
      // The attack of the finding: total minus the stand-ins' known answers. With "not applicable" the attacker reads the N/A cell.
      const minusKnown = published.map((count, cell) => count - known[cell]);
      const guess = minusKnown.indexOf(Math.max(...minusKnown));
      if (guess === real) meanGuesses += 1;
    }
    const bound = guessBound(2 * epsilon, OPTIONS);
    const margin = 3 * Math.sqrt((bound * (1 - bound)) / SEEDS);
    expect(bestGuesses / SEEDS).toBeLessThanOrEqual(bound + margin);
    expect(meanGuesses / SEEDS).toBeLessThanOrEqual(bound + margin);
    // Better than blind (the numbers are useful), never sure.
    expect(bestGuesses / SEEDS).toBeGreaterThan(1 / OPTIONS);
    expect(certain).toBe(0);
  });
});

describe('published counts stay within the stated error', () => {
  it('for groups of 30 and 200, at least 9 in 10 counts (less a sampling margin) are within the 90 % bound', () => {
    const epsilon = 1;
    const bound = errorBound(geometricAlpha(epsilon), 0.9);
    let cells = 0;
    let within = 0;
    let shareWithin = 0;
    for (let seed = 0; seed < 40; seed += 1) {
      const answers = seededUniform(1000 + seed);
      const pick = () => Math.floor(answers() * 6);
      const rs = [...responses('teachers', 30, () => pick()), ...responses('pupils', 200, () => pick())];
      const publication = publish(rs, { epsilon, seed });
      for (const [itemId, perGroup] of Object.entries(publication.counts)) {
        for (const [group, noisy] of Object.entries(perGroup) as Array<[ReflectionGroup, number[]]>) {
          const members = rs.filter((r) => r.group === group);
          const truth = [0, 1, 2, 3, 4, 5].map((option) => members.filter((r) => r.answers[itemId] === option).length);
          noisy.forEach((count, cell) => {
            cells += 1;
            if (Math.abs(count - truth[cell]) <= bound) within += 1;
            if (Math.abs(count / members.length - truth[cell] / members.length) <= bound / members.length) shareWithin += 1;
          });
        }
      }
    }
    const margin = 3 * Math.sqrt((0.9 * 0.1) / cells);
    expect(within / cells).toBeGreaterThanOrEqual(0.9 - margin);
    expect(shareWithin / cells).toBeGreaterThanOrEqual(0.9 - margin);
  });
});

describe('reflectionSuggestedActions', () => {
  const source = { kind: 'reflection' as const, id: 'round-1' };

  it('suggests nothing when every mean reaches the threshold', () => {
    expect(reflectionSuggestedActions(report(responses('teachers', 6, 2), { groups: ['teachers'] }), instrument(), source)).toEqual([]);
  });

  it('turns low statements into actions, lowest mean first, with the section’s front', () => {
    const rs = responses('teachers', 5, (_, item) => ({ a1: 1, a2: 0, b1: 1 })[item]!);
    const actions = reflectionSuggestedActions(report(rs, { groups: ['teachers'] }), instrument(), source);
    expect(actions.map((a) => [a.key, a.priority, a.front])).toEqual([
      ['a2', 1, 'policy'],
      ['a1', 2, 'policy'],
      ['b1', 3, 'skills'],
    ]);
    expect(actions[0]).toMatchObject({ title: { en: 'do a2' }, target: { kind: 'instrument_item', code: 'a2' }, source });
    expect(actions[0].why.nl).toContain('1 op 5');
  });

  it('ignores what the report hides, and goes by the shown groups when the total is hidden', () => {
    // Four leaders answer "1" everywhere: hidden, so their answers suggest nothing.
    const r = report([...responses('leaders', 4, 0), ...responses('teachers', 5, 3)], { groups: ['leaders', 'teachers'] });
    expect(r.total.suppressed).toBe(true);
    expect(reflectionSuggestedActions(r, instrument(), source)).toEqual([]);
    const low = report([...responses('leaders', 4, 4), ...responses('teachers', 5, 0)], { groups: ['leaders', 'teachers'] });
    expect(reflectionSuggestedActions(low, instrument(), source).map((a) => a.key)).toEqual(['a1', 'a2', 'b1']);
    const tooFew = report(responses('teachers', 4, 0), { groups: ['teachers'] });
    expect(reflectionSuggestedActions(tooFew, instrument(), source)).toEqual([]);
  });
});

describe('groupForRoles', () => {
  it('makes principals, board admins and ICT coordinators leaders, teachers teachers', () => {
    const all: ReflectionGroup[] = ['leaders', 'teachers', 'pupils'];
    expect(groupForRoles(['principal'], all)).toBe('leaders');
    expect(groupForRoles(['board_admin'], all)).toBe('leaders');
    expect(groupForRoles(['ict_coordinator', 'teacher'], all)).toBe('leaders');
    expect(groupForRoles(['teacher'], all)).toBe('teachers');
    expect(groupForRoles([], all)).toBeNull();
  });

  it('falls back to teachers when leaders do not take part, and to nothing when neither does', () => {
    expect(groupForRoles(['ict_coordinator', 'teacher'], ['teachers'])).toBe('teachers');
    expect(groupForRoles(['principal'], ['teachers', 'pupils'])).toBeNull();
    expect(groupForRoles(['teacher'], ['pupils'])).toBeNull();
  });
});

describe('the report: properties', () => {
  const option = fc.integer({ min: 0, max: NA });
  const group = fc.constantFrom<ReflectionGroup>(...reflectionGroups);
  const answerSet = fc.record({ a1: option, a2: option, b1: option });
  const responseArb = fc.tuple(group, answerSet).map(([g, answers]) => ({
    group: g,
    answers: g === 'pupils' ? { a1: answers.a1 } : answers,
  }));
  const input = fc.record({
    responses: fc.array(responseArb, { maxLength: 40 }),
    threshold: fc.integer({ min: 5, max: 8 }),
    seed: fc.integer(),
    epsilon: fc.constantFrom(0.5, 1, 2),
  });
  const size = (rs: SubmittedReflection[], g: ReflectionGroup) => rs.filter((x) => x.group === g).length;

  it('shows every group of at least the threshold, none below it, and the total only when no group with people is hidden', () => {
    fc.assert(
      fc.property(input, ({ responses: rs, threshold, seed, epsilon }) => {
        const r = report(rs, { threshold, seed, epsilon });
        for (const entry of r.groups) expect(entry.respondents.suppressed).toBe(size(rs, entry.group) < threshold);
        const hiddenWithPeople = reflectionGroups.some((g) => size(rs, g) > 0 && size(rs, g) < threshold);
        const anyShown = reflectionGroups.some((g) => size(rs, g) >= threshold);
        expect(r.total.suppressed).toBe(hiddenWithPeople || !anyShown);
        for (const section of r.sections) {
          for (const stats of [section.groups, ...section.items.map((i) => i.groups)]) {
            for (const g of stats) {
              const hidden = g.group === 'all' ? r.total.suppressed : size(rs, g.group) < threshold;
              expect(g.respondents.suppressed).toBe(hidden);
              if (hidden) expect([g.mean, g.notApplicable, ...g.distribution.map((c) => c.count)].every((v) => v === null)).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('draws a histogram per statement and shown group only, and sums statements into sections without new noise', () => {
    fc.assert(
      fc.property(input, ({ responses: rs, threshold, seed, epsilon }) => {
        const publication = publish(rs, { threshold, seed, epsilon });
        const shown = reflectionGroups.filter((g) => size(rs, g) >= threshold);
        const expected = shown.reduce((sum, g) => sum + (g === 'pupils' ? 1 : 3), 0);
        expect(publication.histograms).toBe(expected);
        const r = reflectionReportOf(publication, instrument(), [...reflectionGroups]);
        for (const section of r.sections) {
          section.groups.forEach((stats, index) => {
            if (stats.respondents.suppressed) return;
            const items = section.items.map((item) => item.groups.find((g) => g.group === stats.group)).filter((g) => g !== undefined);
            stats.distribution.forEach((cell, cellIndex) => expect(cell.count).toBe(items.reduce((sum, g) => sum + g!.distribution[cellIndex].count!, 0)));
            expect(index).toBeGreaterThanOrEqual(0);
          });
        }
      }),
    );
  });

  it('orders suggested actions by combined mean, numbered 1…n, each from a statement below the threshold', () => {
    fc.assert(
      fc.property(input, ({ responses: rs, threshold, seed, epsilon }) => {
        const r = report(rs, { threshold, seed, epsilon });
        const actions = reflectionSuggestedActions(r, instrument(), { kind: 'reflection', id: 'x' });
        expect(actions.map((a) => a.priority)).toEqual(actions.map((_, i) => i + 1));
        const itemOf = (key: string) => r.sections.flatMap((s) => s.items).find((i) => i.id === key)!;
        const means = actions.map((a) => itemOf(a.key).combinedMean!);
        expect([...means].sort((a, b) => a - b)).toEqual(means);
        for (const action of actions) expect(itemOf(action.key).pointForAction).toBe(true);
      }),
    );
  });

  it('never adds a suggested action when answers only go up (arithmetic on the counts, noise aside)', () => {
    fc.assert(
      fc.property(input, fc.nat(), ({ responses: rs, threshold }, which) => {
        fc.pre(rs.length > 0);
        const raise = (answers: Record<string, number>) => Object.fromEntries(Object.entries(answers).map(([key, value]) => [key, value === NA ? value : Math.min(4, value + 1)]));
        const raised = rs.map((x, i) => (i === which % rs.length ? { ...x, answers: raise(x.answers) } : x));
        const keys = (list: SubmittedReflection[]) => reflectionSuggestedActions(report(list, { threshold }), instrument(), { kind: 'reflection', id: 'x' }).map((a) => a.key);
        const before = new Set(keys(rs));
        for (const key of keys(raised)) expect(before.has(key)).toBe(true);
      }),
    );
  });
});

describe('the shipped instruments', () => {
  const load = (file: string) => {
    const validated = validateInstrument(JSON.parse(readFileSync(new URL(`../../../../content/instruments/${file}`, import.meta.url), 'utf8')));
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
    return validated.instrument;
  };

  it('the school reflection has the eight SELFIE areas, 3–5 statements each, every one with an action', () => {
    const reflection = load('school-reflection-2026.json');
    expect(reflection.sections).toHaveLength(8);
    for (const section of reflection.sections) {
      expect(section.items.length).toBeGreaterThanOrEqual(3);
      expect(section.items.length).toBeLessThanOrEqual(5);
      for (const item of section.items) expect(item.action).toBeDefined();
    }
    expect(reflection.scale.map((s) => s.value)).toEqual([1, 2, 3, 4, 5]);
    expect(reflection.notApplicable).toBeDefined();
    expect(reflection.sections.flatMap((s) => s.items).filter((i) => i.pupilStatement).length).toBeGreaterThan(5);
  });

  it('AI readiness has three sections and 8–12 statements, a few for pupils', () => {
    const ai = load('ai-readiness-2026.json');
    const items = ai.sections.flatMap((s) => s.items);
    expect(ai.sections).toHaveLength(3);
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.length).toBeLessThanOrEqual(12);
    expect(items.filter((i) => i.pupilStatement).length).toBeGreaterThan(0);
  });
});
