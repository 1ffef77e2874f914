import { useI18n } from '../../i18n';
import { useSession } from '../../platform/session';
import { Link } from '../../router';
import { managedSchools } from '../schoolAccess';
import { policyPlanPath } from './policyPaths';

/**
 * On a team member's start page: the ICT policy plan of each school they belong to but do not
 * manage (managers reach it through the school's pages), so the whole team can read it.
 */
export function MySchoolPlans() {
  const { t } = useI18n();
  const { user } = useSession();
  const managed = new Set(managedSchools(user).map((school) => school.schoolId));
  const schools = new Map<string, string>();
  for (const membership of user?.memberships ?? []) {
    if (!managed.has(membership.schoolId)) schools.set(membership.schoolId, membership.schoolName);
  }
  if (schools.size === 0) return null;
  return (
    <section className="card card-quiet" aria-labelledby="school-plans-title">
      <h2 id="school-plans-title">{t('policyPlan.homeTitle')}</h2>
      <ul>
        {[...schools].map(([schoolId, schoolName]) => (
          <li key={schoolId}>
            <Link href={policyPlanPath(schoolId)}>{t('policyPlan.homeLink', { school: schoolName })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
