import { useEffect, useRef, useState } from 'react';
import { grants } from '../../shared/platform/capabilities';
import { providerMemberships } from '../catalogue/provider/providerAccess';
import { centrePath } from '../centre/centreTabs';
import { useI18n } from '../i18n';
import { useSession } from '../platform/session';
import { Link, navigate, useLocation } from '../router';
import { managedSchools, schoolPath } from '../school/schoolAccess';
import { LanguageSwitch } from './LanguageSwitch';

const navItems = [
  { href: '/', key: 'nav.home', matches: (path: string) => path === '/' },
  { href: '/scan', key: 'nav.scan', matches: (path: string) => path.startsWith('/scan') },
  { href: '/profile', key: 'nav.profile', matches: (path: string) => path.startsWith('/profile') },
  { href: '/opleidingen', key: 'nav.trainings', matches: (path: string) => path.startsWith('/opleidingen') },
  {
    href: '/mijn-opleidingen',
    key: 'nav.myTrainings',
    matches: (path: string) => path.startsWith('/mijn-opleidingen') || path.startsWith('/aanbevelingen'),
  },
] as const;

/** The public STEM monitor, in the menu for everyone, logged in or not. */
const stemItem = { href: '/stem', key: 'nav.stem', matches: (path: string) => path.startsWith('/stem') } as const;
/** The knowledge base, public too. */
const knowledgeItem = { href: '/kennis', key: 'nav.knowledge', matches: (path: string) => path.startsWith('/kennis') && !path.startsWith('/kenniscentrum') } as const;

/** The knowledge centre, for its analysts and the admins. */
const centreItem = { href: centrePath, key: 'nav.centre', matches: (path: string) => path.startsWith(centrePath) } as const;

const providerItem = { href: '/aanbieder', key: 'nav.provider', matches: (path: string) => path.startsWith('/aanbieder') } as const;

const MENU_ID = 'main-menu';

/**
 * Product name, main navigation, language switch and log-out. On a narrow screen (under 45rem,
 * styles.css) the navigation and log-out fold behind a menu button; Escape or a new page folds
 * them again.
 */
export function TopBar() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const { path } = useLocation();
  // The menu is open on the page it was opened on: moving to another page folds it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === path;
  const menuButton = useRef<HTMLButtonElement>(null);
  const schools = managedSchools(user);
  const schoolItem =
    schools.length > 0 &&
    ({
      href: schoolPath(schools[0].schoolId),
      key: 'nav.school',
      matches: (current: string) => current.startsWith('/school'),
    } as const);
  const items = user
    ? [
        ...navItems,
        ...(providerMemberships(user).length > 0 ? [providerItem] : []),
        ...(schoolItem ? [schoolItem] : []),
        stemItem,
        knowledgeItem,
        ...(grants(user.globalRoles, 'readCentre') ? [centreItem] : []),
      ]
    : [stemItem, knowledgeItem];

  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [menuOpen]);

  const handleLogout = async () => {
    await logout();
    navigate('/login');
  };

  return (
    <header className="top-bar">
      <div className="top-bar-inner">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        <button ref={menuButton} type="button" className="menu-button" aria-expanded={menuOpen} aria-controls={MENU_ID} onClick={() => setOpenOn(menuOpen ? null : path)}>
          <span className="menu-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <div id={MENU_ID} className={menuOpen ? 'main-menu is-open' : 'main-menu'}>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.matches(path) ? 'page' : undefined}>
                    {t(item.key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {user && (
            <button type="button" className="button button-quiet log-out" onClick={handleLogout}>
              {t('auth.logout')}
            </button>
          )}
        </div>
        <LanguageSwitch />
      </div>
    </header>
  );
}
