/** The framework's proficiency levels and bands, without zod, so the browser bundle can use them. */

export const LEVEL_CODES = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const BAND_CODES = ['A', 'B', 'C'] as const;
