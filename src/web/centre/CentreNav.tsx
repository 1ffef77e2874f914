import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { centreTabs } from './centreTabs';

/** The centre's sub-navigation: a link per page, the current one marked for screen readers too. */
export function CentreNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <nav aria-label={t('centre.navLabel')} className="centre-nav" data-testid="centre-nav">
      <ul>
        {centreTabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={tab.matches(path) ? 'page' : undefined}>
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
