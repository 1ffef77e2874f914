import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { bootcampsPath, centreActionsPath } from './centreActionsPaths';

/** Links between the register and the bootcamps; the knowledge centre's own sub-navigation lists them too. */
export function CentreActionsNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const links = [
    [centreActionsPath, t('centreActions.nav.actions')],
    [bootcampsPath, t('centreActions.nav.bootcamps')],
  ] as const;
  return (
    <nav aria-label={t('centreActions.registerTitle')} className="school-nav no-print">
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={path === href ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
