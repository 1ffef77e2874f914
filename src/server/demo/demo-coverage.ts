import type { SessionInput } from '../../shared/catalogue/api';
import { LEVEL_CODES, type LevelCode } from '../../shared/digisnap/framework';
import { type Province, provinces } from '../../shared/platform/flanders';
import { CITIES, type DemoTraining, demoCompetenceCodes, demoProviders } from './demo-trainings';

/**
 * The demo catalogue's gaps filled: a principal who plans a study day, or a centre analyst who
 * compares needs with the offer, finds for every DigCompEdu competence, every level a teacher can
 * grow from (A1–C1) and every province a training with a session in the coming months. The
 * generated catalogue covers most cells by chance; `coverageTrainings` adds one team session per
 * province, area and level for the competences still missing there.
 */

/** How far ahead a session counts as "in the coming months". */
export const COVERAGE_DAYS = 120;

/** The levels a training can start from: a teacher at C2 has no step left. */
export const coverageLevels: readonly LevelCode[] = LEVEL_CODES.slice(0, -1);

const DAY_MS = 86_400_000;

/** The areas' names as a title reads them (our wording of the framework's six areas). */
const AREA_TITLES: Record<string, string> = {
  '1': 'professioneel samenwerken met digitale middelen',
  '2': 'digitaal lesmateriaal zoeken, maken en delen',
  '3': 'digitaal lesgeven en begeleiden',
  '4': 'digitaal evalueren en feedback geven',
  '5': 'leerlingen versterken met digitale middelen',
  '6': 'de digitale competenties van leerlingen',
};

const cellKey = (competence: string, level: string, province: string) => `${competence}|${level}|${province}`;

/** The competence × level × province cells a published training with a located session in the coming window covers. */
export function coveredCells(trainings: readonly DemoTraining[], now: Date): Set<string> {
  const from = now.getTime();
  const to = from + COVERAGE_DAYS * DAY_MS;
  const covered = new Set<string>();
  for (const { training, sessions } of trainings) {
    const province = training.location?.province;
    if (training.status !== 'published' || !province) continue;
    if (!sessions.some((s) => !s.online && Date.parse(s.startsAt) > from && Date.parse(s.startsAt) <= to)) continue;
    for (const step of training.levelSteps) covered.add(cellKey(step.competence, step.from, province));
  }
  return covered;
}

/** Every cell the demo catalogue should cover. */
export function coverageCells(): Array<{ competence: string; level: LevelCode; province: Province }> {
  return provinces.flatMap((province) => coverageLevels.flatMap((level) => demoCompetenceCodes.map((competence) => ({ competence, level, province }))));
}

/**
 * Trainings for the cells `existing` leaves empty: per province, area and level one afternoon
 * for school teams on the area's missing competences, with two sessions within the window.
 * Deterministic for the same `existing` and `now`.
 */
export function coverageTrainings(existing: readonly DemoTraining[], now: Date): DemoTraining[] {
  const covered = coveredCells(existing, now);
  const providers = demoProviders.filter((p) => p.verified);
  const result: DemoTraining[] = [];
  for (const province of provinces) {
    for (const level of coverageLevels) {
      const missing = demoCompetenceCodes.filter((competence) => !covered.has(cellKey(competence, level, province)));
      for (const area of [...new Set(missing.map((code) => code.split('.')[0]))]) {
        const competences = missing.filter((code) => code.split('.')[0] === area);
        const n = result.length;
        const provider = providers[n % providers.length];
        const [city, postalCode] = CITIES[province][n % CITIES[province].length];
        const to = LEVEL_CODES[LEVEL_CODES.indexOf(level) + 1];
        const address = `Schoolstraat ${1 + (n % 90)}`;
        result.push({
          providerKey: provider.key,
          training: {
            title: `Teamnamiddag: ${AREA_TITLES[area]} (${level} naar ${to}), ${city}`,
            summary: `Een namiddag voor schoolteams over ${AREA_TITLES[area]}, voor wie op ${level} staat en naar ${to} wil groeien.`,
            description:
              `Je werkt met collega's aan competentie ${competences.join(', ')} van DigCompEdu. ` +
              'Je vertrekt van voorbeelden uit je eigen lessen en gaat naar huis met een concreet plan voor de komende weken. Neem je laptop mee.',
            kind: 'in_person',
            language: 'nl',
            educationLevels: ['primary', 'secondary', 'pre_primary', 'special_needs'],
            audiences: ['teacher', 'ict_coordinator'],
            levelSteps: competences.map((competence) => ({ competence, from: level, to })),
            durationHours: 3,
            priceEuro: 45,
            payableFromIctBudget: true,
            location: { address, postalCode, city, province },
            accreditation: null,
            url: `${provider.website}/opleidingen/teamnamiddag-${province}-${area}-${level.toLowerCase()}`,
            status: 'published',
          },
          sessions: [20 + (n % 40), 70 + (n % 40)].map((days) => teamAfternoon(now, days, `Vergaderzaal, ${address}, ${postalCode} ${city}`)),
        });
      }
    }
  }
  return result;
}

/** An afternoon session `days` ahead (moved off the weekend), 13:30–16:30 in Belgium in winter time. */
function teamAfternoon(now: Date, days: number, place: string): SessionInput {
  const day = new Date(now.getTime() + days * DAY_MS);
  const weekday = day.getUTCDay();
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + shift, 12, 30);
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * 3_600_000).toISOString(),
    place,
    online: false,
    capacity: 30,
    enrolmentDeadline: new Date(start - 5 * DAY_MS).toISOString(),
    cancellationDeadline: new Date(start - 7 * DAY_MS).toISOString(),
  };
}
