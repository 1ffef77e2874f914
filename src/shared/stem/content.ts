import { z } from 'zod';
import { isSchoolYear, stemBreakdowns, stemCategories, stemDefinitions, stemGenders, stemLevels, stemMoments, stemMomentsOfLevel } from './vocabulary';

/**
 * The schema of content/stem/monitor.json: the categories, the two definitions and which years use
 * which, the indicators with what they count, the targets and the published values.
 */

const text = z.object({ nl: z.string().min(1), en: z.string().min(1) });
const schoolYear = z.string().refine(isSchoolYear, 'must be a school year as 2018-2019');
const share = z.number().min(0).max(1);
const cited = { source: z.string().min(1), sourceUrl: z.url(), verified: z.boolean() };

const indicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    level: z.enum(stemLevels),
    moment: z.enum(stemMoments),
    name: text,
    description: text,
    population: text,
    numerator: text,
    denominator: text,
    countedCategories: z.array(z.enum(stemCategories)).min(1),
    numeratorGender: z.enum(stemGenders).nullable(),
    denominatorStemOnly: z.boolean(),
    baselineYear: schoolYear,
    breakdowns: z.array(z.enum(stemBreakdowns)).min(1),
  })
  .refine((indicator) => (stemMomentsOfLevel[indicator.level] as readonly string[]).includes(indicator.moment), { message: 'the moment is not one of its level', path: ['moment'] })
  .refine((indicator) => !indicator.countedCategories.includes('non_stem'), { message: 'non_stem is never counted as STEM', path: ['countedCategories'] })
  .refine((indicator) => indicator.numeratorGender !== null || !indicator.denominatorStemOnly, {
    message: 'a share among STEM pupils needs a gender for its numerator',
    path: ['numeratorGender'],
  });

export const stemContentSchema = z
  .object({
    id: z.literal('stem-monitor'),
    title: text,
    source: z.object({ title: z.string().min(1), url: z.url(), note: z.string().optional() }),
    categories: z.array(z.object({ id: z.enum(stemCategories), name: text, description: text })).length(stemCategories.length),
    definitions: z.array(
      z.object({
        id: z.enum(stemDefinitions),
        name: text,
        description: text,
        use: z.array(z.object({ level: z.enum(stemLevels), fromYear: schoolYear.nullable(), untilYear: schoolYear.nullable() })),
        source: z.string().min(1),
        sourceUrl: z.url(),
      }),
    ),
    indicators: z.array(indicatorSchema).min(1),
    targets: z.array(z.object({ indicator: z.string(), value: share, deadlineYear: schoolYear, ...cited })),
    published: z.array(z.object({ indicator: z.string(), year: schoolYear, value: share, breakdown: z.enum(stemBreakdowns), group: z.string().nullable(), ...cited })),
  })
  .superRefine((content, ctx) => {
    const ids = new Set<string>();
    content.indicators.forEach((indicator, i) => {
      if (ids.has(indicator.id)) ctx.addIssue({ code: 'custom', message: `names ${indicator.id} twice`, path: ['indicators', i, 'id'] });
      ids.add(indicator.id);
    });
    for (const part of ['targets', 'published'] as const)
      content[part].forEach((row, i) => {
        if (!ids.has(row.indicator)) ctx.addIssue({ code: 'custom', message: `no indicator ${row.indicator}`, path: [part, i, 'indicator'] });
      });
    if (new Set(content.categories.map((category) => category.id)).size !== content.categories.length)
      ctx.addIssue({ code: 'custom', message: 'names a category twice', path: ['categories'] });
    for (const level of stemLevels) {
      const covering = content.definitions.flatMap((definition) => definition.use.filter((use) => use.level === level));
      if (covering.length === 0) ctx.addIssue({ code: 'custom', message: `no definition is used for ${level}`, path: ['definitions'] });
    }
  })
  .meta({ id: 'StemContent' });

export type StemContent = z.infer<typeof stemContentSchema>;
export type StemIndicatorContent = StemContent['indicators'][number];

/** The content checked, or every problem with its path: a bad file stops the start, it never half loads. */
export function validateStemContent(raw: unknown): { ok: true; content: StemContent } | { ok: false; errors: string[] } {
  const parsed = stemContentSchema.safeParse(raw);
  if (parsed.success) return { ok: true, content: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`) };
}
