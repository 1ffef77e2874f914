import type { Role } from '../../shared/platform/api';
import { brusselsDate } from '../../shared/platform/brussels-time';
import type { Services } from '../app';
import type { Db } from '../platform/db/database';
import { seedDemoCentreActions } from './demo-centre-actions';
import { coverageTrainings } from './demo-coverage';
import { seedDemoDecommission } from './demo-decommission';
import { seedDemoDevices, seedDemoSecondPark } from './demo-devices';
import { seedDemoFlanders } from './demo-flanders';
import { seedDemoFollowUp } from './demo-follow-up';
import { seedDemoFunding } from './demo-funding';
import { seedDemoIctTeams } from './demo-ict-teams';
import { seedDemoBoundLoan } from './demo-loan-links';
import { demoScanner } from './demo-scans';
import { seedDemoCyberCheck, seedDemoPolicyPlan, seedDemoReflection, seedDemoRound } from './demo-school-round';
import { seedDemoStem } from './demo-stem';
import { demoProviders, generateDemoTrainings } from './demo-trainings';
import { seededRandom } from './simulated-answers';

export const DEMO_PASSWORD = 'Digisnap-demo-2026';

export interface DemoAccount {
  email: string;
  role: Role;
  displayName: string;
  note: string;
}

const demoSchool = {
  name: 'Basisschool De Sprong (demo)',
  institutionNumber: '999001',
  educationLevel: 'primary',
  province: 'oost-vlaanderen',
};

/** Seeds a demo school with its team and completed scans. Returns the accounts to print. */
export async function seedDemoData(services: Services, db: Db): Promise<DemoAccount[]> {
  const boardId = await services.boards.createBoard({ name: 'Scholengroep De Sprong (demo)', number: '999100' });
  const schoolId = await services.schools.createSchool({ ...demoSchool, boardId });
  const accounts: DemoAccount[] = [
    { email: 'leerkracht@demo.digisprong.be', role: 'teacher', displayName: 'Lore Leerkracht', note: 'teacher with two completed scans' },
    { email: 'nieuw@demo.digisprong.be', role: 'teacher', displayName: 'Nina Nieuw', note: 'teacher who has not scanned yet' },
    { email: 'ict@demo.digisprong.be', role: 'ict_coordinator', displayName: 'Ilias ICT', note: 'ICT coordinator, manages the ICT park' },
    { email: 'directie@demo.digisprong.be', role: 'principal', displayName: 'Dominique Directie', note: 'principal' },
    { email: 'bestuur@demo.digisprong.be', role: 'board_admin', displayName: 'Bert Bestuur', note: 'board admin: the ICT park and funding of the board’s two schools' },
    { email: 'admin@demo.digisprong.be', role: 'admin', displayName: 'Ada Admin', note: 'platform administrator' },
    { email: 'kenniscentrum@demo.digisprong.be', role: 'centre_analyst', displayName: 'Kato Kenniscentrum', note: 'knowledge centre analyst: imports the STEM counts' },
    { email: 'aanbieder@demo.digisprong.be', role: 'provider', displayName: 'Arne Aanbieder', note: `training provider (${demoProviders[0].name})` },
  ];
  const ids = new Map<string, string>();
  for (const account of accounts) {
    const { userId } = await services.auth.createAccount({
      email: account.email,
      password: DEMO_PASSWORD,
      displayName: account.displayName,
      role: account.role,
      schoolId: ['admin', 'provider', 'centre_analyst'].includes(account.role) ? undefined : schoolId,
    });
    ids.set(account.email, userId);
  }

  const scan = demoScanner(services, db);
  const teacher = ids.get('leerkracht@demo.digisprong.be')!;
  await scan(teacher, 0.3, 240);
  await seedDemoCatalogue(services, ids.get('aanbieder@demo.digisprong.be')!, teacher);
  const team = {
    schoolId,
    principalId: ids.get('directie@demo.digisprong.be')!,
    ictId: ids.get('ict@demo.digisprong.be')!,
    boardAdminId: ids.get('bestuur@demo.digisprong.be')!,
    teacherId: teacher,
  };
  const round = await seedDemoRound(services, scan, team);
  await seedDemoReflection(services, team, round);
  await seedDemoDevices(services, schoolId, ids.get('ict@demo.digisprong.be')!);
  await seedDemoBoundLoan(services, schoolId, ids.get('ict@demo.digisprong.be')!, teacher);
  const second = await services.schools.createSchool({
    name: 'Basisschool De Sprong, wijkschool Kouter (demo)',
    institutionNumber: '999002',
    educationLevel: 'primary',
    province: 'oost-vlaanderen',
    boardId,
  });
  await seedDemoSecondPark(services, second);
  await seedDemoFunding(services, { demo: schoolId, second }, ids.get('ict@demo.digisprong.be')!);
  await seedDemoDecommission(services, schoolId, ids.get('ict@demo.digisprong.be')!);
  await seedDemoCyberCheck(services, team);
  await seedDemoPolicyPlan(services, team);
  await seedDemoStem(services);
  await seedDemoFlanders(services);
  await seedDemoCentreActions(services, ids.get('kenniscentrum@demo.digisprong.be')!, [
    { id: schoolId, name: demoSchool.name },
    { id: second, name: 'Basisschool De Sprong, wijkschool Kouter (demo)' },
  ]);
  await seedDemoIctTeams(services, { demo: schoolId, second });
  await seedDemoFollowUp(services, { schoolId, principalId: team.principalId });
  return accounts;
}

/** Number of demo trainings: enough to search, filter and page through. */
export const DEMO_TRAINING_COUNT = 240;

/**
 * The demo training catalogue: the demo providers (most verified), their trainings with
 * sessions around today (every competence, level and province with a session soon), the provider account working for the first provider, and for the
 * demo teacher one enrolment in an upcoming session and one completed training.
 */
async function seedDemoCatalogue(services: Services, providerUserId: string, teacherId: string): Promise<void> {
  const { catalogue, enrolments } = services;
  const providerIds = new Map<string, string>();
  for (const provider of demoProviders) {
    const created = await catalogue.addProvider({ name: provider.name, contactEmail: provider.contactEmail, website: provider.website });
    if (provider.verified) await catalogue.markVerified(created.id, null);
    providerIds.set(provider.key, created.id);
  }
  await catalogue.addProviderMember(providerUserId, providerIds.get(demoProviders[0].key)!);

  const now = new Date();
  const generated = generateDemoTrainings(DEMO_TRAINING_COUNT, seededRandom(1302), now);
  const demo = [...generated, ...coverageTrainings(generated, now)];
  const trainingIds = await catalogue.seedTrainings(demo.map((d) => ({ providerId: providerIds.get(d.providerKey)!, training: d.training, sessions: d.sessions })));

  const teacher = await catalogue.caller({ userId: teacherId, sessionId: 'demo', csrfToken: 'demo' });
  const published = demo.map((d, i) => ({ ...d, id: trainingIds[i] })).filter((d) => d.training.status === 'published');
  const open = published.find((d) => d.sessions.some((s) => Date.parse(s.enrolmentDeadline) > now.getTime() + 86_400_000));
  if (open) {
    const details = await catalogue.getTraining(teacher, open.id);
    const session = details.sessions.find((s) => Date.parse(s.enrolmentDeadline) > now.getTime() + 86_400_000);
    if (session) await enrolments.enrol(teacher, session.id);
  }
  // Followed 45 days ago: a training without sessions, or one whose sessions were all held by then.
  const completedOn = brusselsDate(new Date(now.getTime() - 45 * 86_400_000));
  const done = published.find((d) => d.id !== open?.id && d.sessions.every((s) => brusselsDate(new Date(s.startsAt)) <= completedOn));
  if (done) await enrolments.markCompleted(teacher, done.id, completedOn);
}
