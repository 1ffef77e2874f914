import { z } from 'zod';
import { levelCodeSchema, localisedTextSchema } from '../digisnap/framework';
import { provinces } from '../platform/flanders';
import { priceFilters, searchSorts, trainingAudiences, trainingEducationLevels, trainingKinds, trainingLanguages, trainingStatuses } from './codes';

export { priceFilters, searchSorts, trainingAudiences, trainingCsvColumns, trainingEducationLevels, trainingKinds, trainingLanguages, trainingStatuses } from './codes';

/** The training database: contracts shared by the server, the web app and the tests. */

export const trainingKindSchema = z.enum(trainingKinds);
export const provinceSchema = z.enum(provinces);
const competenceCode = z.string().regex(/^\d\.\d$/, 'a competence code such as 3.1');

/** The level step a training targets for one competence, e.g. 3.1 from A2 to B1. */
export const levelStepSchema = z
  .object({ competence: competenceCode, from: levelCodeSchema, to: levelCodeSchema })
  .refine((step) => step.from < step.to, { message: 'to must be a higher level than from', path: ['to'] });
export type LevelStep = z.infer<typeof levelStepSchema>;

export const locationSchema = z.object({
  address: z.string().trim().min(1).max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'a Belgian postal code of four digits'),
  city: z.string().trim().min(1).max(100),
  province: provinceSchema,
});

// OpenAPI component ids of request bodies avoid the suffix `Input`: the generator names the
// request variant of every component `<id>Input`, so `SessionInput` would collide with `Session`.
export const trainingInputSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    summary: z.string().trim().min(10).max(500),
    description: z.string().trim().max(10_000).default(''),
    kind: trainingKindSchema,
    language: z.enum(trainingLanguages).default('nl'),
    educationLevels: z
      .array(z.enum(trainingEducationLevels as [string, ...string[]]))
      .min(1)
      .max(5),
    audiences: z.array(z.enum(trainingAudiences)).min(1).max(3),
    levelSteps: z.array(levelStepSchema).min(1).max(12),
    /** Hours to the hundredth, as the CSV export writes them, so an export imports back unchanged. */
    durationHours: z.number().positive().max(1000).multipleOf(0.01, 'Give the hours with at most two decimals'),
    /** Euro with cents; 0 is free. */
    priceEuro: z.number().min(0).max(100_000).multipleOf(0.01),
    payableFromIctBudget: z.boolean().default(false),
    /** null for trainings that happen only online. */
    location: locationSchema.nullable(),
    accreditation: z.string().trim().max(200).nullable().default(null),
    url: z.url().max(500),
    status: z.enum(trainingStatuses).default('draft'),
  })
  .meta({ id: 'TrainingFields' });
export type TrainingInput = z.infer<typeof trainingInputSchema>;

export const sessionInputSchema = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: z.string().trim().max(200).nullable().default(null),
    online: z.boolean().default(false),
    capacity: z.number().int().min(1).max(10_000),
    enrolmentDeadline: z.iso.datetime({ offset: true }),
    cancellationDeadline: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'SessionFields' });
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const providerRefSchema = z.object({ id: z.string(), name: z.string(), verified: z.boolean() });

export const sessionSchema = z
  .object({
    id: z.string(),
    trainingId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string().nullable(),
    online: z.boolean(),
    capacity: z.number().int(),
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
    seatsLeft: z.number().int(),
    enrolmentDeadline: z.string(),
    cancellationDeadline: z.string(),
    /** The caller's own enrolment in this session, if any. */
    myEnrolment: z.object({ id: z.string(), status: z.enum(['enrolled', 'waitlisted']), position: z.number().int().nullable() }).nullable(),
  })
  .meta({ id: 'TrainingSession' });
export type SessionDto = z.infer<typeof sessionSchema>;

export const trainingSchema = trainingInputSchema
  .extend({
    id: z.string(),
    provider: providerRefSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    sessions: z.array(sessionSchema),
    bookmarked: z.boolean(),
    completed: z.boolean(),
    /** What the caller may do with this training, so the UI never re-derives it. */
    policies: z.object({ canEdit: z.boolean(), canEnrol: z.boolean() }),
  })
  .meta({ id: 'Training' });
export type TrainingDto = z.infer<typeof trainingSchema>;

export const trainingSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    kind: trainingKindSchema,
    language: z.string(),
    provider: providerRefSchema,
    levelSteps: z.array(levelStepSchema),
    educationLevels: z.array(z.string()),
    durationHours: z.number(),
    priceEuro: z.number(),
    payableFromIctBudget: z.boolean(),
    province: provinceSchema.nullable(),
    city: z.string().nullable(),
    status: z.enum(trainingStatuses),
    nextSession: z.object({ id: z.string(), startsAt: z.string(), seatsLeft: z.number().int(), online: z.boolean() }).nullable(),
  })
  .meta({ id: 'TrainingSummary' });
export type TrainingSummaryDto = z.infer<typeof trainingSummarySchema>;

/**
 * A training in a list of search results: what a result card shows, plus the facts the filters
 * are about (education levels, province). The summary text, the ICT-budget note and the status
 * (always published in a search) are on the training's own page: leaving them out makes an
 * answer of 20 results a quarter smaller, and the search is the catalogue's hottest read.
 */
export const trainingListItemSchema = trainingSummarySchema
  .pick({
    id: true,
    title: true,
    kind: true,
    language: true,
    provider: true,
    levelSteps: true,
    educationLevels: true,
    durationHours: true,
    priceEuro: true,
    province: true,
    city: true,
    nextSession: true,
  })
  .meta({ id: 'TrainingListItem' });
export type TrainingListItemDto = z.infer<typeof trainingListItemSchema>;

/** Repeatable filters accept `?kind=a&kind=b` and `?kind=a,b`. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean)),
    z.array(item).max(30).optional(),
  );

export const searchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  competence: list(competenceCode),
  /** Only trainings whose step for the chosen competences starts at this level. */
  fromLevel: levelCodeSchema.optional(),
  kind: list(trainingKindSchema),
  province: list(provinceSchema),
  language: list(z.enum(trainingLanguages)),
  educationLevel: list(z.enum(trainingEducationLevels as [string, ...string[]])),
  audience: list(z.enum(trainingAudiences)),
  price: z.enum(priceFilters).optional(),
  /** Trainings with a session starting on or after / on or before this date (YYYY-MM-DD). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(searchSorts).default('relevance'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

const facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const searchResultSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(trainingListItemSchema),
    /** Counts per value of each filter, over the results of all other filters. */
    facets: z.object({
      competence: facet,
      kind: facet,
      province: facet,
      language: facet,
      educationLevel: facet,
      audience: facet,
      price: facet,
    }),
  })
  .meta({ id: 'TrainingSearchResult' });
export type SearchResultDto = z.infer<typeof searchResultSchema>;

export const recommendationSchema = z
  .object({
    training: trainingSummarySchema,
    /** The competence of the teacher's profile this training serves. */
    competence: competenceCode,
    currentLevel: levelCodeSchema,
    targetLevel: levelCodeSchema,
    /** Why it is recommended, ready to show: "3.1 Teaching: you are at A2; this training takes you to B1". */
    reason: localisedTextSchema,
    score: z.number(),
  })
  .meta({ id: 'Recommendation' });
export const recommendationsSchema = z
  .object({ basedOn: z.object({ scanId: z.string(), submittedAt: z.string() }), items: z.array(recommendationSchema) })
  .meta({ id: 'Recommendations' });
export type RecommendationsDto = z.infer<typeof recommendationsSchema>;
/** Null before the first submitted scan: nothing yet is an answer, not an error. */
export const myRecommendationsSchema = recommendationsSchema.nullable();

export const enrolmentSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    trainingId: z.string(),
    trainingTitle: z.string(),
    startsAt: z.string(),
    status: z.enum(['enrolled', 'waitlisted', 'cancelled']),
    /** Place on the waiting list, 1 = next in line. */
    position: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Enrolment' });
export type EnrolmentDto = z.infer<typeof enrolmentSchema>;

export const providerInputSchema = z.object({
  name: z.string().trim().min(2).max(200),
  contactEmail: z.email(),
  website: z.url().nullable().default(null),
});
export const providerSchema = providerInputSchema.extend({ id: z.string(), verified: z.boolean(), createdAt: z.string() }).meta({ id: 'Provider' });

export const importReportSchema = z
  .object({
    imported: z.number().int(),
    /** Every bad line and field; when there is one, nothing was imported. */
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'ImportReport' });

// ---------------------------------------------------------------- lists, parameters, queries

const id = z.string().min(1).max(64);
export const trainingParamsSchema = z.object({ trainingId: id });
export const sessionParamsSchema = z.object({ sessionId: id });
export const enrolmentParamsSchema = z.object({ enrolmentId: id });
export const providerParamsSchema = z.object({ providerId: id });
/** Admins name the provider they act for; a provider account may, when it works for several. */
export const providerChoiceQuerySchema = z.object({ providerId: id.optional() });
export const importQuerySchema = providerChoiceQuerySchema.extend({
  /** Validate only: report every problem, write nothing. */
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});
/** JSON import: the same trainings the CSV holds; each is checked and reported by its position (line = index + 1). */
export const importJsonBodySchema = z.object({ trainings: z.array(z.unknown()).min(1).max(20_000) });
export const recommendationsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export const listFormatQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const providerListSchema = z.object({ items: z.array(providerSchema) }).meta({ id: 'ProviderList' });
export const trainingSummaryListSchema = z.object({ items: z.array(trainingSummarySchema) }).meta({ id: 'TrainingSummaryList' });
export const enrolmentListSchema = z.object({ items: z.array(enrolmentSchema) }).meta({ id: 'EnrolmentList' });

export const sessionEnrolmentSchema = z
  .object({
    enrolmentId: z.string(),
    name: z.string(),
    email: z.string(),
    /** The names of the person's schools, comma separated; null when they belong to none. */
    school: z.string().nullable(),
    status: z.enum(['enrolled', 'waitlisted', 'cancelled']),
    position: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SessionEnrolment' });
export const sessionEnrolmentListSchema = z.object({ items: z.array(sessionEnrolmentSchema) }).meta({ id: 'SessionEnrolmentList' });

export const completionBodySchema = z.object({ completedOn: z.iso.date() });
export const completionListSchema = z.object({ items: z.array(z.object({ training: trainingSummarySchema, completedOn: z.string() })) }).meta({ id: 'CompletionList' });
