import { searchQuerySchema } from '../../shared/catalogue/api';
import { type CentreActionInput, centreActionBodySchema } from '../../shared/centre/actions';
import { addDays, brusselsDate } from '../../shared/platform/brussels-time';
import type { Services } from '../app';
import type { BootcampPlan } from '../centre/actions.service';

/**
 * The knowledge centre's register in the demo: two actions on each of the five fronts, and the
 * IT bootcamps with their two tracks (DOMAIN.md §3: "Digitaal groeien" for primary teams,
 * "Digitale beleidscyclus" for ICT teams; ~12 weeks; €1 m). The board's two schools and the
 * synthetic Flanders' primary schools make up the first track's finished cohort, some teams short
 * of the threshold; its other schools the second track's cohort, half-way. The people are fictional.
 */
export async function seedDemoCentreActions(services: Services, analystId: string, boardSchools: readonly DemoSchool[]): Promise<void> {
  const today = brusselsDate();
  const [bootcamp] = (await services.catalogue.search(searchQuerySchema.parse({ kind: 'bootcamp', pageSize: 1 }))).items;
  const flanders = (await services.schools.directoryAsOperator({ q: 'demo Vlaanderen', limit: 100, offset: 0 })).items;
  const primary = flanders.filter((school) => school.name.startsWith('Basisschool')).slice(0, 12);
  const others = flanders.filter((school) => !school.name.startsWith('Basisschool')).slice(0, 10);
  await services.centreActions.addProgramme(bootcampPlan(today, [...boardSchools, ...primary], others, bootcamp?.id ?? null));
  for (const action of demoActions(today)) await services.centreActions.create(analystId, centreActionBodySchema.parse(action));
}

interface DemoSchool {
  id: string;
  name: string;
}

const firstNames = ['An', 'Jonas', 'Fatima', 'Lotte', 'Wout', 'Ines', 'Sam', 'Noor', 'Milan', 'Sara', 'Yusuf', 'Lien', 'Tom', 'Amira', 'Pieter'];
const lastNames = ['Peeters', 'Claes', 'El Amrani', 'Maes', 'Jacobs', 'Willems', 'Goossens', 'Wouters', 'De Smet', 'Mertens', 'Aydin', 'Janssens'];

const growingTopics = [
  'Startmoment met het schoolteam',
  'Digitale leermiddelen kiezen',
  'Werken met een leerplatform',
  'Differentiëren met digitale tools',
  'Mediawijsheid in de klas',
  'Evalueren met digitale middelen',
  'Samenwerken in de cloud',
  'Computationeel denken',
  'Toegankelijke leermiddelen',
  'ICT-beleid: waar staan we?',
  'Actieplan van het team',
  'Slotmoment en vervolg',
];

const policyTopics = [
  'Startmoment: de beleidscyclus',
  'Visie op ICT in de school',
  'De ICT-infrastructuur in kaart',
  'Digisnap-resultaten lezen',
  'Prioriteiten kiezen',
  'Het ICT-team en zijn taken',
  'Professionalisering plannen',
  'Cyberveiligheid en privacy',
  'Budget en financiering',
  'Het ICT-beleidsplan schrijven',
  'Opvolgen en bijsturen',
  'Slotmoment en vervolg',
];

/**
 * School teams of two to four members. Member m of team t misses (3t + 5m) mod 6 of the sessions
 * held, the last ones first: no randomness, and about one team in three misses the threshold.
 */
function teams(schools: readonly DemoSchool[], held: number, offset: number) {
  return schools.map((school, t) => ({
    schoolId: school.id,
    schoolName: school.name,
    members: Array.from({ length: 2 + ((t + offset) % 3) }, (_, m) => {
      const person = (t + offset) * 4 + m;
      const missed = (3 * t + 5 * m) % 6;
      return {
        name: `${firstNames[person % firstNames.length]} ${lastNames[(person * 7) % lastNames.length]}`,
        present: Array.from({ length: Math.max(0, held - missed) }, (_, i) => i + 1),
      };
    }),
  }));
}

function bootcampPlan(today: string, primary: readonly DemoSchool[], others: readonly DemoSchool[], trainingId: string | null): BootcampPlan {
  return {
    tracks: [
      {
        name: { nl: 'Digitaal groeien', en: 'Growing digitally' },
        description: {
          nl: 'Voor teams van basisscholen: digitale leermiddelen kiezen en gebruiken, en het ICT-beleid van de school versterken.',
          en: "For primary school teams: choosing and using digital learning resources, and strengthening the school's ICT policy.",
        },
        trainingId,
        cohorts: [{ name: 'Digitaal groeien – voorjaar', startsOn: addDays(today, -7 * 20), topics: growingTopics, teams: teams(primary, 12, 0) }],
      },
      {
        name: { nl: 'Digitale beleidscyclus', en: 'Digital policy cycle' },
        description: {
          nl: 'Voor ICT-teams van alle onderwijsniveaus behalve het hoger onderwijs: een ICT-beleidsplan en een visie op lange termijn.',
          en: 'For ICT teams of every level of education except higher education: an ICT policy plan and a long-term vision.',
        },
        trainingId: null,
        cohorts: [{ name: 'Digitale beleidscyclus – najaar', startsOn: addDays(today, -7 * 5), topics: policyTopics, teams: teams(others, 6, 1) }],
      },
    ],
  };
}

function demoActions(today: string): CentreActionInput[] {
  const year = Number(today.slice(0, 4));
  return [
    {
      title: 'IT-bootcamps voor schoolteams',
      front: 'skills',
      spearhead: 'competences',
      goal: 'Schoolteams bouwen in een traject van twaalf weken samen aan hun digitale competenties en hun ICT-beleid.',
      owner: 'Kenniscentrum Digisprong met de opleidingspartner',
      budgetCents: 100_000_000,
      startDate: `${year - 1}-02-01`,
      endDate: `${year}-06-30`,
      status: 'running',
      indicators: ['centre.bootcamp_teams_completed', 'digisnap.level_distribution', 'school.current_policy_plan'],
      programme: 'it_bootcamps',
    },
    {
      title: 'Digisnap in elke school',
      front: 'skills',
      spearhead: 'centre',
      goal: 'Elke school organiseert een Digisnap-afname en bespreekt het directierapport met het team.',
      owner: 'Kenniscentrum Digisprong',
      budgetCents: 25_000_000,
      startDate: `${year - 1}-09-01`,
      endDate: null,
      status: 'running',
      indicators: ['digisnap.teachers_with_scan', 'digisnap.schools_with_round'],
      reachEntered: { schools: 412, teachers: 9_870 },
    },
    {
      title: 'Begeleiding bij de besteding van de ICT-middelen',
      front: 'infrastructure',
      spearhead: 'infrastructure',
      goal: 'Schoolbesturen besteden hun middelen op tijd en volgens de regels voor overheidsopdrachten.',
      owner: 'Dienst ICT-infrastructuur',
      budgetCents: 4_500_000,
      startDate: `${year - 1}-01-15`,
      endDate: `${year}-12-31`,
      status: 'running',
      indicators: ['infra.funding_spent', 'infra.devices_per_100_pupils'],
    },
    {
      title: 'Ondersteuningsprogramma cybersecurity',
      front: 'infrastructure',
      spearhead: 'infrastructure',
      goal: 'Scholen doorlopen de cybersecuritycheck en pakken de belangrijkste maatregelen eerst aan.',
      owner: 'Kenniscentrum Digisprong',
      budgetCents: 12_000_000,
      startDate: `${year}-01-01`,
      endDate: `${year + 1}-08-31`,
      status: 'planned',
      indicators: ['school.cyber_check_maturity'],
    },
    {
      title: 'Modelfunctiebeschrijvingen voor ICT-coördinatoren',
      front: 'policy',
      spearhead: 'policy',
      goal: 'Een pedagogische en een technische functiebeschrijving die scholen kunnen overnemen.',
      owner: 'Werkgroep ICT-coördinatie',
      budgetCents: null,
      startDate: `${year - 2}-09-01`,
      endDate: `${year - 1}-06-30`,
      status: 'finished',
      indicators: ['school.current_policy_plan'],
      reachEntered: { schools: 1_250, teachers: 0 },
    },
    {
      title: 'Traject verantwoorde AI',
      front: 'policy',
      spearhead: 'centre',
      goal: 'Geselecteerde scholen werken een jaar lang aan een visie op AI, met kernteams die collega’s opleiden.',
      owner: 'Kenniscentrum Digisprong',
      budgetCents: 30_000_000,
      startDate: `${year}-09-01`,
      endDate: `${year + 1}-06-30`,
      status: 'planned',
      indicators: ['school.reflection_results'],
    },
    {
      title: 'Meer nascholing voor het basisonderwijs',
      front: 'resources',
      spearhead: 'competences',
      goal: 'Aanbieders vullen de lacunes in het ICT-aanbod voor het basisonderwijs.',
      owner: 'Kenniscentrum Digisprong',
      budgetCents: 6_000_000,
      startDate: `${year - 1}-03-01`,
      endDate: null,
      status: 'running',
      indicators: ['catalogue.trainings_for_primary', 'centre.needs_versus_offer'],
    },
    {
      title: 'STEM-leermiddelen voor de eerste graad',
      front: 'resources',
      spearhead: 'competences',
      goal: 'Open leermiddelen die meer leerlingen, en vooral meisjes, voor STEM laten kiezen.',
      owner: 'STEM-platform',
      budgetCents: 8_500_000,
      startDate: `${year - 3}-09-01`,
      endDate: `${year - 1}-08-31`,
      status: 'stopped',
      indicators: ['stem.secondary_year3_stem_share', 'stem.secondary_stem_girls_share'],
    },
    {
      title: 'Open data van het kenniscentrum',
      front: 'government',
      spearhead: 'centre',
      goal: 'Elk Vlaams cijfer dat het kenniscentrum publiceert, is vrij te downloaden met een beschrijving.',
      owner: 'Kenniscentrum Digisprong',
      budgetCents: 1_500_000,
      startDate: `${year}-01-01`,
      endDate: null,
      status: 'running',
      indicators: ['centre.open_datasets'],
    },
    {
      title: 'Eén aanmelding voor de tools van het kenniscentrum',
      front: 'government',
      spearhead: 'centre',
      goal: 'Leraren melden zich met hun gewone schoolaccount aan bij Digisnap en de andere tools.',
      owner: 'Dienst digitale overheid',
      budgetCents: 2_000_000,
      startDate: `${year + 1}-01-01`,
      endDate: `${year + 1}-12-31`,
      status: 'planned',
      indicators: [],
    },
  ];
}
