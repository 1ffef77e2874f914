import { z } from 'zod';

/** Text that content files and the API carry in both languages of the product. */

export const nonBlankText = z.string().regex(/\S/, 'must not be empty');

export const localisedTextSchema = z.object({ nl: nonBlankText, en: nonBlankText });

export type LocalisedText = z.infer<typeof localisedTextSchema>;

/** `['areas', 2, 'name', 'nl']` → `areas[2].name.nl`: how validation problems name a field. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc === '' ? String(key) : `${acc}.${String(key)}`;
  }, '');
}
