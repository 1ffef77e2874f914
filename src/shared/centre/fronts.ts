import { z } from 'zod';

/**
 * The other fronts of the digital leap, Flanders-wide (issue 14 §1): what each module answers the
 * centre through a narrow need, and the `fronts` part of the centre's overview. Every figure
 * names the module it comes from and the date of its data.
 */

const text = z.object({ nl: z.string(), en: z.string() });
const share = z.number().min(0).max(1).nullable().describe('0 to 1; null when there is nothing to divide by');
const count = z.number().int().min(0);

/** Where a figure comes from: the owning module, and the day its data was read or its latest school year. */
export const frontSourceSchema = z.object({
  module: z.enum(['infra', 'school', 'stem']),
  asOf: z.string().nullable().describe('The day (YYYY-MM-DD) or school year (2024-2025) of the data; null without data'),
});

export const ictParkFrontSchema = z.object({
  source: frontSourceSchema,
  schools: count.describe('Schools with at least one device in the platform'),
  devices: count,
  devicesPer100Pupils: z
    .object({ primary: z.number().nullable(), secondary: z.number().nullable() })
    .describe('Computers per 100 pupils of the schools with pupil counts, by their main level'),
  youngerThanFourYears: share,
  averageAgeYears: z.number().nullable(),
});

export const fundingFrontSchema = z.object({
  source: frontSourceSchema,
  schemes: z.array(
    z.object({
      scheme: z.string(),
      name: text,
      schools: count.describe('Schools with a budget under the scheme'),
      budgetCents: z.number().int(),
      spentCents: z.number().int(),
      spentShare: share,
    }),
  ),
});

export const policyPlanFrontSchema = z.object({
  source: frontSourceSchema,
  schools: count,
  withCurrentPlan: count.describe('Schools whose plan has a vision and a period that covers the current school year'),
  share,
});

export const cyberCheckFrontSchema = z.object({
  source: frontSourceSchema,
  schools: count.describe('Schools with a finished check; each school counts with its latest'),
  topics: z.array(z.object({ topic: z.string(), name: text, maturity: share.describe('The mean share of the topic’s measures in place') })),
});

export const reflectionFrontSchema = z.object({
  source: frontSourceSchema,
  rounds: count.describe('Published reflection rounds the figures add up'),
  areas: z.array(
    z.object({
      area: z.string(),
      name: text,
      respondents: count.nullable().describe('null: fewer than five, hidden'),
      score: z.number().nullable().describe('The respondents’ mean on the instrument’s scale; null when hidden'),
    }),
  ),
});

export const stemFrontSchema = z.object({
  source: frontSourceSchema,
  indicators: z.array(
    z.object({
      indicator: z.string(),
      name: text,
      year: z.string().nullable(),
      value: share,
      target: z.object({ value: z.number(), deadlineYear: z.string() }).nullable(),
    }),
  ),
});

export const frontsSchema = z
  .object({
    ictPark: ictParkFrontSchema,
    funding: fundingFrontSchema,
    policyPlans: policyPlanFrontSchema,
    cyberCheck: cyberCheckFrontSchema,
    reflection: reflectionFrontSchema,
    stem: stemFrontSchema,
  })
  .meta({ id: 'CentreFronts' });

export type FrontSource = z.infer<typeof frontSourceSchema>;
export type IctParkFront = z.infer<typeof ictParkFrontSchema>;
export type FundingFront = z.infer<typeof fundingFrontSchema>;
export type PolicyPlanFront = z.infer<typeof policyPlanFrontSchema>;
export type CyberCheckFront = z.infer<typeof cyberCheckFrontSchema>;
export type ReflectionFront = z.infer<typeof reflectionFrontSchema>;
export type StemFront = z.infer<typeof stemFrontSchema>;
export type Fronts = z.infer<typeof frontsSchema>;

/** The overview's fronts as the skeleton declared them, until the overview reads `frontsSchema` (the integrator joins the two). */
export const centreFrontsSchema = z.object({});
export type CentreFronts = z.infer<typeof centreFrontsSchema>;
