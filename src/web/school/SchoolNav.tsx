import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { cyberPath } from './cyber-check/cyberPaths';
import { policyPlanPath } from './policy-plan/policyPaths';
import { reflectionsPath } from './reflection/reflectionPaths';
import { budgetPath, campaignsPath, schoolPath, trainingPlanPath } from './schoolAccess';

/** The pages of a school: team, Digisnap campaigns, training plan, training budget, school reflection, cybersecurity check, ICT policy plan and ICT park. */
export function SchoolNav({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const team = schoolPath(schoolId);
  const items = [
    { href: team, label: t('school.navTeam'), current: path === team },
    { href: campaignsPath(schoolId), label: t('school.navCampaigns'), current: path.startsWith(campaignsPath(schoolId)) },
    { href: trainingPlanPath(schoolId), label: t('school.navTrainingPlan'), current: path === trainingPlanPath(schoolId) },
    { href: budgetPath(schoolId), label: t('school.navBudget'), current: path === budgetPath(schoolId) },
    { href: reflectionsPath(schoolId), label: t('reflection.nav'), current: path.startsWith(reflectionsPath(schoolId)) },
    { href: cyberPath(schoolId), label: t('cyber.nav'), current: path.startsWith(cyberPath(schoolId)) },
    { href: policyPlanPath(schoolId), label: t('policyPlan.nav'), current: path === policyPlanPath(schoolId) },
    { href: `${team}/ict-team`, label: t('ictTeam.nav'), current: path === `${team}/ict-team` },
    // The ICT park is the infra module's; its address is written here, not imported.
    { href: `${team}/ictpark`, label: t('infra.nav'), current: path.startsWith(`${team}/ictpark`) },
  ];
  return (
    <nav aria-label={t('school.navLabel')} className="school-nav no-print">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
