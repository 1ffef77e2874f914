import { z } from 'zod';
import { bandCodeSchema as bandCode, levelCodeSchema as levelCode, localisedTextSchema } from './framework';
import { scanResultSchema as scoringResultSchema } from './scoring';

export const competenceCodeSchema = z.string().regex(/^\d\.\d$/, 'a competence code such as 3.1');
export const scanIdSchema = z.string().min(1).max(64);

export const scanStatusSchema = z.enum(['in_progress', 'submitted']);

export const backgroundSchema = z
  .object({
    educationLevel: z.string().max(40).nullable().optional(),
    experience: z.string().max(40).nullable().optional(),
    subject: z.string().max(40).nullable().optional(),
  })
  .strict();
export type Background = z.infer<typeof backgroundSchema>;

export const scanResultSchema = scoringResultSchema.meta({ id: 'ScanResult' });
export type ScanResultDto = z.infer<typeof scanResultSchema>;

export const scanSchema = z
  .object({
    id: z.string(),
    frameworkId: z.string(),
    frameworkVersion: z.string(),
    status: scanStatusSchema,
    startedAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    answers: z.record(z.string(), z.number().int()).describe('Chosen option index per competence code'),
    background: backgroundSchema,
    progress: z.object({ answered: z.number().int(), total: z.number().int() }),
    result: scanResultSchema.nullable().describe('Present once the scan is submitted'),
  })
  .meta({ id: 'Scan' });
export type ScanDto = z.infer<typeof scanSchema>;

export const frameworkVersionSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    label: localisedTextSchema.describe('How scans taken with this version are labelled, e.g. "Digisnap 2017 (CheckIn)"'),
    scoringRule: z.enum(['level-per-statement', 'checkin-cutoffs']),
    maxTotal: z.number().int().describe('The highest total a scan of this version can reach'),
    current: z.boolean().describe('Whether new scans are taken with this version'),
  })
  .meta({ id: 'FrameworkVersion' });
export type FrameworkVersionDto = z.infer<typeof frameworkVersionSchema>;
export const frameworkVersionListSchema = z.object({ frameworks: z.array(frameworkVersionSchema) });

export const frameworkVersionParamsSchema = z.object({
  frameworkId: z.string().min(1).max(40),
  version: z.string().min(1).max(40),
});

export const scanParamsSchema = z.object({ scanId: scanIdSchema });
export const answerParamsSchema = z.object({ scanId: scanIdSchema, competence: competenceCodeSchema });
export const answerBodySchema = z.object({ option: z.number().int().min(0).max(20) });

export const scanSummarySchema = z
  .object({
    id: z.string(),
    frameworkId: z.string(),
    frameworkVersion: z.string(),
    status: scanStatusSchema,
    startedAt: z.string(),
    submittedAt: z.string().nullable(),
    total: z.number().int().nullable(),
    level: levelCode.nullable(),
    band: bandCode.nullable(),
  })
  .meta({ id: 'ScanSummary' });
export type ScanSummaryDto = z.infer<typeof scanSummarySchema>;
export const scanListSchema = z.object({ scans: z.array(scanSummarySchema) });

export const growthPointSchema = z.object({
  scanId: z.string(),
  submittedAt: z.string(),
  frameworkVersion: z.string(),
  total: z.number().int(),
  level: levelCode,
  areas: z.array(z.object({ number: z.number().int(), score: z.number().int(), max: z.number().int() })),
});

export const profileSchema = z
  .object({
    scanId: z.string(),
    frameworkId: z.string(),
    frameworkVersion: z.string(),
    submittedAt: z.string(),
    result: scanResultSchema,
    /** Earlier submitted scans, oldest first, then this one. */
    history: z.array(growthPointSchema),
    /** Change per area since the previous submitted scan of the same framework version; null for the first scan. */
    growth: z
      .object({
        since: z.string(),
        totalChange: z.number().int(),
        areas: z.array(z.object({ number: z.number().int(), change: z.number().int() })),
      })
      .nullable(),
  })
  .meta({ id: 'Profile' });
export type ProfileDto = z.infer<typeof profileSchema>;
/** Null before the first submitted scan: nothing yet is an answer, not an error. */
export const myProfileSchema = profileSchema.nullable();
