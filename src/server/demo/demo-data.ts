import type { Db } from '../platform/db/database';
import type { Services } from '../app';
import { AuditRepository } from '../platform/audit/audit.repository';
import { DigisnapRepository } from '../digisnap/digisnap.repository';
import { DigisnapService } from '../digisnap/digisnap.service';
import { seededRandom, simulatedAnswers } from './simulated-answers';
import type { Role } from '../../shared/platform/api';

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

const colleagues = ['An', 'Bram', 'Charlotte', 'Dries', 'Elke', 'Fien', 'Gert'];

/** Seeds a demo school with its team and completed scans. Returns the accounts to print. */
export async function seedDemoData(services: Services, db: Db): Promise<DemoAccount[]> {
  const schoolId = await services.schools.createSchool(demoSchool);
  const accounts: DemoAccount[] = [
    { email: 'leerkracht@demo.digisprong.be', role: 'teacher', displayName: 'Lore Leerkracht', note: 'teacher with two completed scans' },
    { email: 'nieuw@demo.digisprong.be', role: 'teacher', displayName: 'Nina Nieuw', note: 'teacher who has not scanned yet' },
    { email: 'ict@demo.digisprong.be', role: 'ict_coordinator', displayName: 'Ilias ICT', note: 'ICT coordinator' },
    { email: 'directie@demo.digisprong.be', role: 'principal', displayName: 'Dominique Directie', note: 'principal' },
    { email: 'admin@demo.digisprong.be', role: 'admin', displayName: 'Ada Admin', note: 'platform administrator' },
  ];
  const ids = new Map<string, string>();
  for (const account of accounts) {
    const { userId } = await services.auth.createAccount({
      email: account.email,
      password: DEMO_PASSWORD,
      displayName: account.displayName,
      role: account.role,
      schoolId: account.role === 'admin' ? undefined : schoolId,
    });
    ids.set(account.email, userId);
  }

  const random = seededRandom(2026);
  const scanAt = (daysAgo: number) => () => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const submitScan = async (userId: string, skill: number, daysAgo: number) => {
    const digisnap = new DigisnapService(new DigisnapRepository(db.kysely), services.frameworks, new AuditRepository(db.kysely), scanAt(daysAgo));
    const { scan } = await digisnap.startScan(userId);
    const answers = simulatedAnswers(services.frameworks.current(), skill, random);
    for (const [code, option] of Object.entries(answers)) await digisnap.answerItem(userId, scan.id, code, option);
    await digisnap.submitScan(userId, scan.id);
  };

  const teacher = ids.get('leerkracht@demo.digisprong.be')!;
  await submitScan(teacher, 0.3, 240);
  await submitScan(teacher, 0.48, 20);
  await submitScan(ids.get('ict@demo.digisprong.be')!, 0.8, 30);

  for (const [i, name] of colleagues.entries()) {
    const { userId } = await services.auth.createAccount({
      email: `${name.toLowerCase()}@demo.digisprong.be`,
      password: DEMO_PASSWORD,
      displayName: `${name} (demo)`,
      role: 'teacher',
      schoolId,
    });
    await submitScan(userId, 0.2 + (i / colleagues.length) * 0.6, 25 - i);
  }
  return accounts;
}
