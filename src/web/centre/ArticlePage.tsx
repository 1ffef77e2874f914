import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ArticleBody } from './ArticleBody';
import { knowledgeHref, knowledgePath } from './knowledgePaths';
import { useArticle } from './knowledgeQueries';
import './knowledge.css';

/** `/kennis/:slug`: one article, in the reader's language, with links to the other articles of its competences. */
export function ArticlePage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const article = useArticle(slug);
  if (article.loading && !article.data) return <Loading />;
  if (article.error || !article.data)
    return (
      <NarrowPage title={t('knowledge.title')}>
        {article.error && <ErrorAlert error={article.error} onRetry={article.reload} />}
        <Link href={knowledgePath}>{t('knowledge.back')}</Link>
      </NarrowPage>
    );
  const { title, summary, body, fronts, competences } = article.data;
  return (
    <article className="page page-narrow article-page" data-testid="article-page">
      <p className="no-print">
        <Link href={knowledgePath}>{t('knowledge.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{summary}</p>
      <ArticleBody markdown={body} />
      <footer className="article-tags">
        <h2>{t('knowledge.tags')}</h2>
        <ul>
          {fronts.map((front) => (
            <li key={front}>
              <Link href={knowledgeHref({ q: '', front, competence: '' })}>{t(`fronts.${front}`)}</Link>
            </li>
          ))}
          {competences.map((code) => (
            <li key={code}>
              <Link href={knowledgeHref({ q: '', front: '', competence: code })}>{t('knowledge.competenceTag', { code })}</Link>
            </li>
          ))}
        </ul>
      </footer>
    </article>
  );
}
