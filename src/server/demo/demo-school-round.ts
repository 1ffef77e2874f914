import { MIN_GROUP_SIZE } from '../../shared/digisnap/privacy';
import { brusselsDate } from '../../shared/platform/brussels-time';
import { questionnaireFor } from '../../shared/scan/instrument';
import { schoolYearOf } from '../../shared/school/policy-plan/policy-plan-rules';
import type { ActionSourceKind } from '../../shared/school/policy-plan/suggested-action';
import type { ReflectionGroup } from '../../shared/school/reflection/reflection';
import type { Services } from '../app';
import { DEMO_PASSWORD } from './demo-data';
import type { DemoScanner } from './demo-scans';
import { seededRandom } from './simulated-answers';

/**
 * What a principal has after a school year on the platform, made through the services as the
 * school's own people would: a finished Digisnap round of 24 teachers with its published
 * directierapport, a finished school reflection of leaders, teachers and pupils, a submitted
 * cyber check, and a policy plan whose actions come from those results.
 */

/** The demo school's people the round needs: who opens it and who scans beside the new colleagues. */
export interface DemoTeam {
  schoolId: string;
  principalId: string;
  ictId: string;
  boardAdminId: string;
  teacherId: string;
}

/** The team beside the demo accounts: first names and how far along each is (0–1), spread so the report has every band. */
const colleagues: ReadonlyArray<readonly [string, number]> = [
  ['An', 0.22],
  ['Bram', 0.3],
  ['Charlotte', 0.38],
  ['Dries', 0.46],
  ['Elke', 0.54],
  ['Fien', 0.62],
  ['Gert', 0.7],
  ['Hanne', 0.26],
  ['Ibrahim', 0.58],
  ['Jolien', 0.42],
  ['Karel', 0.18],
  ['Lien', 0.66],
  ['Mehdi', 0.5],
  ['Noor', 0.34],
  ['Olivier', 0.74],
  ['Pieter', 0.28],
  ['Roos', 0.82],
  ['Sofie', 0.45],
  ['Tom', 0.56],
  ['Ugo', 0.38],
  ['Vera', 0.62],
];

/** A school's round lasts two weeks; the demo's was closed early, today, when all but one had scanned. */
const ROUND_DAYS = 13;

const addDays = (date: string, days: number) => brusselsDate(new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000));

/**
 * The Digisnap round: 21 colleagues, a second ICT coordinator, the demo teacher and the ICT
 * coordinator scan in it (24 of the 25 takers; the new teacher has not yet). Its report is
 * published by the principal's first read. Returns the campaign's id and the colleagues' ids.
 */
export async function seedDemoRound(services: Services, scan: DemoScanner, team: DemoTeam): Promise<{ campaignId: string; teacherIds: string[]; leaderIds: string[] }> {
  const { schoolId, principalId } = team;
  const today = brusselsDate(new Date());
  const campaign = await services.campaigns.openCampaign(principalId, schoolId, { opensOn: today, closesOn: addDays(today, ROUND_DAYS), minGroupSize: MIN_GROUP_SIZE });
  const teacherIds: string[] = [];
  for (const [name, skill] of colleagues) {
    const { userId } = await services.auth.createAccount({
      email: `${name.toLowerCase()}@demo.digisprong.be`,
      password: DEMO_PASSWORD,
      displayName: `${name} (demo)`,
      role: 'teacher',
      schoolId,
    });
    await scan(userId, skill, 0);
    teacherIds.push(userId);
  }
  const { userId: secondIct } = await services.auth.createAccount({
    email: 'jonas@demo.digisprong.be',
    password: DEMO_PASSWORD,
    displayName: 'Jonas (demo)',
    role: 'ict_coordinator',
    schoolId,
  });
  const { userId: deputy } = await services.auth.createAccount({
    email: 'adjunct@demo.digisprong.be',
    password: DEMO_PASSWORD,
    displayName: 'Adjunct-directeur (demo)',
    role: 'principal',
    schoolId,
  });
  await scan(secondIct, 0.78, 0);
  await scan(team.teacherId, 0.48, 0);
  await scan(team.ictId, 0.8, 0);
  // A round counts the scans submitted before it closed, not at the same millisecond: close a moment later.
  await new Promise((resolve) => setTimeout(resolve, 5));
  await services.campaigns.closeCampaign(principalId, schoolId, campaign.id);
  await services.campaigns.schoolReport(principalId, schoolId, campaign.id);
  return { campaignId: campaign.id, teacherIds, leaderIds: [principalId, deputy, team.ictId, secondIct, team.boardAdminId] };
}

/** How each group tends to answer the reflection (index on the 1–5 scale), so the groups differ as they do in schools. */
const groupMood: Record<ReflectionGroup, number> = { leaders: 2.8, teachers: 2.3, pupils: 2.6 };
/** Per section of the reflection, how much stronger or weaker the school is there: the weak ones become points for action. */
const sectionMood = [0.4, -1, 0.2, -1.3, 0.5, 0, -0.7, 0.3];

/** The school reflection with all three groups: the leaders, a teacher group and two classes, then closed. */
export async function seedDemoReflection(services: Services, team: DemoTeam, people: { leaderIds: string[]; teacherIds: string[] }): Promise<void> {
  const { schoolId, principalId } = team;
  const { reflections } = services;
  const today = brusselsDate(new Date());
  const round = await reflections.openRound(principalId, schoolId, {
    instrumentId: 'school-reflection',
    groups: ['leaders', 'teachers', 'pupils'],
    opensOn: today,
    closesOn: addDays(today, ROUND_DAYS),
    minGroupSize: MIN_GROUP_SIZE,
    maxResponsesPerCode: 30,
  });
  const random = seededRandom(515);
  const answer = async (
    started: { token: string; response: { group: ReflectionGroup; questionnaire: { sections: Array<{ items: Array<{ id: string; options: unknown[] }> }> } } },
    userId: string | null,
  ) => {
    for (const [index, section] of started.response.questionnaire.sections.entries()) {
      const mood = groupMood[started.response.group] + (sectionMood[index] ?? 0);
      for (const item of section.items) {
        // The last option is "not applicable"; the scale's options come before it.
        const scale = item.options.length - 1;
        const option = Math.max(0, Math.min(scale - 1, Math.round(mood + (random() - 0.5) * 2.4)));
        await reflections.answer(started.token, item.id, option);
      }
    }
    await reflections.submit(started.token, userId);
  };
  for (const userId of [...people.leaderIds, ...people.teacherIds.slice(0, 14)]) {
    await answer(await reflections.startAccountResponse(userId, round.id), userId);
  }
  for (const label of ['5A', '6A']) {
    const withCode = await reflections.createCode(principalId, schoolId, round.id, { label, maxResponses: 26 });
    const code = withCode.codes.find((c) => c.label === label)!.code;
    for (let pupil = 0; pupil < 11; pupil += 1) await answer(await reflections.startPupilResponse(code), null);
  }
  await reflections.closeRound(principalId, schoolId, round.id);
}

/** The cyber check, filled in by the ICT coordinator: some measures in place, several to do. */
export async function seedDemoCyberCheck(services: Services, team: DemoTeam): Promise<void> {
  const { cyberChecks, instruments } = services;
  const { check } = await cyberChecks.start(team.ictId, team.schoolId);
  const instrument = instruments.latest(check.instrumentId)!;
  const random = seededRandom(404);
  for (const item of questionnaireFor(instrument, 'school').sections.flatMap((section) => section.items)) {
    const option = Math.min(instrument.scale.length - 1, Math.floor(random() * instrument.scale.length * 0.9 + 0.4));
    await cyberChecks.answer(team.ictId, team.schoolId, check.id, item.id, option);
  }
  await cyberChecks.submit(team.ictId, team.schoolId, check.id);
}

/** The plan's goals, and which results' suggestions serve each: the team's digital skills, and safe, lasting ICT. */
const planGoals: ReadonlyArray<{ term: 'short' | 'medium' | 'long'; text: string; successCriterion: string; sources: ActionSourceKind[] }> = [
  {
    term: 'short',
    text: 'Elke leraar zet digitale middelen doelgericht in, te beginnen bij het prioritaire domein uit het directierapport.',
    successCriterion: 'Bij de volgende Digisnap-afname staat minstens 60% van het team op B of hoger.',
    sources: ['team_report', 'reflection'],
  },
  {
    term: 'medium',
    text: 'De school werkt veilig en houdt haar ICT-park op peil.',
    successCriterion: 'Alle sleutelmaatregelen van de cybercheck zijn op niveau en geen toestel is ouder dan zijn levensduur.',
    sources: ['cyber_check', 'ict_park'],
  },
];

/** How many suggestions of each result the principal takes into the plan. */
const ACTIONS_PER_SOURCE = 3;

/** The ICT policy plan: a vision, two goals, and actions taken from the suggestions of every result the school has. */
export async function seedDemoPolicyPlan(services: Services, team: DemoTeam): Promise<void> {
  const { policyPlan } = services;
  const { schoolId, principalId } = team;
  const today = brusselsDate(new Date());
  const year = schoolYearOf(today);
  const lastYear = `${Number(year.slice(0, 4)) + 2}-${Number(year.slice(0, 4)) + 3}`;
  await policyPlan.saveVision(principalId, schoolId, {
    vision:
      'Op De Sprong gebruiken leerlingen en leraren digitale middelen waar ze het leren sterker maken: doordacht, veilig en samen. ' +
      'We bouwen voort op wat de Digisnap-afname, de schoolreflectie en de cybercheck ons leerden.',
    periodFrom: year,
    periodTo: lastYear,
    version: 0,
  });
  const sources = new Map((await policyPlan.sources(principalId, schoolId)).items.map((source) => [source.kind, source.latest]));
  for (const goal of planGoals) {
    const { id: goalId } = await policyPlan.addGoal(principalId, schoolId, { term: goal.term, text: goal.text, successCriterion: goal.successCriterion });
    for (const kind of goal.sources) {
      const latest = sources.get(kind);
      if (!latest) continue;
      const suggested = await policyPlan.suggestions(principalId, schoolId, kind, latest.id);
      const keys = suggested.items.filter((item) => !item.taken).map((item) => item.key);
      if (keys.length === 0) continue;
      await policyPlan.actionsFromSuggestions(principalId, schoolId, {
        source: { kind, id: latest.id },
        keys: keys.slice(0, ACTIONS_PER_SOURCE),
        goalId,
        deadline: addDays(today, goal.term === 'short' ? 120 : 300),
        language: 'nl',
      });
    }
  }
}
