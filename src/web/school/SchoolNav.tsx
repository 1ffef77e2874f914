import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { campaignsPath, schoolPath } from './schoolAccess';

/** Team ↔ Digisnap campaigns, the two pages of a school. */
export function SchoolNav({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const team = schoolPath(schoolId);
  const campaigns = campaignsPath(schoolId);
  return (
    <nav aria-label={t('school.navLabel')} className="school-nav no-print">
      <ul>
        <li>
          <Link href={team} aria-current={path === team ? 'page' : undefined}>
            {t('school.navTeam')}
          </Link>
        </li>
        <li>
          <Link href={campaigns} aria-current={path.startsWith(campaigns) ? 'page' : undefined}>
            {t('school.navCampaigns')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
