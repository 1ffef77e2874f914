import type { Front } from '../platform/fronts';

/**
 * The figures a centre action can aim to move, as data: each with its names and the page that
 * shows it, so an action in the register links straight to where its effect is read. The keys
 * are stable (the register stores them); a figure's page may move without touching any action.
 */
export interface CentreIndicator {
  key: string;
  front: Front;
  name: { nl: string; en: string };
  /** The web page that shows the figure. */
  page: string;
  /** The module the figure comes from. */
  source: 'digisnap' | 'catalogue' | 'school' | 'infra' | 'stem' | 'centre';
}

const stem = (key: string, nl: string, en: string): CentreIndicator => ({ key: `stem.${key}`, front: 'skills', name: { nl, en }, page: `/stem/${key}`, source: 'stem' });

export const centreIndicators: readonly CentreIndicator[] = [
  {
    key: 'digisnap.teachers_with_scan',
    front: 'skills',
    name: { nl: 'Leraren met een ingediende Digisnap dit schooljaar', en: 'Teachers with a submitted Digisnap this school year' },
    page: '/kenniscentrum',
    source: 'digisnap',
  },
  {
    key: 'digisnap.schools_with_round',
    front: 'skills',
    name: { nl: 'Scholen met een afgeronde Digisnap-afname', en: 'Schools with a finished Digisnap round' },
    page: '/kenniscentrum',
    source: 'digisnap',
  },
  {
    key: 'digisnap.level_distribution',
    front: 'skills',
    name: { nl: 'Niveauverdeling per competentie en domein', en: 'Level distribution per competence and area' },
    page: '/kenniscentrum',
    source: 'digisnap',
  },
  {
    key: 'centre.needs_versus_offer',
    front: 'skills',
    name: { nl: 'Noden tegenover aanbod (kloofindex)', en: 'Needs versus offer (gap index)' },
    page: '/kenniscentrum/noden',
    source: 'centre',
  },
  {
    key: 'centre.bootcamp_teams_completed',
    front: 'skills',
    name: { nl: 'Schoolteams die een IT-bootcamp afrondden', en: 'School teams that completed an IT bootcamp' },
    page: '/kenniscentrum/bootcamps',
    source: 'centre',
  },
  {
    key: 'infra.devices_per_100_pupils',
    front: 'infrastructure',
    name: { nl: 'Toestellen per 100 leerlingen', en: 'Devices per 100 pupils' },
    page: '/kenniscentrum/fronten',
    source: 'infra',
  },
  { key: 'infra.device_age', front: 'infrastructure', name: { nl: 'Leeftijd van de toestellen', en: 'Age of the devices' }, page: '/kenniscentrum/fronten', source: 'infra' },
  {
    key: 'infra.funding_spent',
    front: 'infrastructure',
    name: { nl: 'Financiering besteed tegenover budget', en: 'Funding spent against budget' },
    page: '/kenniscentrum/fronten',
    source: 'infra',
  },
  {
    key: 'school.cyber_check_maturity',
    front: 'infrastructure',
    name: { nl: 'Maturiteit van de cybersecuritycheck per thema', en: 'Cybersecurity check maturity per topic' },
    page: '/kenniscentrum/fronten',
    source: 'school',
  },
  {
    key: 'school.current_policy_plan',
    front: 'policy',
    name: { nl: 'Scholen met een actueel ICT-beleidsplan', en: 'Schools with a current ICT policy plan' },
    page: '/kenniscentrum/fronten',
    source: 'school',
  },
  {
    key: 'school.reflection_results',
    front: 'policy',
    name: { nl: 'Resultaten van de schoolreflectie per domein', en: 'School reflection results per area' },
    page: '/kenniscentrum/fronten',
    source: 'school',
  },
  {
    key: 'school.follow_up_steps_taken',
    front: 'skills',
    name: { nl: 'Scholen die de stappen na een Digisnap-ronde zetten', en: 'Schools taking the steps after a Digisnap round' },
    page: '/kenniscentrum/opvolging',
    source: 'school',
  },
  {
    key: 'catalogue.trainings_for_primary',
    front: 'resources',
    name: { nl: 'Opleidingen voor het basisonderwijs', en: 'Trainings for primary schools' },
    page: '/kenniscentrum/noden',
    source: 'catalogue',
  },
  {
    key: 'centre.open_datasets',
    front: 'government',
    name: { nl: 'Gepubliceerde open datasets', en: 'Published open datasets' },
    page: '/open-data',
    source: 'centre',
  },
  stem('secondary_year3_stem_share', 'STEM-instroom in het 3de leerjaar', 'STEM inflow into year 3'),
  stem('secondary_stem_girls_share', 'Meisjes in STEM, 3de graad', 'Girls in STEM, 3rd grade'),
  stem('secondary_qualification_stem_share', 'STEM-uitstroom: kwalificaties', 'STEM outflow: qualifications'),
  stem('higher_inflow_stem_share', 'STEM-instroom in het hoger onderwijs', 'STEM inflow into higher education'),
];

export const centreIndicatorKeys: readonly string[] = centreIndicators.map((indicator) => indicator.key);

const byKey = new Map(centreIndicators.map((indicator) => [indicator.key, indicator]));

/** The indicator of a key; undefined for a key the list does not hold (any more). */
export function centreIndicator(key: string): CentreIndicator | undefined {
  return byKey.get(key);
}
