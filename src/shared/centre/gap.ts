/**
 * The gap between the teachers who need a step in a competence and the training places offered
 * for it (issue 14 §2). Pure, so the server ranks and the page explains with the same code.
 *
 * - need: teachers (a noisy, protected count, see shared/digisnap/step-needs.ts) whose latest
 *   scan puts them below the centre's target for the competence; null when the cell is hidden.
 * - places: free seats in sessions that start within the coming months, of published trainings
 *   that take the competence from below the target, in the province or online.
 * - shortfall: need − places, never below 0: teachers a place is missing for.
 * - gap index: shortfall ÷ need, 0 to 1: the share of the need no place covers (0 without need).
 *
 * The largest gaps come first: the largest shortfall, then the largest index, then by key, so
 * the order never depends on the order cells were made in. Hidden cells have neither and come last.
 */

/** A province's cells summed over every education level. */
export const ALL_EDUCATION_LEVELS = 'all';

export interface Gap {
  shortfall: number | null;
  gapIndex: number | null;
}

/** The shortfall and gap index of one cell; both null when the need is hidden. */
export function gapOf(need: number | null, places: number): Gap {
  if (need === null) return { shortfall: null, gapIndex: null };
  if (!Number.isFinite(need) || need < 0 || !Number.isFinite(places) || places < 0) throw new Error(`gapOf: need ${need} and places ${places} must be counts`);
  const shortfall = Math.max(0, need - places);
  return { shortfall, gapIndex: need === 0 ? 0 : roundIndex(shortfall / need) };
}

/** Three decimals: enough to rank and to show a percentage with one decimal. */
const roundIndex = (value: number) => Math.round(value * 1000) / 1000;

/** Largest gaps first (see above); a new array. */
export function rankGaps<T extends Gap & { key: string }>(cells: readonly T[]): T[] {
  return [...cells].sort((a, b) => {
    if (a.shortfall === null || b.shortfall === null) {
      if (a.shortfall !== b.shortfall) return a.shortfall === null ? 1 : -1;
    } else if (a.shortfall !== b.shortfall) return b.shortfall - a.shortfall;
    if (a.gapIndex !== b.gapIndex && a.gapIndex !== null && b.gapIndex !== null) return b.gapIndex - a.gapIndex;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}
