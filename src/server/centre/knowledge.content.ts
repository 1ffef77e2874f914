import { readdirSync, readFileSync } from 'node:fs';
import { type ArticleLanguage, type ArticleText, articleLanguages, articleSlugSchema, articleTagKeys, parseArticleFile } from '../../shared/centre/knowledge';

/** One article in both languages. */
export interface Article {
  slug: string;
  texts: Record<ArticleLanguage, ArticleText>;
}

const FILE = /^(.+)\.(nl|en)\.md$/;

/**
 * content/articles, checked at start-up: every file named `<slug>.<nl|en>.md`, both languages
 * present, valid front matter, the same tags in both. A bad file stops the server with every
 * problem named by file and field.
 */
export function loadArticles(contentDir: string): Article[] {
  const dir = `${contentDir}/articles`;
  const errors: string[] = [];
  const bySlug = new Map<string, Partial<Record<ArticleLanguage, ArticleText>>>();
  for (const name of readdirSync(dir).sort()) {
    const match = FILE.exec(name);
    if (!match || !articleSlugSchema.safeParse(match[1]).success) {
      errors.push(`${name}: not named <slug>.nl.md or <slug>.en.md`);
      continue;
    }
    const parsed = parseArticleFile(readFileSync(`${dir}/${name}`, 'utf8'));
    if (!parsed.ok) errors.push(...parsed.errors.map((error) => `${name}: ${error}`));
    else bySlug.set(match[1], { ...bySlug.get(match[1]), [match[2]]: parsed.article });
  }
  const articles: Article[] = [];
  for (const [slug, texts] of bySlug) {
    const missing = articleLanguages.filter((lang) => !texts[lang]);
    if (missing.length > 0) {
      errors.push(`${slug}: no ${missing.join(', ')} text`);
      continue;
    }
    const { nl, en } = texts as Record<ArticleLanguage, ArticleText>;
    for (const key of articleTagKeys) if (nl[key].join() !== en[key].join()) errors.push(`${slug}.en.md: ${key} differ from the nl text`);
    articles.push({ slug, texts: { nl, en } });
  }
  if (errors.length > 0) throw new Error(`${dir} is not valid:\n${errors.join('\n')}`);
  return articles;
}
