/**
 * Privacy by construction: group thresholds, suppression and publication over time. Pure
 * functions, no I/O, so the server, the tests and a reviewer read the same rules. The Digisnap
 * team report no longer suppresses cells: its counts carry noise drawn once per publication
 * (protected-team.ts); the threshold, the publication rule and the comparison rule below still
 * hold for it. Suppression (rules 2 and 3) serves the reflection reports.
 *
 * The rules, in order:
 * 1. The threshold is the campaign's minimum group size, never below MIN_GROUP_SIZE (5).
 * 2. Primary suppression: every count below the threshold is hidden, zero included (a shown
 *    zero says something about every member of the group: "nobody here is at C"). A group
 *    whose size is below the threshold is therefore hidden with all its cells.
 * 3. Secondary suppression, per line (a row with its total, a column with its margin, a band
 *    with its levels): when a line holds hidden parts beside a shown total, there must be at
 *    least two of them and together they must hold at least `threshold` people; otherwise the
 *    smallest shown part is hidden too (ties: the first in line order), and when no shown
 *    part is left, the total. A hidden total beside only shown parts is the sum of those
 *    parts, so then the smallest part is hidden as well. Lines are revisited until nothing
 *    changes, so a cell hidden for one line is accounted for in every other line it is in.
 *
 * After this, no hidden count can be worked out by subtracting shown counts from a shown
 * total in any line, and what a line's hidden cells add up to is never a group of fewer
 * than `threshold` people.
 *
 * Over time (decidePublication): a report is stored as shown; for the team report a round's
 * respondents are fixed once published, and a later request shows a new state only when at
 * least `threshold` new respondents came, so two states never differ by fewer people than the
 * threshold and nobody is ever taken out. Beside other schools
 * (comparisonsAllowed): a comparison spans at least COMPARISON_MIN_SCHOOLS other schools.
 */

export const MIN_GROUP_SIZE = 5;

/** Comparison groups (Flanders, same education level) span at least this many other schools. */
export const COMPARISON_MIN_SCHOOLS = 3;

/** The threshold actually applied: the requested one, rounded up, and never below 5. */
export function effectiveThreshold(requested: number | null | undefined): number {
  if (requested === null || requested === undefined || !Number.isFinite(requested)) return MIN_GROUP_SIZE;
  return Math.max(MIN_GROUP_SIZE, Math.ceil(requested));
}

/** The parts of a line add up to its total: a row and its row total, a column and its margin, a band and its levels. */
export interface CountLine {
  total: string;
  parts: readonly string[];
}

/** Named counts and every additive relation between them that a reader of the report could use. */
export interface CountTable {
  counts: Readonly<Record<string, number>>;
  lines: readonly CountLine[];
}

export interface ProtectedCount {
  /** null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export type ProtectedCounts = Record<string, ProtectedCount>;

/**
 * Applies the rules above to a table of counts. Throws when the table is inconsistent (a line
 * whose parts do not add up to its total, an unknown name, a count that is not a whole number
 * of people): a broken table must never reach a reader half-protected.
 */
export function suppressSmallGroups(table: CountTable, threshold: number): ProtectedCounts {
  const t = effectiveThreshold(threshold);
  const value = (id: string): number => {
    const count = table.counts[id];
    if (count === undefined) throw new Error(`suppressSmallGroups: no count named ${id}`);
    return count;
  };
  for (const [id, count] of Object.entries(table.counts)) {
    if (!Number.isInteger(count) || count < 0) throw new Error(`suppressSmallGroups: count ${id} = ${count} is not a number of people`);
  }
  for (const line of table.lines) {
    const sum = line.parts.reduce((acc, part) => acc + value(part), 0);
    if (sum !== value(line.total)) throw new Error(`suppressSmallGroups: the parts of ${line.total} add up to ${sum}, not ${value(line.total)}`);
  }

  const hidden = new Set(Object.keys(table.counts).filter((id) => table.counts[id] < t));
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of table.lines) {
      const toHide = secondaryCell(line, hidden, value, t);
      if (toHide !== null) {
        hidden.add(toHide);
        changed = true;
      }
    }
  }

  const result: ProtectedCounts = {};
  for (const [id, count] of Object.entries(table.counts)) {
    result[id] = hidden.has(id) ? { count: null, suppressed: true } : { count, suppressed: false };
  }
  return result;
}

/** The next cell this line needs hidden, or null when the line is safe as it is. */
function secondaryCell(line: CountLine, hidden: ReadonlySet<string>, value: (id: string) => number, t: number): string | null {
  const hiddenParts = line.parts.filter((part) => hidden.has(part));
  const shownParts = line.parts.filter((part) => !hidden.has(part));
  const smallestShown = () => shownParts.reduce<string | null>((best, part) => (best === null || value(part) < value(best) ? part : best), null);
  if (hidden.has(line.total)) {
    // Two or more unknowns in the line: none of them follows from it.
    return hiddenParts.length === 0 && shownParts.length > 0 ? smallestShown() : null;
  }
  if (hiddenParts.length === 0) return null;
  const hiddenSum = hiddenParts.reduce((acc, part) => acc + value(part), 0);
  if (hiddenParts.length >= 2 && hiddenSum >= t) return null;
  return smallestShown() ?? line.total;
}

/** Reads one cell, for code that knows the name exists. */
export function cellOf(counts: ProtectedCounts, id: string): ProtectedCount {
  const cell = counts[id];
  if (!cell) throw new Error(`cellOf: no count named ${id}`);
  return cell;
}

// ---------------------------------------------------------------- plain tables

/** A table of groups (rows) by categories (columns), e.g. experience × band. */
export interface GroupTable {
  rows: ReadonlyArray<{ key: string; cells: readonly number[] }>;
  /**
   * True when the rows split one population and the column totals and the grand total are
   * published beside them: then columns and the row totals are lines too.
   */
  margins: boolean;
}

export interface ProtectedGroupTable {
  rows: Array<{ key: string; total: ProtectedCount; cells: ProtectedCount[] }>;
  /** Present when the table has margins. */
  columnTotals?: ProtectedCount[];
  grandTotal?: ProtectedCount;
}

/** Names the cells of a group table and its lines, so `suppressSmallGroups` can protect it. */
export function countTableOf(table: GroupTable): CountTable {
  const counts: Record<string, number> = {};
  const lines: CountLine[] = [];
  const columns = Math.max(0, ...table.rows.map((row) => row.cells.length));
  table.rows.forEach((row, r) => {
    row.cells.forEach((count, c) => (counts[`r${r}c${c}`] = count));
    counts[`r${r}`] = row.cells.reduce((acc, count) => acc + count, 0);
    lines.push({ total: `r${r}`, parts: row.cells.map((_, c) => `r${r}c${c}`) });
  });
  if (table.margins) {
    for (let c = 0; c < columns; c += 1) {
      const parts = table.rows.flatMap((row, r) => (c < row.cells.length ? [`r${r}c${c}`] : []));
      counts[`c${c}`] = parts.reduce((acc, part) => acc + counts[part], 0);
      lines.push({ total: `c${c}`, parts });
    }
    counts.n = table.rows.reduce((acc, _row, r) => acc + counts[`r${r}`], 0);
    lines.push({ total: 'n', parts: table.rows.map((_, r) => `r${r}`) });
    lines.push({ total: 'n', parts: Array.from({ length: columns }, (_, c) => `c${c}`) });
  }
  return { counts, lines };
}

/** `suppressSmallGroups` for a plain group table, read back as rows. */
export function suppressGroupTable(table: GroupTable, threshold: number): ProtectedGroupTable {
  const protectedCounts = suppressSmallGroups(countTableOf(table), threshold);
  const columns = Math.max(0, ...table.rows.map((row) => row.cells.length));
  return {
    rows: table.rows.map((row, r) => ({
      key: row.key,
      total: protectedCounts[`r${r}`],
      cells: row.cells.map((_, c) => protectedCounts[`r${r}c${c}`]),
    })),
    ...(table.margins ? { columnTotals: Array.from({ length: columns }, (_, c) => protectedCounts[`c${c}`]), grandTotal: protectedCounts.n } : {}),
  };
}

// ---------------------------------------------------------------- publication over time

export type PublicationDecision =
  /** Nothing was published and the group is too small: 422 too_few_respondents. */
  | { kind: 'too_few' }
  /** Publish the live state (the first time, or the group changed by at least the threshold). */
  | { kind: 'publish' }
  /** Keep showing the published state; `changed` respondents differ, fewer than the threshold. */
  | { kind: 'keep'; changed: number };

/**
 * Whether a report may move from its published state to the live one. Respondents are given as
 * opaque keys, `<teacher>.<scan>` (see respondentChanges). Showing both an earlier and a later
 * state lets a reader subtract them, so a new state is published only when the teachers who
 * came, went or retook the scan number at least the threshold together; one teacher who
 * joins, leaves or retakes the scan alone never shows.
 */
export function publicationDecision(published: { respondentKeys: readonly string[] } | null, live: { respondentKeys: readonly string[] }, threshold: number): PublicationDecision {
  return decidePublication(
    {
      published: published !== null,
      respondents: teachersOf(live.respondentKeys).size,
      changed: published === null ? 0 : respondentChanges(published.respondentKeys, live.respondentKeys),
    },
    threshold,
  );
}

/**
 * The same rule on counts, for a team whose changes are counted as they happen (the stored team
 * aggregates of the digisnap module): whether a state was published, how many respondents the
 * live state has, and how many changed since the published one; for the team report's fixed
 * rounds, `changed` is the number of new respondents (nobody leaves a published round).
 */
export function decidePublication(state: { published: boolean; respondents: number; changed: number }, threshold: number): PublicationDecision {
  const t = effectiveThreshold(threshold);
  if (!state.published) return state.respondents >= t ? { kind: 'publish' } : { kind: 'too_few' };
  if (state.changed >= t && state.respondents >= t) return { kind: 'publish' };
  return { kind: 'keep', changed: state.changed };
}

/** Teacher part → scan part of each key; a key without a dot is a teacher with no scan part. */
function teachersOf(keys: readonly string[]): Map<string, string> {
  const teachers = new Map<string, string>();
  for (const key of keys) {
    const dot = key.indexOf('.');
    teachers.set(dot === -1 ? key : key.slice(0, dot), dot === -1 ? '' : key.slice(dot + 1));
  }
  return teachers;
}

/** How many teachers are in one list only, or in both with another scan. */
export function respondentChanges(before: readonly string[], after: readonly string[]): number {
  const left = teachersOf(before);
  const right = teachersOf(after);
  let changed = 0;
  for (const [teacher, scan] of left) if (right.get(teacher) !== scan) changed += 1;
  for (const teacher of right.keys()) if (!left.has(teacher)) changed += 1;
  return changed;
}

/**
 * Which comparison groups a school may see beside its own. Each must span at least
 * COMPARISON_MIN_SCHOOLS other schools; and when both are shown, the schools in Flanders but
 * not of the same level must be none or at least that many too, or subtracting one comparison
 * from the other would show a single other school.
 */
export function comparisonsAllowed(flandersSchools: number, sameLevelSchools: number | null): { flanders: boolean; sameLevel: boolean } {
  const sameLevel = sameLevelSchools !== null && sameLevelSchools >= COMPARISON_MIN_SCHOOLS;
  let flanders = flandersSchools >= COMPARISON_MIN_SCHOOLS;
  if (flanders && sameLevel) {
    const rest = flandersSchools - sameLevelSchools!;
    flanders = rest === 0 || rest >= COMPARISON_MIN_SCHOOLS;
  }
  return { flanders, sameLevel };
}
