import type { IctTeamMemberBody } from '../../shared/school/ict-team/ict-team-api';
import type { Services } from '../app';
import { seededRandom } from './simulated-answers';

/** The demo school's ICT team: a technical coordinator shared with the board's other school, a pedagogical one, and a teacher with one task. */
const demoTeam: IctTeamMemberBody[] = [
  { name: 'Ilias ICT', job: 'technical', hoursPerWeek: 6, sharedWithGroup: true, tasks: ['network', 'devices', 'accounts', 'security', 'school-group'] },
  { name: 'Dominique Directie', job: 'none', hoursPerWeek: 1, sharedWithGroup: false, tasks: ['policy-plan', 'purchasing', 'team-meetings'] },
  { name: 'Lore Leerkracht', job: 'pedagogical', hoursPerWeek: 4, sharedWithGroup: false, tasks: ['coaching', 'resources', 'digisnap'] },
  { name: 'Noor', job: 'none', hoursPerWeek: 0.5, sharedWithGroup: false, tasks: ['helpdesk'] },
];

/**
 * ICT teams for the centre's page: the demo school and its sister school share their technical
 * coordinator; about two in three synthetic Flanders schools have a team of one to three, with
 * hours drawn around MICTIVO's 9 hours a week (DOMAIN.md §1.2).
 */
export async function seedDemoIctTeams(services: Services, schools: { demo: string; second: string }): Promise<void> {
  await services.ictTeams.seedTeam(schools.demo, demoTeam);
  await services.ictTeams.seedTeam(schools.second, [{ ...demoTeam[0], hoursPerWeek: 3, tasks: ['network', 'devices'] }]);
  const random = seededRandom(14);
  const { items } = await services.schools.directoryAsOperator({ q: 'demo Vlaanderen', limit: 500, offset: 0 });
  for (const [i, school] of items.entries()) {
    if (random() < 0.35) continue;
    const size = 1 + Math.floor(random() * 3);
    const members = Array.from(
      { length: size },
      (_, m): IctTeamMemberBody => ({
        name: `ICT-teamlid ${i + 1}.${m + 1}`,
        job: m === 0 ? 'technical' : m === 1 ? 'pedagogical' : 'none',
        hoursPerWeek: Math.round((m === 0 ? 3 + random() * 10 : random() * 4) * 2) / 2,
        sharedWithGroup: m === 0 && random() < 0.5,
        tasks: m === 0 ? ['network', 'devices', 'helpdesk'] : m === 1 ? ['coaching', 'digisnap'] : ['resources'],
      }),
    );
    await services.ictTeams.seedTeam(school.id, members);
  }
}
