import { type FormEvent, useMemo } from 'react';
import type { ArticleSummaryDto } from '../../shared/centre/knowledge-api';
import { type Front, fronts } from '../../shared/platform/fronts';
import { ErrorAlert } from '../components/ErrorAlert';
import { FrontOptions } from '../components/FrontOptions';
import { PageHeading } from '../components/PageHeading';
import { loadFramework } from '../digisnap/frameworkStore';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { useCombinedQuery } from '../serverState';
import { articlePath, type KnowledgeSearch, knowledgeHref } from './knowledgePaths';
import { useArticles } from './knowledgeQueries';
import './knowledge.css';

const frontOf = (value: string | null): Front | '' => fronts.find((front) => front === value) ?? '';

/** `/kennis`: the knowledge base for everyone, searched by words and filtered by front and competence; the search lives in the address. */
export function KnowledgePage() {
  const { t, text } = useI18n();
  const { query } = useLocation();
  const search: KnowledgeSearch = useMemo(
    () => ({ q: query.get('q') ?? '', front: frontOf(query.get('front')), competence: /^[1-6]\.[1-5]$/.test(query.get('competence') ?? '') ? query.get('competence')! : '' }),
    [query.toString()],
  );
  const articles = useArticles({ q: search.q || undefined, front: search.front || undefined, competence: search.competence || undefined });
  const framework = useCombinedQuery(['getCurrentFramework'], [], loadFramework);
  const go = (changes: Partial<KnowledgeSearch>) => navigate(knowledgeHref({ ...search, ...changes }), { keepScroll: true });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ q: String(new FormData(event.currentTarget).get('q') ?? '') });
  };
  const facets = articles.data?.facets;

  return (
    <section className="page knowledge-page" data-testid="knowledge-page">
      <PageHeading title={t('knowledge.title')}>{t('knowledge.title')}</PageHeading>
      <p className="lead">{t('knowledge.intro')}</p>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="knowledge-q">{t('knowledge.queryLabel')}</label>
        <div className="search-form-row">
          <input id="knowledge-q" key={search.q} name="q" type="search" defaultValue={search.q} maxLength={200} />
          <button type="submit" className="button button-primary">
            {t('knowledge.search')}
          </button>
        </div>
      </form>
      <div className="knowledge-filters">
        <div className="field">
          <label htmlFor="knowledge-front">{t('knowledge.front')}</label>
          <select id="knowledge-front" value={search.front} onChange={(event) => go({ front: frontOf(event.target.value) })}>
            <FrontOptions empty={t('knowledge.all')} suffix={(front) => `(${facets?.front[front] ?? 0})`} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="knowledge-competence">{t('knowledge.competence')}</label>
          <select id="knowledge-competence" value={search.competence} onChange={(event) => go({ competence: event.target.value })}>
            <option value="">{t('knowledge.all')}</option>
            {(framework.data?.areas ?? []).flatMap((area) =>
              area.competences.map((competence) => (
                <option key={competence.code} value={competence.code}>
                  {competence.code} {text(competence.name)} ({facets?.competence[competence.code] ?? 0})
                </option>
              )),
            )}
          </select>
        </div>
      </div>
      {articles.error && <ErrorAlert error={articles.error} onRetry={articles.reload} />}
      <p role="status" data-testid="knowledge-count">
        {articles.data ? t('knowledge.count', { count: articles.data.items.length }) : ''}
      </p>
      {articles.data && articles.data.items.length === 0 && (
        <p className="card card-quiet">
          {t('knowledge.empty')} <Link href={knowledgeHref({ q: '', front: '', competence: '' })}>{t('knowledge.clear')}</Link>
        </p>
      )}
      <ul className="article-list">
        {articles.data?.items.map((article) => (
          <li key={article.slug}>
            <ArticleCard article={article} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ArticleCard({ article }: { article: ArticleSummaryDto }) {
  const { t } = useI18n();
  return (
    <article className="card article-card" data-testid="article-card">
      <h2>
        <Link href={articlePath(article.slug)}>{article.title}</Link>
      </h2>
      <p>{article.summary}</p>
      <p className="muted">
        {article.fronts.map((front) => t(`fronts.${front}`)).join(' · ')}
        {article.competences.length > 0 && ` · ${article.competences.join(', ')}`}
      </p>
    </article>
  );
}
