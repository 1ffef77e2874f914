import { z } from 'zod';
import { levelCodeSchema } from '../digisnap/framework';
import { educationLevels, provinces } from '../platform/flanders';
import { ALL_EDUCATION_LEVELS } from './gap';

/** The contracts of the knowledge centre's needs against the training offer (issue 14 §2). */

/** Months ahead whose sessions count as offer by default. */
export const DEFAULT_OFFER_MONTHS = 6;
/** The level every teacher should reach in a competence unless the centre sets another: the KD norm "at least B". */
export const DEFAULT_TARGET = 'B1';

const competenceCodeSchema = z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'must be a competence code such as 5.2');

export const needsOfferQuerySchema = z.object({
  province: z.enum(provinces).optional().describe('Left out: every province'),
  level: z.enum(educationLevels).optional().describe('An education level; left out: each province’s sum over every level'),
  competence: competenceCodeSchema.optional().describe('A competence of the current Digisnap framework; left out: every competence'),
  months: z.coerce.number().int().min(1).max(24).default(DEFAULT_OFFER_MONTHS).describe('Sessions starting within this many months count as offer'),
});
export type NeedsOfferQuery = z.infer<typeof needsOfferQuerySchema>;

export const needsOfferCellSchema = z
  .object({
    province: z.enum(provinces),
    level: z.string().describe('An education level, or `all`: the province over every level'),
    competence: z.string(),
    need: z.number().int().min(5).nullable().describe('Teachers whose latest scan is below the target (noisy); null when hidden by the privacy gate, never shown as zero'),
    scanned: z.number().int().min(5).nullable().describe('Teachers with a scan (noisy); null when hidden'),
    places: z
      .number()
      .int()
      .min(0)
      .describe('Free places in sessions within reach (the province or online) that start within the months and take the competence from below the target'),
    shortfall: z.number().int().min(0).nullable().describe('need − places, at least 0; null when the need is hidden'),
    gapIndex: z.number().min(0).max(1).nullable().describe('shortfall ÷ need: the share of the need no place covers'),
    rank: z.number().int().min(1).describe('1 is the largest gap of the answer (largest shortfall, then index); hidden cells last'),
  })
  .meta({ id: 'NeedsOfferCell' });
export type NeedsOfferCell = z.infer<typeof needsOfferCellSchema>;

export const centreTargetSchema = z
  .object({ competence: z.string(), name: z.object({ nl: z.string(), en: z.string() }), area: z.number().int(), level: levelCodeSchema })
  .meta({ id: 'CentreTarget' });
export type CentreTarget = z.infer<typeof centreTargetSchema>;

export const needsOfferSchema = z
  .object({
    months: z.number().int(),
    offerFrom: z.string().describe('Sessions from this day (UTC, inclusive)…'),
    offerTo: z.string().describe('…to this day (exclusive)'),
    threshold: z.number().int().min(5).describe('No published count is under it'),
    epsilon: z.number().describe('ε of each histogram of the release (noise as the school reports)'),
    scanVersion: z.number().int().describe('The scans’ data version the need was counted at'),
    targets: z.array(centreTargetSchema).describe('Every competence of the current framework, with its target level'),
    cells: z.array(needsOfferCellSchema).describe('Ranked: the largest gaps first'),
  })
  .meta({ id: 'NeedsOffer' });
export type NeedsOffer = z.infer<typeof needsOfferSchema>;

export const centreTargetParamsSchema = z.object({ competence: competenceCodeSchema });
export const centreTargetBodySchema = z.object({ level: levelCodeSchema.describe('The level teachers should reach; below it they need a step') }).strict();
export const centreTargetsSchema = z.object({ targets: z.array(centreTargetSchema) }).meta({ id: 'CentreTargets' });

export const gapProvidersQuerySchema = z.object({ province: z.enum(provinces), competence: competenceCodeSchema });
export const gapProviderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    trainings: z.number().int().describe('Published trainings on a competence of the same area, in the province or online'),
    competences: z.array(z.string()),
  })
  .meta({ id: 'GapProvider' });
export const gapProvidersSchema = z.object({ area: z.number().int(), providers: z.array(gapProviderSchema) }).meta({ id: 'GapProviders' });
export type GapProviders = z.infer<typeof gapProvidersSchema>;

export const gapMessageBodySchema = z
  .object({
    province: z.enum(provinces),
    level: z.enum([...educationLevels, ALL_EDUCATION_LEVELS]),
    competence: competenceCodeSchema,
    providerIds: z.array(z.string().min(1).max(100)).min(1).max(200).describe('Verified providers; others are refused'),
    subject: z.string().trim().min(1).max(200),
    message: z.string().trim().min(1).max(5_000),
  })
  .strict();
export type GapMessageBody = z.infer<typeof gapMessageBodySchema>;
export const gapMessageResultSchema = z.object({ sent: z.number().int().describe('Messages queued in the outbox, one per provider') }).meta({ id: 'GapMessageResult' });
