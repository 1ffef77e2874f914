import { z } from 'zod';
import { deviceTypes } from './device-types';

/** The schema of content/infra/indicators.json: the MICTIVO figures shown beside a school's own, and the CO2 factors of longer use. */

const sourceSchema = z.object({ title: z.string().min(1), url: z.url(), note: z.string().optional() });

export const indicatorContentSchema = z
  .object({
    id: z.literal('infra-indicators'),
    title: z.object({ nl: z.string().min(1), en: z.string().min(1) }),
    source: sourceSchema,
    mictivo: z.object({
      edition: z.string().min(1),
      devicesPer100Pupils: z.object({ primary: z.number().positive(), secondary: z.number().positive() }),
      source: sourceSchema,
    }),
    co2: z.object({
      source: sourceSchema,
      /** The share of a device's whole-life footprint that its production causes. */
      productionShare: z.number().gt(0).max(1),
      /** The age at which devices are usually replaced: every year beyond it postpones a new device's production. */
      usualLifeYears: z.number().positive().max(20),
      footprints: z
        .array(
          z.object({
            type: z.enum(deviceTypes),
            lifeFootprintKg: z.number().positive().max(10_000),
            verified: z.boolean(),
            note: z.string().min(1),
          }),
        )
        .min(1)
        .refine((rows) => new Set(rows.map((row) => row.type)).size === rows.length, 'names a device type twice'),
    }),
  })
  .meta({ id: 'InfraIndicatorContent' });

export type IndicatorContent = z.infer<typeof indicatorContentSchema>;

/** The content checked, or every problem with its path: a bad file stops the start, it never half loads. */
export function validateIndicatorContent(raw: unknown): { ok: true; content: IndicatorContent } | { ok: false; errors: string[] } {
  const parsed = indicatorContentSchema.safeParse(raw);
  if (parsed.success) return { ok: true, content: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`) };
}
