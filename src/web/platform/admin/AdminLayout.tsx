import { type ReactNode, useState } from 'react';
import { grants } from '../../../shared/platform/capabilities';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { useSession } from '../session';

const sections = [
  { href: '/beheer', key: 'admin.navAccounts' },
  { href: '/beheer/scholen', key: 'admin.navSchools' },
  { href: '/beheer/aanbieders', key: 'admin.navProviders' },
  { href: '/beheer/mails', key: 'admin.navOutbox' },
  { href: '/beheer/audit', key: 'admin.navAudit' },
] as const;

/** The administrator's pages: their heading, the links between them, and a word for anyone else who opens one. */
export function AdminLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { path } = useLocation();
  if (!user || !grants(user.globalRoles, 'manageAccounts')) {
    return (
      <section className="page page-narrow">
        <PageHeading title={t('admin.onlyTitle')}>{t('admin.onlyTitle')}</PageHeading>
        <p>{t('admin.onlyText')}</p>
        <p>
          <Link href="/">{t('admin.toHome')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page">
      <PageHeading title={title}>{title}</PageHeading>
      <nav aria-label={t('admin.navLabel')} className="school-nav no-print">
        <ul>
          {sections.map((section) => (
            <li key={section.href}>
              <Link href={section.href} aria-current={path === section.href ? 'page' : undefined}>
                {t(section.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </section>
  );
}

/** How many rows a list of the administrator's pages shows at a time. */
export const PAGE_SIZE = 50;

/** A list's search text and page, as its query: a new search starts again at the first page. */
export function useSearchedPage() {
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const search = (text: string) => {
    setQ(text);
    setOffset(0);
  };
  return { query: { q: q || undefined, limit: PAGE_SIZE, offset }, offset, setOffset, search };
}

/** A search field with its button, for the lists of the administrator's pages. */
export function SearchForm({ id, label, onSearch }: { id: string; label: string; onSearch: (text: string) => void }) {
  const { t } = useI18n();
  return (
    <form
      className="form-inline"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(String(new FormData(event.currentTarget).get('q') ?? '').trim());
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} name="q" type="search" />
      </div>
      <button type="submit" className="button button-secondary">
        {t('admin.search')}
      </button>
    </form>
  );
}

/** Previous and next page of a list. */
export function PageButtons({ offset, hasMore, onOffset }: { offset: number; hasMore: boolean; onOffset: (offset: number) => void }) {
  const { t } = useI18n();
  if (offset === 0 && !hasMore) return null;
  return (
    <div className="actions">
      <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}>
        {t('admin.previous')}
      </button>
      <button type="button" className="button button-secondary" disabled={!hasMore} onClick={() => onOffset(offset + PAGE_SIZE)}>
        {t('admin.next')}
      </button>
    </div>
  );
}
