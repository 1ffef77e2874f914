import { useI18n } from '../i18n';
import { Link } from '../router';

interface Props {
  page: number;
  pageCount: number;
  hrefFor(page: number): string;
}

/** Previous / "page 2 of 7" / next, as links so each page has its own address. */
export function Pagination({ page, pageCount, hrefFor }: Props) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('search.pagination')}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="button button-secondary" rel="prev">
          <span aria-hidden="true">← </span>
          {t('search.previous')}
        </Link>
      ) : (
        <span />
      )}
      <p className="pagination-position">{t('search.pageOf', { page, pages: pageCount })}</p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className="button button-secondary" rel="next">
          {t('search.next')}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
