import { providerMemberships } from '../catalogue/provider/providerAccess';
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

const providerItem = { href: '/aanbieder', key: 'nav.provider', matches: (path: string) => path.startsWith('/aanbieder') } as const;

/** Product name, main navigation, language switch and log-out. */
export function TopBar() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const { path } = useLocation();
  const schools = managedSchools(user);
  const schoolItem =
    schools.length > 0 &&
    ({
      href: schoolPath(schools[0].schoolId),
      key: 'nav.school',
      matches: (current: string) => current.startsWith('/school'),
    } as const);
  const items = user ? [...navItems, ...(providerMemberships(user).length > 0 ? [providerItem] : []), ...(schoolItem ? [schoolItem] : []), stemItem] : [stemItem];

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
        <div className="top-bar-tools">
          <LanguageSwitch />
          {user && (
            <button type="button" className="button button-quiet" onClick={handleLogout}>
              {t('auth.logout')}
            </button>
          )}
        </div>
      </div>
    </header>
  );
}
