import { z } from 'zod';
import { fronts } from '../platform/fronts';
import { articleLanguages, articleSlugSchema, articleTopics, competenceCodeSchema, measureIdSchema } from './knowledge';

const lang = z.enum(articleLanguages).default('nl').describe('Language of the articles');

export const listArticlesQuerySchema = z
  .object({
    q: z.string().max(200).optional().describe('Words to search for in title, summary and text (each a prefix, all must match)'),
    front: z.enum(fronts).optional(),
    competence: competenceCodeSchema.optional().describe('A DigCompEdu competence code: the articles tagged with it'),
    area: z
      .string()
      .regex(/^[1-6]$/, 'a DigCompEdu area, 1 to 6')
      .optional()
      .describe('A DigCompEdu area: the articles tagged with any of its competences'),
    measure: measureIdSchema.optional().describe('A cyber-check measure id: the articles tagged with it'),
    topic: z.enum(articleTopics).optional(),
    lang,
  })
  .strict();
export type ListArticlesQuery = z.input<typeof listArticlesQuerySchema>;

export const articleParamsSchema = z.object({ slug: articleSlugSchema });
export const articleQuerySchema = z.object({ lang }).strict();

export const articleSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  fronts: z.array(z.enum(fronts)),
  competences: z.array(z.string()),
  measures: z.array(z.string()),
  topics: z.array(z.enum(articleTopics)),
});
export type ArticleSummaryDto = z.output<typeof articleSummarySchema>;

export const articleListSchema = z.object({
  items: z.array(articleSummarySchema),
  /** Every article's count per front and competence within the words searched, for the filters. */
  facets: z.object({ front: z.record(z.string(), z.number().int()), competence: z.record(z.string(), z.number().int()) }),
});
export type ArticleListDto = z.output<typeof articleListSchema>;

export const articleSchema = articleSummarySchema.extend({
  lang: z.enum(articleLanguages),
  /** Markdown (headings, paragraphs, lists, emphasis, links); the web app renders it without HTML. */
  body: z.string(),
});
export type ArticleDto = z.output<typeof articleSchema>;
