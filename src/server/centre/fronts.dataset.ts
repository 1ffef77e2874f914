import type { OpenDataColumn } from '../../shared/centre/open-data';
import type { FrontsService } from './fronts.service';
import type { OpenDataset } from './open-data.registry';

const column = (id: string, type: OpenDataColumn['type'], nl: string, en: string, definitionNl: string, definitionEn: string): OpenDataColumn => ({
  id,
  type,
  title: { nl, en },
  definition: { nl: definitionNl, en: definitionEn },
});

const asOf = column('as_of', 'date', 'Datum', 'Date', 'De dag waarop de cijfers gelezen zijn', 'The day the figures were read');
const schools = (nl: string, en: string) => column('schools', 'integer', 'Scholen', 'Schools', nl, en);
const noPersonal = {
  nl: 'Sommen over alle scholen van Vlaanderen; geen cijfer van één school of één persoon.',
  en: 'Sums over every school of Flanders; no figure of a single school or person.',
};
const today = { nl: 'De dag van de download (de cijfers worden hoogstens een minuut bewaard)', en: 'The day of the download (figures are kept a minute at most)' };

/** The fronts beyond Digisnap as open data: one dataset per front, read from the same figures as the centre's overview. */
export function frontsDatasets(fronts: FrontsService): OpenDataset[] {
  return [
    {
      id: 'ict-park',
      title: { nl: 'ICT-park van de scholen', en: 'The schools’ ICT park' },
      description: {
        nl: 'Computers per 100 leerlingen (lager en secundair onderwijs), het aandeel toestellen jonger dan vier jaar en hun gemiddelde leeftijd, over de scholen die hun park in Digisprong bijhouden.',
        en: 'Computers per 100 pupils (primary and secondary), the share of devices younger than four years and their average age, over the schools that keep their park in Digisprong.',
      },
      period: today,
      privacyRule: noPersonal,
      sourceModule: 'infra',
      columns: [
        asOf,
        schools('Scholen met minstens één toestel', 'Schools with at least one device'),
        column('devices', 'integer', 'Toestellen', 'Devices', 'Toestellen in gebruik of in voorraad', 'Devices in use or in stock'),
        column(
          'computers_per_100_primary',
          'number',
          'Computers per 100 leerlingen (lager)',
          'Computers per 100 pupils (primary)',
          'Over de scholen met vooral leerlingen lager onderwijs',
          'Over the schools whose pupils are mostly primary',
        ),
        column(
          'computers_per_100_secondary',
          'number',
          'Computers per 100 leerlingen (secundair)',
          'Computers per 100 pupils (secondary)',
          'Over de scholen met vooral leerlingen secundair onderwijs',
          'Over the schools whose pupils are mostly secondary',
        ),
        column(
          'younger_than_four_years',
          'share',
          'Jonger dan vier jaar',
          'Younger than four years',
          'Aandeel van de toestellen met een aankoopdatum, 0 tot 1',
          'Share of the devices with a purchase date, 0 to 1',
        ),
        column('average_age_years', 'number', 'Gemiddelde leeftijd (jaar)', 'Average age (years)', 'Over de toestellen met een aankoopdatum', 'Over the devices with a purchase date'),
      ],
      async rows() {
        const { ictPark } = await fronts.fronts();
        return [
          {
            as_of: ictPark.source.asOf,
            schools: ictPark.schools,
            devices: ictPark.devices,
            computers_per_100_primary: ictPark.devicesPer100Pupils.primary,
            computers_per_100_secondary: ictPark.devicesPer100Pupils.secondary,
            younger_than_four_years: ictPark.youngerThanFourYears,
            average_age_years: ictPark.averageAgeYears,
          },
        ];
      },
    },
    {
      id: 'ict-financiering',
      title: { nl: 'ICT-financiering: besteed tegenover budget', en: 'ICT funding: spent against budget' },
      description: {
        nl: 'Per financieringsregeling (Digisprong, Digiplan) het budget van de scholen samen en wat ze ervan besteed hebben.',
        en: 'Per funding scheme (Digisprong, Digiplan), the schools’ budget together and what they have spent of it.',
      },
      period: today,
      privacyRule: noPersonal,
      sourceModule: 'infra',
      columns: [
        asOf,
        column('scheme', 'text', 'Regeling', 'Scheme', 'De vaste code van de regeling', 'The scheme’s fixed code'),
        column('name_nl', 'text', 'Naam', 'Name (Dutch)', 'De naam van de regeling', 'The scheme’s name in Dutch'),
        schools('Scholen met een budget onder de regeling', 'Schools with a budget under the scheme'),
        column('budget_eur', 'number', 'Budget (euro)', 'Budget (euro)', 'Het budget van die scholen samen', 'Those schools’ budget together'),
        column('spent_eur', 'number', 'Besteed (euro)', 'Spent (euro)', 'Wat ze ervan besteed hebben', 'What they have spent of it'),
        column('spent_share', 'share', 'Aandeel besteed', 'Share spent', 'Besteed gedeeld door budget, 0 tot 1', 'Spent divided by budget, 0 to 1'),
      ],
      async rows() {
        const { funding } = await fronts.fronts();
        return funding.schemes.map((scheme) => ({
          as_of: funding.source.asOf,
          scheme: scheme.scheme,
          name_nl: scheme.name.nl,
          schools: scheme.schools,
          budget_eur: scheme.budgetCents / 100,
          spent_eur: scheme.spentCents / 100,
          spent_share: scheme.spentShare,
        }));
      },
    },
    {
      id: 'ict-beleidsplannen',
      title: { nl: 'Scholen met een actueel ICT-beleidsplan', en: 'Schools with a current ICT policy plan' },
      description: {
        nl: 'Hoeveel scholen een ICT-beleidsplan hebben met een visie en een looptijd die het huidige schooljaar dekt.',
        en: 'How many schools have an ICT policy plan with a vision and a period that covers the current school year.',
      },
      period: today,
      privacyRule: noPersonal,
      sourceModule: 'school',
      columns: [
        asOf,
        schools('Alle scholen in Digisprong', 'Every school in Digisprong'),
        column(
          'with_current_plan',
          'integer',
          'Met een actueel plan',
          'With a current plan',
          'Scholen met een visie en een looptijd over dit schooljaar',
          'Schools with a vision and a period over this school year',
        ),
        column('share', 'share', 'Aandeel', 'Share', 'Met een actueel plan gedeeld door alle scholen, 0 tot 1', 'With a current plan divided by every school, 0 to 1'),
      ],
      async rows() {
        const { policyPlans } = await fronts.fronts();
        return [{ as_of: policyPlans.source.asOf, schools: policyPlans.schools, with_current_plan: policyPlans.withCurrentPlan, share: policyPlans.share }];
      },
    },
    {
      id: 'cybercheck-maturiteit',
      title: { nl: 'Cybercheck: maturiteit per thema', en: 'Cyber check: maturity per topic' },
      description: {
        nl: 'Per thema van CyberFundamentals het gemiddelde aandeel maatregelen dat de scholen op orde hebben, elke school met haar laatste afgewerkte check.',
        en: 'Per CyberFundamentals topic, the mean share of measures the schools have in place, each school with its latest finished check.',
      },
      period: today,
      privacyRule: {
        nl: 'Gemiddelden over scholen; een thema verschijnt pas vanaf vijf scholen.',
        en: 'Means over schools; a topic shows from five schools on.',
      },
      sourceModule: 'school',
      columns: [
        asOf,
        column('topic', 'text', 'Thema', 'Topic', 'De vaste code van het thema', 'The topic’s fixed code'),
        column('name_nl', 'text', 'Naam', 'Name (Dutch)', 'De naam van het thema', 'The topic’s name in Dutch'),
        schools('Scholen met een afgewerkte check', 'Schools with a finished check'),
        column('maturity', 'share', 'Maturiteit', 'Maturity', 'Gemiddeld aandeel maatregelen op orde, 0 tot 1', 'Mean share of measures in place, 0 to 1'),
      ],
      async rows() {
        const { cyberCheck } = await fronts.fronts();
        return cyberCheck.topics.map((topic) => ({
          as_of: cyberCheck.source.asOf,
          topic: topic.topic,
          name_nl: topic.name.nl,
          schools: cyberCheck.schools,
          maturity: topic.maturity,
        }));
      },
    },
    {
      id: 'schoolreflectie-per-domein',
      title: { nl: 'Schoolreflectie: resultaat per domein', en: 'School reflection: result per area' },
      description: {
        nl: 'Per domein van de schoolreflectie de gemiddelde score van alle respondenten in de gepubliceerde rondes.',
        en: 'Per area of the school reflection, the mean score of every respondent in the published rounds.',
      },
      period: today,
      privacyRule: {
        nl: 'Alleen wat de privacypoort van de reflectie al vrijgaf (groepen van minstens vijf, met ruis); een domein met minder dan vijf respondenten blijft leeg.',
        en: 'Only what the reflection’s privacy gate released already (groups of at least five, with noise); an area with fewer than five respondents stays empty.',
      },
      sourceModule: 'school',
      columns: [
        asOf,
        column('area', 'text', 'Domein', 'Area', 'De vaste code van het domein', 'The area’s fixed code'),
        column('name_nl', 'text', 'Naam', 'Name (Dutch)', 'De naam van het domein', 'The area’s name in Dutch'),
        column('respondents', 'integer', 'Respondenten', 'Respondents', 'Leeg onder vijf', 'Empty under five'),
        column('score', 'number', 'Score', 'Score', 'Het gemiddelde op de schaal van de vragenlijst', 'The mean on the instrument’s scale'),
      ],
      async rows() {
        const { reflection } = await fronts.fronts();
        return reflection.areas.map((area) => ({
          as_of: reflection.source.asOf,
          area: area.area,
          name_nl: area.name.nl,
          respondents: area.respondents,
          score: area.score,
        }));
      },
    },
  ];
}
