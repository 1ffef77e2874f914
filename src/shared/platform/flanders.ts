/** Code lists of Flemish education used across modules. Labels live in the i18n files. */
export const provinces = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen', 'brussel'] as const;
export type Province = (typeof provinces)[number];

export const educationLevels = ['pre_primary', 'primary', 'secondary', 'adult', 'special_needs', 'higher'] as const;
export type EducationLevel = (typeof educationLevels)[number];

/**
 * Education networks (*onderwijsnetten*): GO! (community education), official subsidised
 * (OVSG for cities and municipalities, POV for provinces), free subsidised as Katholiek
 * Onderwijs Vlaanderen, and every other (e.g. other free subsidised schools).
 */
export const schoolNetworks = ['go', 'official_subsidised', 'catholic', 'other'] as const;
export type SchoolNetwork = (typeof schoolNetworks)[number];
