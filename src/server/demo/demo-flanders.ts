import { addDays, brusselsDate } from '../../shared/platform/brussels-time';
import type { EducationLevel, Province, SchoolNetwork } from '../../shared/platform/flanders';
import type { Services } from '../app';
import { seededRandom, simulatedAnswers } from './simulated-answers';

/**
 * A synthetic Flanders for the knowledge centre's pages: schools in every province and Brussels,
 * of every education level and network, with teachers and the scans they submitted over the past
 * year, and a Digisnap round finished at some. Sized so every group of every breakdown (and each
 * competence × province × level of the needs against the offer) holds more than five people.
 * The teachers are accounts without a password (nobody logs in as them), written in bulk: through
 * the services one by one they would take minutes.
 */

/** Schools per province, roughly Flanders' proportions (DOMAIN.md §6), Brussels the smallest. */
const schoolsPerProvince: Record<Province, number> = {
  antwerpen: 18,
  'oost-vlaanderen': 16,
  'west-vlaanderen': 14,
  'vlaams-brabant': 11,
  limburg: 11,
  brussel: 8,
};

const towns: Record<Province, readonly string[]> = {
  antwerpen: ['Antwerpen', 'Mechelen', 'Turnhout', 'Geel', 'Mol', 'Lier'],
  'oost-vlaanderen': ['Gent', 'Aalst', 'Sint-Niklaas', 'Dendermonde', 'Oudenaarde', 'Eeklo'],
  'west-vlaanderen': ['Brugge', 'Kortrijk', 'Oostende', 'Roeselare', 'Ieper', 'Tielt'],
  'vlaams-brabant': ['Leuven', 'Vilvoorde', 'Halle', 'Aarschot', 'Diest', 'Tienen'],
  limburg: ['Hasselt', 'Genk', 'Sint-Truiden', 'Tongeren', 'Lommel', 'Maaseik'],
  brussel: ['Brussel', 'Anderlecht', 'Schaarbeek', 'Jette', 'Elsene', 'Etterbeek'],
};

/** The level of the n-th school of a province: primary schools most, then secondary (DOMAIN.md §6), every level present. */
const levelCycle: readonly EducationLevel[] = ['primary', 'secondary', 'primary', 'special_needs', 'primary', 'secondary', 'adult', 'primary', 'pre_primary', 'secondary'];

const levelNames: Record<EducationLevel, string> = {
  pre_primary: 'Kleuterschool',
  primary: 'Basisschool',
  secondary: 'Secundaire school',
  adult: 'Centrum voor volwassenenonderwijs',
  special_needs: 'School voor buitengewoon onderwijs',
  higher: 'Hogeschool',
};

/** Teachers of a school by level: [fewest, most]; together they fill every size band. */
const teachersByLevel: Record<EducationLevel, [number, number]> = {
  pre_primary: [12, 24],
  primary: [18, 60],
  secondary: [45, 140],
  adult: [20, 45],
  special_needs: [15, 35],
  higher: [60, 120],
};

/** Networks by share (a catholic majority, as in Flanders); drawn per school. */
const networkShares: ReadonlyArray<[SchoolNetwork, number]> = [
  ['catholic', 0.6],
  ['go', 0.18],
  ['official_subsidised', 0.17],
  ['other', 0.05],
];

/** Share of teachers with a submitted scan, and of schools whose round finished. */
const SCANNED = 0.75;
const ROUND_FINISHED = 0.4;

export interface DemoFlanders {
  schools: number;
  teachers: number;
  scans: number;
}

export async function seedDemoFlanders(services: Services): Promise<DemoFlanders> {
  const random = seededRandom(1404);
  const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
  const framework = services.frameworks.current();
  const today = brusselsDate();
  const members: Array<{ userId: string; schoolId: string; role: 'teacher' }> = [];
  const scans: Array<{ userId: string; answers: Record<string, number>; submittedAt: string }> = [];
  const finishing: string[] = [];
  let number = 0;
  for (const [province, count] of Object.entries(schoolsPerProvince) as Array<[Province, number]>) {
    for (let i = 0; i < count; i += 1) {
      number += 1;
      const level = levelCycle[i % levelCycle.length];
      const network = networkOf(random());
      const schoolId = await services.schools.createSchool({
        name: `${levelNames[level]} ${towns[province][i % towns[province].length]} ${Math.floor(i / towns[province].length) + 1} (demo Vlaanderen)`,
        institutionNumber: String(998_000 + number),
        educationLevel: level,
        province,
        network,
      });
      const size = between(teachersByLevel[level]);
      const userIds = await services.auth.createAccountsWithoutPassword(
        Array.from({ length: size }, (_, t) => ({ email: `vl-${number}-${t + 1}@demo-vlaanderen.digisprong.be`, displayName: `Leraar ${number}.${t + 1} (demo Vlaanderen)` })),
      );
      // Skills differ by level and a little by province, so the breakdowns have something to show.
      const lean = (level === 'secondary' ? 0.08 : level === 'pre_primary' ? -0.08 : 0) + (Object.keys(schoolsPerProvince).indexOf(province) - 2.5) * 0.02;
      for (const userId of userIds) {
        members.push({ userId, schoolId, role: 'teacher' });
        if (random() >= SCANNED) continue;
        const skill = Math.max(0, Math.min(1, 0.42 + lean + (random() - 0.5) * 0.6));
        scans.push({ userId, answers: simulatedAnswers(framework, skill, random), submittedAt: new Date(Date.now() - between([2, 330]) * 86_400_000).toISOString() });
      }
      if (random() < ROUND_FINISHED) finishing.push(schoolId);
    }
  }
  await services.schools.addMembersInBulk(members, new Date(Date.now() - 400 * 86_400_000).toISOString());
  await services.digisnap.importSubmittedScans(scans);
  await finishRounds(services, finishing, today);
  return { schools: number, teachers: members.length, scans: scans.length };
}

function networkOf(draw: number): SchoolNetwork {
  let left = draw;
  for (const [network, share] of networkShares) {
    left -= share;
    if (left < 0) return network;
  }
  return 'other';
}

/** A principal per school who opened a Digisnap round today and closed it again: a round finished. */
async function finishRounds(services: Services, schoolIds: readonly string[], today: string): Promise<void> {
  const principals = await services.auth.createAccountsWithoutPassword(
    schoolIds.map((_, i) => ({ email: `directie-${i + 1}@demo-vlaanderen.digisprong.be`, displayName: `Directie ${i + 1} (demo Vlaanderen)` })),
  );
  await services.schools.addMembersInBulk(
    schoolIds.map((schoolId, i) => ({ userId: principals[i], schoolId, role: 'principal' as const })),
    new Date().toISOString(),
  );
  for (const [i, schoolId] of schoolIds.entries()) {
    const campaign = await services.campaigns.openCampaign(principals[i], schoolId, { opensOn: today, closesOn: addDays(today, 14), minGroupSize: 5 });
    await services.campaigns.closeCampaign(principals[i], schoolId, campaign.id);
  }
}
