import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../scan/engine';
import { type Instrument, validateInstrument } from '../../scan/instrument';
import { type CyberPicture, compareChecks, cyberPicture, flandersTopicMaturity, measureStandings } from './cyber-check';

const text = (s: string) => ({ nl: s, en: s });

/** A maturity scale 0–5 with "don't know" (index 6) and, optionally, "not applicable" (index 7). */
function instrumentOf(sections: Array<{ id: string; items: Array<{ id: string; key?: boolean }> }>, actionBelow = 3, notApplicable = false): Instrument {
  const raw = {
    id: 'test-check',
    version: '1',
    kind: 'cyber_check',
    name: text('check'),
    description: text('check'),
    source: { title: 'test' },
    groups: ['school'],
    scale: [0, 1, 2, 3, 4, 5].map((value) => ({ value, label: text(`m${value}`) })),
    dontKnow: text('?'),
    ...(notApplicable ? { notApplicable: text('n/a') } : {}),
    actionBelow,
    sections: sections.map((s) => ({
      id: s.id,
      name: text(s.id),
      front: 'infrastructure',
      items: s.items.map((i) => ({ id: i.id, statement: text(i.id), action: text(`do ${i.id}`), ...(i.key ? { keyMeasure: true, reference: `REF-${i.id}` } : {}) })),
    })),
  };
  const validated = validateInstrument(raw);
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
  return validated.instrument;
}

const DONT_KNOW = 6;
const NOT_APPLICABLE = 7;

const small = instrumentOf([
  { id: 'passwords', items: [{ id: 'a' }, { id: 'mfa', key: true }] },
  { id: 'backups', items: [{ id: 'b' }, { id: 'c' }] },
]);

describe('measureStandings', () => {
  it('puts a measure at the target out of the actions and one step below it in, with gap 1', () => {
    const [a, mfa] = measureStandings(small, { a: 3, mfa: 2 });
    expect(a).toMatchObject({ maturity: 3, gap: 0, unknown: false });
    expect(mfa).toMatchObject({ maturity: 2, gap: 1, keyMeasure: true, reference: 'REF-mfa' });
  });

  it('counts "don\'t know" and no answer as the lowest step, and says so', () => {
    const [a, mfa] = measureStandings(small, { a: DONT_KNOW });
    expect(a).toMatchObject({ maturity: 0, gap: 3, unknown: true });
    expect(mfa).toMatchObject({ maturity: 0, gap: 3, unknown: true });
  });

  it('leaves "not applicable" out of every count', () => {
    const withNa = instrumentOf(
      [
        { id: 't', items: [{ id: 'x' }, { id: 'y' }] },
        { id: 'u', items: [{ id: 'z' }] },
      ],
      3,
      true,
    );
    const picture = cyberPicture(withNa, { x: NOT_APPLICABLE, y: 1, z: NOT_APPLICABLE });
    expect(picture.topics[0]).toMatchObject({ measures: 1, meanMaturity: 1, atTarget: 0, shareAtTarget: 0 });
    expect(picture.topics[1]).toMatchObject({ measures: 0, meanMaturity: null, shareAtTarget: null });
    expect(picture.actions.map((a) => a.itemId)).toEqual(['y']);
  });
});

describe('cyberPicture', () => {
  it('gives per topic the mean maturity and the share at target, overall the mean of the topic means', () => {
    const picture = cyberPicture(small, { a: 0, mfa: 0, b: 4, c: 5 });
    expect(picture.topics).toEqual([
      { sectionId: 'passwords', measures: 2, atTarget: 0, shareAtTarget: 0, keyMeasures: 1, keyMeasuresAtTarget: 0, unknown: 0, meanMaturity: 0 },
      { sectionId: 'backups', measures: 2, atTarget: 2, shareAtTarget: 1, keyMeasures: 0, keyMeasuresAtTarget: 0, unknown: 0, meanMaturity: 4.5 },
    ]);
    expect(picture.overall).toMatchObject({ measures: 4, atTarget: 2, shareAtTarget: 0.5, meanMaturity: 2.25, keyMeasures: 1 });
  });

  it('weighs topics equally in the overall mean, however many measures they have', () => {
    const uneven = instrumentOf([
      { id: 't', items: [{ id: 'x' }, { id: 'y' }] },
      { id: 'u', items: [{ id: 'z' }] },
    ]);
    expect(cyberPicture(uneven, { x: 0, y: 0, z: 4 }).overall.meanMaturity).toBe(2);
  });

  it('orders actions: key measures first, then the larger gap, then topic order, then measure order', () => {
    const instrument = instrumentOf([
      { id: 'first', items: [{ id: 'f1' }, { id: 'f2' }, { id: 'fk', key: true }] },
      { id: 'second', items: [{ id: 's1' }, { id: 'sk', key: true }] },
    ]);
    const picture = cyberPicture(instrument, { f1: 2, f2: 2, fk: 2, s1: 0, sk: 1 });
    expect(picture.actions.map((a) => [a.rank, a.itemId, a.gap])).toEqual([
      [1, 'sk', 2],
      [2, 'fk', 1],
      [3, 's1', 3],
      [4, 'f1', 1],
      [5, 'f2', 1],
    ]);
  });

  it('has no actions when every measure is at the target; the target is the instrument’s', () => {
    expect(cyberPicture(small, { a: 3, mfa: 5, b: 4, c: 3 }).actions).toEqual([]);
    const strict = instrumentOf([{ id: 't', items: [{ id: 'x' }] }], 5);
    expect(cyberPicture(strict, { x: 4 }).actions).toMatchObject([{ itemId: 'x', gap: 1 }]);
    expect(cyberPicture(strict, { x: 4 }).target).toBe(5);
  });
});

describe('compareChecks', () => {
  it('compares topics by id; a topic new since the previous check compares with nothing', () => {
    const now = cyberPicture(small, { a: 4, mfa: 4, b: 1, c: 1 });
    const older = instrumentOf([{ id: 'passwords', items: [{ id: 'a' }] }]);
    const then = cyberPicture(older, { a: 1 });
    expect(compareChecks(now, then)).toEqual([
      { sectionId: 'passwords', now: 4, previous: 1, change: 3, shareNow: 1, sharePrevious: 0 },
      { sectionId: 'backups', now: 1, previous: null, change: null, shareNow: 0, sharePrevious: null },
    ]);
    expect(compareChecks(now, null).every((t) => t.previous === null && t.change === null)).toBe(true);
  });
});

describe('the cyber check content', () => {
  const raw = JSON.parse(readFileSync(new URL('../../../../content/instruments/cyber-check-2026.json', import.meta.url), 'utf8'));
  const validated = validateInstrument(raw);

  it('is a valid cyber check on the eight CyberFundamentals Small topics, with the Basic key measures flagged', () => {
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const { instrument } = validated;
    expect(instrument.kind).toBe('cyber_check');
    expect(instrument.groups).toEqual(['school']);
    expect(instrument.sections).toHaveLength(8);
    const keys = instrument.sections.flatMap((s) => s.items.filter((i) => i.keyMeasure).map((i) => i.reference));
    expect(keys.sort()).toEqual(['DE.CM-01.2', 'ID.AM-08.2', 'PR.AA-03.2', 'PR.AA-05.4', 'PR.DS-11.1']);
    expect(instrument.sections.every((s) => s.items.every((i) => i.action !== undefined))).toBe(true);
    expect(instrument.source.note).toMatch(/transcription/);
  });

  it('claims no more than it holds: Small topics, five of the thirteen Basic key measures, the 2025 edition, no Govern', () => {
    if (!validated.ok) throw new Error('invalid');
    const { instrument } = validated;
    const keyMeasures = instrument.sections.flatMap((s) => s.items.filter((i) => i.keyMeasure));
    expect(keyMeasures).toHaveLength(5);
    expect(instrument.name.en).toMatch(/five Basic key measures/);
    expect(instrument.name.nl).toMatch(/vijf Basic-sleutelmaatregelen/);
    for (const text of [instrument.description.en, instrument.description.nl, instrument.source.title])
      expect(text).not.toMatch(/completed with the key measures|aangevuld met de sleutelmaatregelen/);
    expect(instrument.description.en).toMatch(/other eight Basic key measures are not in this check/);
    expect(instrument.source.title).toMatch(/2025 edition/);
    expect(`${instrument.source.title} ${instrument.source.note}`).not.toMatch(/2023/);
    // Govern measures start at the Important level in CyFun 2025: a Small/Basic check holds none.
    expect(instrument.sections.flatMap((s) => s.items).some((i) => i.reference?.startsWith('GV.'))).toBe(false);
  });
});

// ------------------------------------------------------------------------------- properties

/** A random instrument (1–4 topics of 1–5 measures, some key) with random answers, some missing. */
const checkArbitrary = fc
  .record({
    shape: fc.array(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
    actionBelow: fc.integer({ min: 1, max: 5 }),
    notApplicable: fc.boolean(),
  })
  .chain(({ shape, actionBelow, notApplicable }) => {
    const instrument = instrumentOf(
      shape.map((keys, s) => ({ id: `t${s}`, items: keys.map((key, i) => ({ id: `t${s}-m${i}`, key })) })),
      actionBelow,
      notApplicable,
    );
    const ids = instrument.sections.flatMap((s) => s.items.map((i) => i.id));
    const optionCount = notApplicable ? 8 : 7;
    return fc
      .tuple(...ids.map(() => fc.option(fc.integer({ min: 0, max: optionCount - 1 }), { nil: undefined })))
      .map((chosen) => ({ instrument, answers: Object.fromEntries(ids.flatMap((id, i) => (chosen[i] === undefined ? [] : [[id, chosen[i]!]]))) as Answers }));
  });

const idsOf = (picture: CyberPicture) => picture.actions.map((a) => a.itemId);

describe('properties of the prioritised actions', () => {
  it('lists exactly the measures below the target, ranked 1…n', () => {
    fc.assert(
      fc.property(checkArbitrary, ({ instrument, answers }) => {
        const picture = cyberPicture(instrument, answers);
        const below = measureStandings(instrument, answers).filter((s) => s.maturity !== null && s.maturity < instrument.actionBelow);
        expect(new Set(idsOf(picture))).toEqual(new Set(below.map((s) => s.itemId)));
        expect(picture.actions.map((a) => a.rank)).toEqual(picture.actions.map((_, i) => i + 1));
      }),
    );
  });

  it('puts every key measure before every other measure, and within each the larger gap first', () => {
    fc.assert(
      fc.property(checkArbitrary, ({ instrument, answers }) => {
        const { actions } = cyberPicture(instrument, answers);
        for (let i = 1; i < actions.length; i++) {
          const [a, b] = [actions[i - 1], actions[i]];
          expect(Number(a.keyMeasure)).toBeGreaterThanOrEqual(Number(b.keyMeasure));
          if (a.keyMeasure === b.keyMeasure) expect(a.gap).toBeGreaterThanOrEqual(b.gap);
        }
      }),
    );
  });

  it('has no actions when every measure is at or above the target', () => {
    fc.assert(
      fc.property(checkArbitrary, fc.integer({ min: 0, max: 5 }), ({ instrument }, extra) => {
        const ids = instrument.sections.flatMap((s) => s.items.map((i) => i.id));
        const answers = Object.fromEntries(ids.map((id) => [id, Math.min(5, instrument.actionBelow + (extra % (6 - instrument.actionBelow)))]));
        const picture = cyberPicture(instrument, answers);
        expect(picture.actions).toEqual([]);
        expect(picture.overall.shareAtTarget).toBe(1);
      }),
    );
  });

  it('never moves a measure up the list when its answer is raised, and keeps the others in their order', () => {
    fc.assert(
      fc.property(checkArbitrary, fc.nat(), fc.integer({ min: 1, max: 5 }), ({ instrument, answers }, pick, raise) => {
        const ids = instrument.sections.flatMap((s) => s.items.map((i) => i.id));
        const id = ids[pick % ids.length];
        const before = measureStandings(instrument, answers).find((s) => s.itemId === id)!;
        if (before.maturity === null) return; // "not applicable" has no maturity to raise
        const raised = { ...answers, [id]: Math.min(5, before.maturity + raise) };
        const [old, now] = [idsOf(cyberPicture(instrument, answers)), idsOf(cyberPicture(instrument, raised))];
        if (now.includes(id)) expect(now.indexOf(id)).toBeGreaterThanOrEqual(old.indexOf(id));
        expect(now.filter((x) => x !== id)).toEqual(old.filter((x) => x !== id));
      }),
    );
  });

  it('is total and stable: the order of the answers given changes nothing', () => {
    fc.assert(
      fc.property(checkArbitrary, fc.nat(), ({ instrument, answers }, seed) => {
        const entries = Object.entries(answers);
        const rotated = Object.fromEntries([...entries.slice(seed % (entries.length || 1)), ...entries.slice(0, seed % (entries.length || 1))]);
        expect(cyberPicture(instrument, rotated)).toEqual(cyberPicture(instrument, answers));
        expect(new Set(idsOf(cyberPicture(instrument, answers))).size).toBe(cyberPicture(instrument, answers).actions.length);
      }),
    );
  });

  it('keeps shares between 0 and 1 and means on the scale', () => {
    fc.assert(
      fc.property(checkArbitrary, ({ instrument, answers }) => {
        const picture = cyberPicture(instrument, answers);
        for (const part of [...picture.topics, picture.overall]) {
          if (part.shareAtTarget !== null) expect(part.shareAtTarget).toBeGreaterThanOrEqual(0);
          if (part.shareAtTarget !== null) expect(part.shareAtTarget).toBeLessThanOrEqual(1);
          if (part.meanMaturity !== null) expect(part.meanMaturity).toBeGreaterThanOrEqual(0);
          if (part.meanMaturity !== null) expect(part.meanMaturity).toBeLessThanOrEqual(5);
          expect(part.keyMeasuresAtTarget).toBeLessThanOrEqual(part.keyMeasures);
        }
      }),
    );
  });
});

describe('flandersTopicMaturity', () => {
  const picture = (shares: Record<string, number | null>): Pick<CyberPicture, 'topics'> => ({
    topics: Object.entries(shares).map(([sectionId, shareAtTarget]) => ({
      sectionId,
      shareAtTarget,
      meanMaturity: null,
      measures: 1,
      atTarget: 0,
      keyMeasures: 0,
      keyMeasuresAtTarget: 0,
      unknown: 0,
    })),
  });

  it('gives a topic’s mean share from five schools on, and nothing from four', () => {
    const four = [0, 0.5, 1, 0.5].map((share) => picture({ passwords: share, backups: null }));
    expect(flandersTopicMaturity(four, ['passwords', 'backups'])).toEqual([
      { topic: 'passwords', maturity: null },
      { topic: 'backups', maturity: null },
    ]);
    expect(flandersTopicMaturity([...four, picture({ passwords: 0.5 })], ['passwords', 'network'])).toEqual([
      { topic: 'passwords', maturity: 0.5 },
      { topic: 'network', maturity: null },
    ]);
  });

  it('never shows a topic fewer than five schools answered, and a shown one lies between their shares', () => {
    const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.record({ a: share, b: share }), { maxLength: 12 }), (schools) => {
        const result = flandersTopicMaturity(schools.map(picture), ['a', 'b']);
        for (const { topic, maturity } of result) {
          const answered = schools.map((school) => school[topic as 'a' | 'b']).filter((one): one is number => one !== null);
          expect(maturity === null).toBe(answered.length < 5);
          if (maturity !== null) {
            expect(maturity).toBeGreaterThanOrEqual(Math.min(...answered) - 1e-9);
            expect(maturity).toBeLessThanOrEqual(Math.max(...answered) + 1e-9);
          }
        }
      }),
    );
  });
});
