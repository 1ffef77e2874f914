import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CountLine,
  type CountTable,
  comparisonsAllowed,
  countTableOf,
  decidePublication,
  effectiveThreshold,
  type ProtectedCounts,
  publicationDecision,
  respondentChanges,
  suppressGroupTable,
  suppressSmallGroups,
} from './privacy';

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };

/** One group split over cells: its row, read back. */
const row = (cells: number[], threshold = 5) => suppressGroupTable({ rows: [{ key: 'g', cells }], margins: false }, threshold).rows[0];

describe('effectiveThreshold', () => {
  it('never goes below 5, rounds up, and falls back to 5 for nonsense', () => {
    expect([0, 1, 4, 4.2, 5, 5.5, 6, 12].map(effectiveThreshold)).toEqual([5, 5, 5, 5, 5, 6, 6, 12]);
    expect([Number.NaN, Number.POSITIVE_INFINITY, -3, null, undefined].map(effectiveThreshold)).toEqual([5, 5, 5, 5, 5]);
  });
});

describe('suppressSmallGroups at the boundaries', () => {
  it('hides a group of 4 whole: its size and every cell', () => {
    expect(row([2, 2])).toEqual({ key: 'g', total: hidden, cells: [hidden, hidden] });
    expect(row([4, 0, 0])).toEqual({ key: 'g', total: hidden, cells: [hidden, hidden, hidden] });
  });

  it('shows a group of 5 by its size, and no cell of it that would single anyone out', () => {
    expect(row([3, 2])).toEqual({ key: 'g', total: shown(5), cells: [hidden, hidden] });
    // 5 at A and a shown 5 would say "nobody at B": the zero is hidden, and so the 5 beside it.
    expect(row([5, 0])).toEqual({ key: 'g', total: shown(5), cells: [hidden, hidden] });
  });

  it('shows a group of 6 but none of 5 + 1, 6 + 0 or 4 + 2', () => {
    expect(row([5, 1])).toEqual({ key: 'g', total: shown(6), cells: [hidden, hidden] });
    expect(row([6, 0])).toEqual({ key: 'g', total: shown(6), cells: [hidden, hidden] });
    expect(row([4, 2])).toEqual({ key: 'g', total: shown(6), cells: [hidden, hidden] });
  });

  it('shows cells of 5 and more when what is hidden beside them is itself a group of 5 or more', () => {
    expect(row([5, 5])).toEqual({ key: 'g', total: shown(10), cells: [shown(5), shown(5)] });
    expect(row([6, 5, 0])).toEqual({ key: 'g', total: shown(11), cells: [shown(6), hidden, hidden] });
    expect(row([3, 9, 2])).toEqual({ key: 'g', total: shown(14), cells: [hidden, shown(9), hidden] });
    expect(row([3, 9, 1])).toEqual({ key: 'g', total: shown(13), cells: [hidden, hidden, hidden] });
    expect(row([4, 6, 6])).toEqual({ key: 'g', total: shown(16), cells: [hidden, hidden, shown(6)] });
  });

  it('hides a lone small cell together with the next smallest, so subtraction from the total fails', () => {
    const result = row([7, 3, 12, 8]);
    expect(result.cells).toEqual([hidden, hidden, shown(12), shown(8)]);
  });

  it('applies the campaign threshold when it is above 5', () => {
    expect(row([6, 6], 7)).toEqual({ key: 'g', total: shown(12), cells: [hidden, hidden] });
    expect(row([7, 7], 7)).toEqual({ key: 'g', total: shown(14), cells: [shown(7), shown(7)] });
  });
});

describe('suppressSmallGroups across rows and margins', () => {
  it('hides a small group whose column totals are shown, and a second group in each column it would leak through', () => {
    // Groups by experience × band; the band totals of the whole team are shown beside them.
    const table = suppressGroupTable(
      {
        rows: [
          { key: 'young', cells: [1, 2, 0] },
          { key: 'mid', cells: [6, 10, 5] },
          { key: 'old', cells: [5, 12, 6] },
        ],
        margins: true,
      },
      5,
    );
    expect(table.rows[0].total).toEqual(hidden);
    expect(table.columnTotals).toEqual([shown(12), shown(24), shown(11)]);
    // The young group's size is hidden, so another group's size is too (else n − shown sizes).
    expect(table.rows.filter((r) => r.total.suppressed)).toHaveLength(2);
    for (let c = 0; c < 3; c += 1) {
      expect(table.rows.filter((r) => r.cells[c].suppressed).length).toBeGreaterThanOrEqual(2);
    }
    assertProtected(
      countTableOf({
        rows: [
          { key: 'young', cells: [1, 2, 0] },
          { key: 'mid', cells: [6, 10, 5] },
          { key: 'old', cells: [5, 12, 6] },
        ],
        margins: true,
      }),
      5,
    );
  });

  it('follows a band into its levels: a hidden level is not the band minus the other level', () => {
    const table: CountTable = {
      counts: { n: 20, A: 8, B: 12, A1: 3, A2: 5, B1: 6, B2: 6 },
      lines: [
        { total: 'n', parts: ['A', 'B'] },
        { total: 'A', parts: ['A1', 'A2'] },
        { total: 'B', parts: ['B1', 'B2'] },
      ],
    };
    const lone = suppressSmallGroups({ ...table, counts: { ...table.counts, A: 9, n: 21, A2: 6 } }, 5);
    // A1 = 3 alone would be A − A2: A2 goes too, and A stays (hidden levels add up to 9).
    expect([lone.A1, lone.A2, lone.A]).toEqual([hidden, hidden, shown(9)]);
    const result = suppressSmallGroups(table, 5);
    expect(result.A1).toEqual(hidden);
    expect(result.A2).toEqual(hidden);
    // The band stays: what its hidden levels add up to is a group of 8, not one person.
    expect(result.A).toEqual(shown(8));
    expect(result.B1).toEqual(shown(6));
    expect(result.n).toEqual(shown(20));
  });

  it('refuses an inconsistent table rather than half-protect it', () => {
    expect(() => suppressSmallGroups({ counts: { n: 10, a: 3, b: 3 }, lines: [{ total: 'n', parts: ['a', 'b'] }] }, 5)).toThrow(/add up/);
    expect(() => suppressSmallGroups({ counts: { n: 10, a: 10 }, lines: [{ total: 'n', parts: ['a', 'x'] }] }, 5)).toThrow(/no count named x/);
    expect(() => suppressSmallGroups({ counts: { n: 1.5 }, lines: [] }, 5)).toThrow(/number of people/);
  });
});

/** What a reader can work out from one line: a hidden entry that is the only unknown, or all of them when they add up to 0. */
function recoverableFromLine(table: CountTable, result: ProtectedCounts): string[] {
  const leaks: string[] = [];
  for (const line of table.lines) {
    const hiddenParts = line.parts.filter((p) => result[p].suppressed);
    if (result[line.total].suppressed) {
      if (hiddenParts.length === 0) leaks.push(line.total);
      continue;
    }
    const hiddenSum = hiddenParts.reduce((acc, p) => acc + table.counts[p], 0);
    if (hiddenParts.length === 1 || (hiddenParts.length > 1 && hiddenSum === 0)) leaks.push(...hiddenParts);
  }
  return leaks;
}

function assertProtected(table: CountTable, threshold: number): void {
  const t = effectiveThreshold(threshold);
  const result = suppressSmallGroups(table, threshold);
  for (const [id, cell] of Object.entries(result)) {
    if (!cell.suppressed) expect(cell.count, `${id} shown below the threshold`).toBeGreaterThanOrEqual(t);
    else expect(cell.count).toBeNull();
  }
  expect(recoverableFromLine(table, result)).toEqual([]);
  for (const line of table.lines) {
    if (result[line.total].suppressed) continue;
    const hiddenParts = line.parts.filter((p) => result[p].suppressed);
    if (hiddenParts.length > 0) expect(hiddenParts.reduce((acc, p) => acc + table.counts[p], 0)).toBeGreaterThanOrEqual(t);
  }
}

const groupTables = fc.record({
  rows: fc.array(fc.record({ key: fc.string(), cells: fc.array(fc.nat(25), { minLength: 3, maxLength: 3 }) }), { minLength: 1, maxLength: 6 }),
  margins: fc.boolean(),
});

describe('suppressSmallGroups properties', () => {
  it('never shows a count below the threshold, and leaves no hidden count recoverable from its row, column or total', () => {
    fc.assert(
      fc.property(groupTables, fc.integer({ min: 0, max: 12 }), (table, threshold) => {
        assertProtected(countTableOf(table), threshold);
      }),
      { numRuns: 500 },
    );
  });

  it('holds for bands with their levels as well', () => {
    const levels = fc.array(fc.nat(15), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(levels, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 9 }), (areas, threshold) => {
        const counts: Record<string, number> = {};
        const lines: CountLine[] = [];
        areas.forEach((lv, a) => {
          lv.forEach((count, l) => (counts[`a${a}l${l}`] = count));
          const bands = [0, 1, 2].map((b) => `a${a}b${b}`);
          bands.forEach((band, b) => {
            counts[band] = lv[2 * b] + lv[2 * b + 1];
            lines.push({ total: band, parts: [`a${a}l${2 * b}`, `a${a}l${2 * b + 1}`] });
          });
          counts[`a${a}n`] = lv.reduce((x, y) => x + y, 0);
          counts[`a${a}bplus`] = counts[bands[1]] + counts[bands[2]];
          lines.push({ total: `a${a}n`, parts: bands });
          lines.push({ total: `a${a}n`, parts: [bands[0], `a${a}bplus`] });
          lines.push({ total: `a${a}bplus`, parts: [bands[1], bands[2]] });
        });
        assertProtected({ counts, lines }, threshold);
      }),
      { numRuns: 300 },
    );
  });

  it('treats a threshold below 5 as 5', () => {
    fc.assert(
      fc.property(groupTables, fc.integer({ min: -3, max: 4 }), (table, threshold) => {
        const counts = countTableOf(table);
        expect(suppressSmallGroups(counts, threshold)).toEqual(suppressSmallGroups(counts, 5));
      }),
    );
  });

  it('only ever hides more, never less, than the counts below the threshold', () => {
    fc.assert(
      fc.property(groupTables, fc.integer({ min: 5, max: 10 }), (table, threshold) => {
        const counts = countTableOf(table);
        const result = suppressSmallGroups(counts, threshold);
        for (const [id, count] of Object.entries(counts.counts)) if (count < threshold) expect(result[id].suppressed).toBe(true);
      }),
    );
  });
});

describe('publicationDecision', () => {
  const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `k${from + i}`);

  it('refuses a first report below the threshold and publishes one at it', () => {
    expect(publicationDecision(null, { respondentKeys: keys(4) }, 5)).toEqual({ kind: 'too_few' });
    expect(publicationDecision(null, { respondentKeys: keys(5) }, 5)).toEqual({ kind: 'publish' });
    expect(publicationDecision(null, { respondentKeys: keys(5) }, 6)).toEqual({ kind: 'too_few' });
    expect(publicationDecision(null, { respondentKeys: keys(6) }, 2)).toEqual({ kind: 'publish' });
  });

  it('keeps the published state while fewer than the threshold came or went', () => {
    const published = { respondentKeys: keys(5) };
    expect(publicationDecision(published, { respondentKeys: keys(6) }, 5)).toEqual({ kind: 'keep', changed: 1 });
    expect(publicationDecision(published, { respondentKeys: keys(9) }, 5)).toEqual({ kind: 'keep', changed: 4 });
    expect(publicationDecision(published, { respondentKeys: keys(10) }, 5)).toEqual({ kind: 'publish' });
    // One left and one came: the same size, but two people differ.
    expect(publicationDecision(published, { respondentKeys: [...keys(4), 'new'] }, 5)).toEqual({ kind: 'keep', changed: 2 });
    expect(publicationDecision(published, { respondentKeys: keys(5) }, 5)).toEqual({ kind: 'keep', changed: 0 });
  });

  it('never publishes a state below the threshold, however much changed', () => {
    expect(publicationDecision({ respondentKeys: keys(10) }, { respondentKeys: keys(4) }, 5)).toEqual({ kind: 'keep', changed: 6 });
  });

  it('counts teachers who came, went or retook the scan, each once', () => {
    expect(respondentChanges(['a.1', 'b.1', 'c.1'], ['b.1', 'c.1', 'd.1', 'e.1'])).toBe(3);
    expect(respondentChanges(['a.1', 'b.1'], ['a.2', 'b.1'])).toBe(1);
    expect(respondentChanges(['a', 'b'], ['b', 'c'])).toBe(2);
    expect(respondentChanges([], [])).toBe(0);
  });

  it('keeps the state when one teacher retakes the scan, and publishes when the threshold of teachers did', () => {
    const before = keys(6).map((k) => `${k}.old`);
    const oneRetake = [...before.slice(1), 'k0.new'];
    expect(publicationDecision({ respondentKeys: before }, { respondentKeys: oneRetake }, 5)).toEqual({ kind: 'keep', changed: 1 });
    const fiveRetakes = [...before.slice(5), ...keys(5).map((k) => `${k}.new`)];
    expect(publicationDecision({ respondentKeys: before }, { respondentKeys: fiveRetakes }, 5)).toEqual({ kind: 'publish' });
  });
});

describe('decidePublication', () => {
  it('publishes a first state at the threshold, and a later one once the threshold of teachers changed', () => {
    expect(decidePublication({ published: false, respondents: 4, changed: 4 }, 5)).toEqual({ kind: 'too_few' });
    expect(decidePublication({ published: false, respondents: 5, changed: 0 }, 5)).toEqual({ kind: 'publish' });
    expect(decidePublication({ published: false, respondents: 5, changed: 0 }, 3)).toEqual({ kind: 'publish' });
    expect(decidePublication({ published: true, respondents: 9, changed: 4 }, 5)).toEqual({ kind: 'keep', changed: 4 });
    expect(decidePublication({ published: true, respondents: 9, changed: 5 }, 5)).toEqual({ kind: 'publish' });
    expect(decidePublication({ published: true, respondents: 9, changed: 5 }, 6)).toEqual({ kind: 'keep', changed: 5 });
    expect(decidePublication({ published: true, respondents: 4, changed: 9 }, 5)).toEqual({ kind: 'keep', changed: 9 });
    expect(decidePublication({ published: true, respondents: 0, changed: 0 }, 5)).toEqual({ kind: 'keep', changed: 0 });
  });

  it('decides on counts as publicationDecision decides on the keys they were counted from', () => {
    const teacher = fc.nat(12);
    const scan = fc.nat(2);
    const respondents = fc.uniqueArray(fc.tuple(teacher, scan), { selector: ([t]) => t, maxLength: 13 });
    fc.assert(
      fc.property(fc.option(respondents), respondents, fc.integer({ min: 0, max: 9 }), (before, after, threshold) => {
        const keys = (list: Array<[number, number]>) => list.map(([t, s]) => `t${t}.s${s}`);
        const published = before && { respondentKeys: keys(before) };
        const counts = { published: before !== null, respondents: after.length, changed: before ? respondentChanges(keys(before), keys(after)) : 0 };
        expect(decidePublication(counts, threshold)).toEqual(publicationDecision(published, { respondentKeys: keys(after) }, threshold));
      }),
    );
  });
});

describe('comparisonsAllowed', () => {
  it('needs 3 other schools in a comparison, and in what separates the two comparisons', () => {
    expect(comparisonsAllowed(2, null)).toEqual({ flanders: false, sameLevel: false });
    expect(comparisonsAllowed(3, null)).toEqual({ flanders: true, sameLevel: false });
    expect(comparisonsAllowed(3, 3)).toEqual({ flanders: true, sameLevel: true });
    expect(comparisonsAllowed(4, 3)).toEqual({ flanders: false, sameLevel: true });
    expect(comparisonsAllowed(6, 3)).toEqual({ flanders: true, sameLevel: true });
    expect(comparisonsAllowed(5, 2)).toEqual({ flanders: true, sameLevel: false });
  });
});
