import { z } from 'zod';
import { fronts } from '../platform/fronts';

/**
 * The knowledge base's articles: `content/articles/<slug>.<lang>.md`, a front matter of
 * `key: value` lines between `---` lines, then the Markdown body (see markdown.ts). Lists are
 * comma-separated. Both languages of an article carry the same tags.
 */

export const articleLanguages = ['nl', 'en'] as const;
export type ArticleLanguage = (typeof articleLanguages)[number];

/** What an article can be about besides its fronts, competences and measures; pages link by topic. */
export const articleTopics = ['digcompedu', 'cyber', 'replacement', 'refurbishing', 'policy-plan', 'digisnap-follow-up', 'ict-team', 'funding', 'ai'] as const;
export type ArticleTopic = (typeof articleTopics)[number];

export const articleSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens')
  .max(80);
/** A DigCompEdu competence code, 1.1 to 6.5. */
export const competenceCodeSchema = z.string().regex(/^[1-6]\.[1-5]$/, 'a DigCompEdu competence code such as 3.1');
/** A measure of the cyber check (content/instruments/cyber-check-*.json). */
export const measureIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a cyber-check measure id such as mfa-remote')
  .max(60);

/** A comma-separated list of at least `min` items. */
const list = <T extends z.ZodType<unknown, string>>(item: T, min = 0) =>
  z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item).min(min));

export const articleFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    summary: z.string().trim().min(1).max(300),
    fronts: list(z.enum(fronts), 1),
    competences: list(competenceCodeSchema),
    measures: list(measureIdSchema),
    topics: list(z.enum(articleTopics)),
  })
  .strict();
export type ArticleFrontMatter = z.output<typeof articleFrontMatterSchema>;

/** One language of one article, as loaded. */
export interface ArticleText extends ArticleFrontMatter {
  body: string;
}

/** The `key: value` lines of the front matter and the body after it; null without a front matter. */
export function splitFrontMatter(source: string): { fields: Record<string, string>; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return null;
  const fields: Record<string, string> = {};
  for (const line of match[1].split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : line.trim();
    fields[key] = colon > 0 ? line.slice(colon + 1).trim() : '';
  }
  return { fields, body: match[2].trim() };
}

/** One article file, checked: its front matter and body, or every problem with the field at fault. */
export function parseArticleFile(source: string): { ok: true; article: ArticleText } | { ok: false; errors: string[] } {
  const split = splitFrontMatter(source);
  if (!split) return { ok: false, errors: ['the file does not start with a front matter between --- lines'] };
  const checked = articleFrontMatterSchema.safeParse(split.fields);
  if (!checked.success) return { ok: false, errors: checked.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`) };
  if (split.body === '') return { ok: false, errors: ['body: an article needs a text'] };
  return { ok: true, article: { ...checked.data, body: split.body } };
}

/** The tags that both languages of an article must share. */
export const articleTagKeys = ['fronts', 'competences', 'measures', 'topics'] as const;
