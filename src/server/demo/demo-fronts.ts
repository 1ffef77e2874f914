import { brusselsDate } from '../../shared/platform/brussels-time';
import { schoolYearAfter, schoolYearOf } from '../../shared/school/policy-plan/policy-plan-rules';
import type { Services } from '../app';

/**
 * The demo school's ICT policy plan over this school year and the next two, so the knowledge
 * centre's fronts and open data show a school with a current plan.
 */
export async function seedDemoPolicyPlan(services: Services, schoolId: string, principalId: string): Promise<void> {
  const year = schoolYearOf(brusselsDate(new Date()));
  await services.policyPlan.saveVision(principalId, schoolId, {
    vision: 'Elke leerling en leraar gebruikt digitale middelen doelgericht, veilig en met vertrouwen.',
    periodFrom: year,
    periodTo: schoolYearAfter(year, 2),
    version: 0,
  });
}
