import { z } from 'zod';
import { isSchoolYear, stemBreakdowns, stemCategories, stemCountSources, stemDefinitions, stemGenders, stemLevels, stemMoments } from './vocabulary';

/** The contracts of the STEM monitor: the counts import, the indicators of a year, the definitions, the series of an indicator. */

export const stemSchoolYearSchema = z.string().refine(isSchoolYear, 'must be a school year as 2018-2019');

const localisedSchema = z.object({ nl: z.string(), en: z.string() }).meta({ id: 'StemText' });

/**
 * One figure: a share with the counts it comes from. `shown`: every number is there. `hidden`:
 * the small-number rule hid it (a count of 1 to 4 pupils in the numerator, the denominator or the
 * pupils outside the numerator), so all three are null and the dashboard writes "< 5". `no_data`:
 * no counts for the year, or nobody in the denominator.
 */
export const stemValueSchema = z
  .object({
    status: z.enum(['shown', 'hidden', 'no_data']),
    hidden: z.boolean().describe('true exactly when status is hidden'),
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
    share: z.number().min(0).max(1).nullable().describe('numerator / denominator, 0 to 1'),
  })
  .meta({ id: 'StemValue' });

export const stemGroupValueSchema = z
  .object({
    key: z.string().describe('The group: f/m/x, a province, a programme type or a level'),
    value: stemValueSchema,
  })
  .meta({ id: 'StemGroupValue' });

const breakdownSchema = z.enum(stemBreakdowns).default('none');
const definitionSchema = z.enum(stemDefinitions);

export const stemIndicatorsQuerySchema = z.object({
  year: stemSchoolYearSchema,
  breakdown: breakdownSchema,
  definition: definitionSchema.optional().describe('Left out: the definition content/stem assigns to the year'),
});

export const stemIndicatorValueSchema = z
  .object({
    indicator: z.string(),
    definition: definitionSchema.describe('The definition this value was computed with'),
    total: stemValueSchema.describe('Flanders as a whole'),
    groups: z
      .array(stemGroupValueSchema)
      .nullable()
      .describe('One per group of the breakdown, in a fixed order; null when the breakdown is none or does not apply to the indicator (gender for a share of girls)'),
  })
  .meta({ id: 'StemIndicatorValue' });

export const stemIndicatorsSchema = z
  .object({
    year: z.string(),
    breakdown: z.enum(stemBreakdowns),
    source: z.enum(stemCountSources).nullable().describe('Where the year’s counts came from (demo: generated demo data); null without counts'),
    indicators: z.array(stemIndicatorValueSchema),
  })
  .meta({ id: 'StemIndicators' });

export const stemTargetSchema = z
  .object({
    indicator: z.string(),
    value: z.number().min(0).max(1),
    deadlineYear: z.string(),
    source: z.string().describe('Who published it, and where'),
    sourceUrl: z.string(),
    verified: z.boolean().describe('false while the figure is known from secondary sources only'),
  })
  .meta({ id: 'StemTarget' });

export const stemPublishedValueSchema = z
  .object({
    indicator: z.string(),
    year: z.string(),
    value: z.number().min(0).max(1),
    breakdown: z.enum(stemBreakdowns),
    group: z.string().nullable().describe('The group of the breakdown (aso, f, limburg, …); null for Flanders'),
    source: z.string(),
    sourceUrl: z.string(),
    verified: z.boolean(),
  })
  .meta({ id: 'StemPublishedValue' });

export const stemIndicatorDefinitionSchema = z
  .object({
    id: z.string(),
    level: z.enum(stemLevels),
    name: localisedSchema,
    description: localisedSchema,
    population: localisedSchema,
    numerator: localisedSchema,
    denominator: localisedSchema,
    moment: z.enum(stemMoments),
    countedCategories: z.array(z.enum(stemCategories)).describe('The categories counted as STEM under the 2012 definition'),
    numeratorGender: z.enum(stemGenders).nullable().describe('Set for a share of girls or women: the numerator counts only them'),
    denominatorStemOnly: z.boolean().describe('true when the denominator is the STEM pupils themselves (a share of girls among them)'),
    baselineYear: z.string(),
    breakdowns: z.array(z.enum(stemBreakdowns)),
    targets: z.array(stemTargetSchema),
    published: z.array(stemPublishedValueSchema),
  })
  .meta({ id: 'StemIndicatorDefinition' });

export const stemIndicatorListSchema = z
  .object({
    categories: z.array(z.object({ id: z.enum(stemCategories), name: localisedSchema, description: localisedSchema })),
    definitions: z.array(
      z.object({
        id: definitionSchema,
        name: localisedSchema,
        description: localisedSchema,
        use: z
          .array(z.object({ level: z.enum(stemLevels), fromYear: z.string().nullable(), untilYear: z.string().nullable() }))
          .describe('Where it is the default: per level, from and until which school year (null: open-ended)'),
      }),
    ),
    years: z.array(z.object({ year: z.string(), source: z.enum(stemCountSources) })).describe('The school years with counts, oldest first'),
    indicators: z.array(stemIndicatorDefinitionSchema),
  })
  .meta({ id: 'StemIndicatorList' });

export const stemSeriesQuerySchema = z.object({
  indicator: z.string().min(1).max(100),
  breakdown: breakdownSchema,
  definition: definitionSchema.optional().describe('Left out: per year the definition content/stem assigns to it'),
});

/** How far the latest shown value is from a target, and how fast it must move to reach it. */
export const stemTargetGapSchema = z
  .object({
    target: stemTargetSchema,
    fromYear: z.string().nullable().describe('The latest year with a shown value; null when there is none'),
    distancePp: z.number().nullable().describe('target − latest value, in percentage points; negative when past it'),
    yearsLeft: z.number().int().nullable().describe('School years from fromYear to the deadline year'),
    yearlyPacePp: z.number().nullable().describe('Percentage points a year needed to reach the target by its deadline; null when no year is left or no value'),
  })
  .meta({ id: 'StemTargetGap' });

export const stemSeriesYearSchema = z
  .object({
    year: z.string(),
    definition: definitionSchema,
    source: z.enum(stemCountSources),
    total: stemValueSchema,
    changeFromBaselinePp: z.number().nullable().describe('Share − baseline share, in percentage points; null when either is not shown'),
    groups: z.array(stemGroupValueSchema.extend({ changeFromBaselinePp: z.number().nullable() })).nullable(),
  })
  .meta({ id: 'StemSeriesYear' });

export const stemSeriesSchema = z
  .object({
    indicator: z.string(),
    breakdown: z.enum(stemBreakdowns),
    baseline: z.object({ year: z.string(), total: stemValueSchema }),
    years: z.array(stemSeriesYearSchema).describe('Every school year with counts, oldest first'),
    targets: z.array(stemTargetGapSchema),
    published: z.array(stemPublishedValueSchema),
  })
  .meta({ id: 'StemSeries' });

export const stemImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const stemImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().describe('Lines read'),
    years: z.array(z.object({ year: z.string(), rows: z.number().int(), pupils: z.number().int() })).describe('Per school year in the file: replaced (or, on a dry run, would be)'),
  })
  .meta({ id: 'StemImportReport' });

export type StemValue = z.infer<typeof stemValueSchema>;
export type StemGroupValue = z.infer<typeof stemGroupValueSchema>;
export type StemIndicators = z.infer<typeof stemIndicatorsSchema>;
export type StemIndicatorList = z.infer<typeof stemIndicatorListSchema>;
export type StemIndicatorDefinition = z.infer<typeof stemIndicatorDefinitionSchema>;
export type StemSeries = z.infer<typeof stemSeriesSchema>;
export type StemTarget = z.infer<typeof stemTargetSchema>;
export type StemTargetGap = z.infer<typeof stemTargetGapSchema>;
export type StemPublishedValue = z.infer<typeof stemPublishedValueSchema>;
export type StemImportReport = z.infer<typeof stemImportReportSchema>;
