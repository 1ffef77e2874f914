import { educationLevels } from '../platform/flanders';

/**
 * Code lists of the training database, free of Zod so the web app can import them at
 * runtime without pulling the validation library into its bundle. `api.ts` re-exports them.
 */

export const trainingKinds = ['in_person', 'live_online', 'self_paced', 'blended', 'bootcamp', 'learning_resource'] as const;
export type TrainingKind = (typeof trainingKinds)[number];
export const trainingAudiences = ['teacher', 'ict_coordinator', 'principal'] as const;
export type TrainingAudience = (typeof trainingAudiences)[number];
export const trainingStatuses = ['draft', 'published', 'archived'] as const;
export type TrainingStatus = (typeof trainingStatuses)[number];
export const trainingLanguages = ['nl', 'en', 'fr', 'de'] as const;
export type TrainingLanguage = (typeof trainingLanguages)[number];
/** The education levels a training is meant for (the policy's five target groups). */
export const trainingEducationLevels = educationLevels.filter((l) => l !== 'higher');
export const searchSorts = ['relevance', 'date', 'price'] as const;
export type SearchSort = (typeof searchSorts)[number];
export const priceFilters = ['free', 'paid'] as const;
export type PriceFilter = (typeof priceFilters)[number];

/** The Dutch column headers of the training CSV, in order (semicolon separated, UTF-8 with BOM). */
export const trainingCsvColumns = [
  'titel',
  'samenvatting',
  'beschrijving',
  'vorm',
  'taal',
  'onderwijsniveaus',
  'doelgroep',
  'competenties',
  'duur_uren',
  'prijs_euro',
  'ict_budget',
  'adres',
  'postcode',
  'gemeente',
  'provincie',
  'accreditatie',
  'link',
  'status',
] as const;
