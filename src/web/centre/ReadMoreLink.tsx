import type { ListArticlesQuery } from '../../shared/centre/knowledge-api';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { articlePath } from './knowledgePaths';
import { useArticles } from './knowledgeQueries';

type Tag = Pick<ListArticlesQuery, 'competence' | 'area' | 'measure' | 'topic'>;

/**
 * "Read more": a link to the knowledge base's first article with this tag, where one exists;
 * nothing otherwise. Pages that help a school or a teacher act put one beside the thing it explains.
 */
export function ReadMoreLink({ tag }: { tag: Tag }) {
  const { t } = useI18n();
  const articles = useArticles(tag);
  const article = articles.data?.items[0];
  if (!article) return null;
  return (
    <Link href={articlePath(article.slug)} className="read-more" data-testid="read-more">
      {t('knowledge.readMore')}
      <span className="visually-hidden">: {article.title}</span>
    </Link>
  );
}
