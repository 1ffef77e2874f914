/** Pure helpers of the loan pages: the class list as typed, and the scanned tags bound to it in order. */

/** One pupil of the class list and the tag scanned for them (empty until then). */
export interface ClassLine {
  borrower: string;
  assetTag: string;
}

/** The class list as typed or pasted, one pupil a line; blank lines are dropped. */
export function pupilsOf(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The pupils with the tags scanned so far kept in order: a shorter list drops the tags of pupils no longer on it. */
export function classLines(pupils: readonly string[], tags: readonly string[]): ClassLine[] {
  return pupils.map((borrower, index) => ({ borrower, assetTag: tags[index] ?? '' }));
}

/**
 * The tags after one more scan: bound to the next pupil without one; refused (`null`) when the
 * tag is blank, scanned already, or every pupil has one.
 */
export function scanTag(tags: readonly string[], pupilCount: number, scanned: string): string[] | null {
  const tag = scanned.trim();
  if (tag === '' || tags.includes(tag) || tags.length >= pupilCount) return null;
  return [...tags, tag];
}

/** The line (1 = first) a problem's field names, `body.loans.2.assetTag` → 3; null for another field. */
export function lineOfField(field: string): number | null {
  const match = /^body\.(?:loans|returns)\.(\d+)\./.exec(field);
  return match ? Number(match[1]) + 1 : null;
}
