import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredBy, type Instrument, validateInstrument } from '../../scan/instrument';
import { groupForRoles, type ReflectionGroup, reflectionGroups } from './reflection';
import { aggregateReflection, reflectionSuggestedActions, type SubmittedReflection } from './reflection-report';

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

const report = (rs: SubmittedReflection[], groups: ReflectionGroup[] = [...reflectionGroups], threshold = 5) =>
  aggregateReflection({ instrument: instrument(), groups, responses: rs, threshold });
const statsOf = (r: ReturnType<typeof report>, section: string, group: string) => r.sections.find((s) => s.id === section)!.groups.find((g) => g.group === group)!;

describe('aggregateReflection: the privacy gate per group', () => {
  it('shows nothing of a group of 4, and a group of 5 by its numbers', () => {
    const r = report([...responses('teachers', 4, 3), ...responses('pupils', 5, 4)], ['teachers', 'pupils']);
    const teachers = statsOf(r, 'alpha', 'teachers');
    expect(teachers).toMatchObject({ respondents: { count: null, suppressed: true }, mean: null, notApplicable: null, belowAction: null });
    expect(teachers.distribution.every((cell) => cell.count === null)).toBe(true);
    // Pupils alone beside a hidden group of 4 would give the 4 away from the total: hidden too.
    expect(statsOf(r, 'alpha', 'pupils').respondents).toEqual({ count: null, suppressed: true });
    expect(statsOf(r, 'alpha', 'all').respondents).toEqual({ count: 9, suppressed: false });
  });

  it('hides the next smallest group when a hidden one could be worked out from the total', () => {
    const r = report([...responses('leaders', 3, 2), ...responses('teachers', 12, 3), ...responses('pupils', 40, 4)]);
    expect(r.groups.map((g) => g.respondents.count)).toEqual([null, null, 40]);
    expect(r.total).toEqual({ count: 55, suppressed: false });
    expect(statsOf(r, 'alpha', 'pupils').mean).toBe(5);
    // Beta has no pupil statement: leaders and teachers only, both hidden, the total of 15 shown.
    expect(r.sections[1].groups.map((g) => g.group)).toEqual(['leaders', 'teachers', 'all']);
    expect(statsOf(r, 'beta', 'teachers').respondents.suppressed).toBe(true);
    expect(statsOf(r, 'beta', 'all')).toMatchObject({ respondents: { count: 15 }, mean: (3 * 3 + 12 * 4) / 15 });
  });

  it('does not hide a group because another group has nobody', () => {
    const r = report([...responses('teachers', 6, 3)]);
    expect(r.groups.map((g) => [g.group, g.respondents])).toEqual([
      ['leaders', { count: null, suppressed: true }],
      ['teachers', { count: 6, suppressed: false }],
      ['pupils', { count: null, suppressed: true }],
    ]);
    expect(statsOf(r, 'alpha', 'teachers').mean).toBe(4);
  });

  it('hides everything when all together are fewer than the threshold, and honours a higher threshold', () => {
    expect(report(responses('teachers', 4, 3)).total.suppressed).toBe(true);
    expect(report(responses('teachers', 6, 3), ['teachers'], 7).total).toEqual({ count: null, suppressed: true });
    expect(report(responses('teachers', 7, 3), ['teachers'], 7).total).toEqual({ count: 7, suppressed: false });
  });
});

describe('aggregateReflection: numbers', () => {
  it('leaves "not applicable" out of the mean and counts it apart', () => {
    const rs = responses('teachers', 6, (i) => (i < 2 ? NA : i < 4 ? 0 : 4));
    const item = report(rs, ['teachers']).sections[0].items[0].groups[0];
    expect(item).toMatchObject({ mean: 3, notApplicable: 2, belowAction: false });
    expect(item.distribution.map((c) => c.count)).toEqual([2, 0, 0, 0, 2]);
  });

  it('has no mean when everyone answered "not applicable"', () => {
    const item = report(responses('teachers', 5, NA), ['teachers']).sections[0].items[0];
    expect(item.groups[0]).toMatchObject({ mean: null, belowAction: null, notApplicable: 5 });
    expect(item.pointForAction).toBe(false);
  });

  it('marks a point for action strictly below the threshold', () => {
    // 5 × 2 (value 3) → mean exactly 3: not below. One at value 2 → 2.8: below.
    expect(report(responses('teachers', 5, 2), ['teachers']).pointsForAction).toEqual([]);
    const low = report(
      responses('teachers', 5, (i) => (i === 0 ? 1 : 2)),
      ['teachers'],
    );
    expect(low.sections[0].groups[0].mean).toBe(2.8);
    expect(low.pointsForAction).toEqual(['alpha', 'beta']);
  });

  it('lets pupils answer only statements worded for them, in their wording', () => {
    const r = report(responses('pupils', 5, 4), ['teachers', 'pupils']);
    expect(r.sections.map((s) => s.id)).toEqual(['alpha', 'beta']);
    expect(r.sections[0].items.map((i) => [i.id, i.pupilStatement?.en ?? null])).toEqual([
      ['a1', 'a1 pupils'],
      ['a2', null],
    ]);
    expect(r.sections[0].items[1].groups.map((g) => g.group)).toEqual(['teachers', 'all']);
    expect(report(responses('pupils', 5, 4), ['pupils']).sections.map((s) => s.id)).toEqual(['alpha']);
  });

  it('compares shown groups only, the largest gap first', () => {
    const r = report([...responses('leaders', 5, 4), ...responses('teachers', 5, 1), ...responses('pupils', 5, 2)]);
    expect(r.sections[0].gaps[0]).toEqual({ higher: 'leaders', lower: 'teachers', difference: expect.any(Number) });
    expect(r.sections[0].gaps).toHaveLength(3);
    const hiddenLeaders = report([...responses('leaders', 3, 4), ...responses('teachers', 6, 1), ...responses('pupils', 8, 2)]);
    expect(hiddenLeaders.sections[0].gaps.flatMap((g) => [g.higher, g.lower])).not.toContain('leaders');
  });
});

describe('reflectionSuggestedActions', () => {
  const source = { kind: 'reflection' as const, id: 'round-1' };

  it('suggests nothing when every mean reaches the threshold', () => {
    expect(reflectionSuggestedActions(report(responses('teachers', 6, 2), ['teachers']), instrument(), source)).toEqual([]);
  });

  it('turns low statements into actions, lowest mean first, with the section’s front', () => {
    const rs = responses('teachers', 5, (_, item) => ({ a1: 1, a2: 0, b1: 1 })[item]!);
    const actions = reflectionSuggestedActions(report(rs, ['teachers']), instrument(), source);
    expect(actions.map((a) => [a.key, a.priority, a.front])).toEqual([
      ['a2', 1, 'policy'],
      ['a1', 2, 'policy'],
      ['b1', 3, 'skills'],
    ]);
    expect(actions[0]).toMatchObject({ title: { en: 'do a2' }, target: { kind: 'instrument_item', code: 'a2' }, source });
    expect(actions[0].why.nl).toContain('1 op 5');
  });

  it('ignores what the report hides', () => {
    const r = report([...responses('leaders', 4, 0), ...responses('teachers', 4, 0)], ['leaders', 'teachers']);
    expect(r.total.count).toBe(8);
    // Both groups are hidden but together they are shown: the total’s mean counts, no group’s.
    const actions = reflectionSuggestedActions(r, instrument(), source);
    expect(actions.map((a) => a.key)).toEqual(['a1', 'a2', 'b1']);
    const tooFew = report(responses('teachers', 4, 0), ['teachers']);
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

describe('aggregateReflection: properties', () => {
  const option = fc.integer({ min: 0, max: NA });
  const group = fc.constantFrom<ReflectionGroup>(...reflectionGroups);
  const answerSet = fc.record({ a1: option, a2: option, b1: option });
  const responseArb = fc.tuple(group, answerSet).map(([g, answers]) => ({
    group: g,
    answers: g === 'pupils' ? { a1: answers.a1 } : answers,
  }));
  const input = fc.record({ responses: fc.array(responseArb, { maxLength: 40 }), threshold: fc.integer({ min: 5, max: 8 }) });

  it('never shows a group under the threshold, and never one hidden group alone beside a shown total', () => {
    fc.assert(
      fc.property(input, ({ responses: rs, threshold }) => {
        const r = report(rs, [...reflectionGroups], threshold);
        const parts = [...r.sections.flatMap((s) => [s.groups, ...s.items.map((i) => i.groups)])];
        for (const stats of parts) {
          const all = stats[stats.length - 1];
          const groups = stats.slice(0, -1);
          for (const g of groups) if (!g.respondents.suppressed) expect(g.respondents.count!).toBeGreaterThanOrEqual(threshold);
          if (all.respondents.suppressed) continue;
          const size = (g: ReflectionGroup) => rs.filter((x) => x.group === g).length;
          const hiddenPeople = groups
            .filter((g) => g.respondents.suppressed && g.group !== 'all')
            .map((g) => size(g.group as ReflectionGroup))
            .filter((n) => n > 0);
          if (hiddenPeople.length > 0) {
            expect(hiddenPeople.length).toBeGreaterThanOrEqual(2);
            expect(hiddenPeople.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(threshold);
          }
        }
      }),
    );
  });

  it('counts every answer of a shown group once, and keeps means on the scale', () => {
    fc.assert(
      fc.property(input, ({ responses: rs, threshold }) => {
        const r = report(rs, [...reflectionGroups], threshold);
        for (const section of r.sections) {
          for (const item of section.items) {
            for (const stats of item.groups) {
              if (stats.respondents.suppressed) continue;
              const answered = stats.distribution.reduce((a, c) => a + c.count!, 0) + stats.notApplicable!;
              expect(answered).toBe(stats.respondents.count);
              if (stats.mean !== null) {
                expect(stats.mean).toBeGreaterThanOrEqual(1);
                expect(stats.mean).toBeLessThanOrEqual(5);
              }
            }
          }
        }
      }),
    );
  });

  it('orders suggested actions by mean, numbered 1…n, each from a statement below the threshold', () => {
    fc.assert(
      fc.property(input, ({ responses: rs, threshold }) => {
        const r = report(rs, [...reflectionGroups], threshold);
        const actions = reflectionSuggestedActions(r, instrument(), { kind: 'reflection', id: 'x' });
        expect(actions.map((a) => a.priority)).toEqual(actions.map((_, i) => i + 1));
        const meanOf = (key: string) =>
          r.sections
            .flatMap((s) => s.items)
            .find((i) => i.id === key)!
            .groups.at(-1)!.mean!;
        const means = actions.map((a) => meanOf(a.key));
        expect([...means].sort((a, b) => a - b)).toEqual(means);
        for (const action of actions) expect(r.sections.flatMap((s) => s.items).find((i) => i.id === action.key)!.pointForAction).toBe(true);
      }),
    );
  });

  it('never adds a suggested action when answers only go up', () => {
    fc.assert(
      fc.property(input, fc.nat(), ({ responses: rs, threshold }, which) => {
        fc.pre(rs.length > 0);
        const raise = (answers: Record<string, number>) => Object.fromEntries(Object.entries(answers).map(([key, value]) => [key, value === NA ? value : Math.min(4, value + 1)]));
        const raised = rs.map((x, i) => (i === which % rs.length ? { ...x, answers: raise(x.answers) } : x));
        const keys = (list: SubmittedReflection[]) =>
          reflectionSuggestedActions(report(list, [...reflectionGroups], threshold), instrument(), { kind: 'reflection', id: 'x' }).map((a) => a.key);
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
