import type { StemHeadline } from './fronts.needs';
import type { OpenDataset } from './open-data.registry';

/** The STEM monitor's headline indicators as open data: each one's latest Flanders value and its target. */
export function stemDatasets(stem: StemHeadline): OpenDataset[] {
  return [
    {
      id: 'stem-indicatoren',
      title: { nl: 'STEM-indicatoren: laatste waarde en doel', en: 'STEM indicators: latest value and target' },
      description: {
        nl: 'Per indicator van de STEM-monitor het aandeel voor heel Vlaanderen in het laatste schooljaar met tellingen, naast het verste doel dat de STEM-agenda ervoor stelt.',
        en: 'For each indicator of the STEM monitor, the share for all of Flanders in the latest school year with counts, beside the furthest target the STEM agenda sets for it.',
      },
      period: { nl: 'Het laatste schooljaar met tellingen, per indicator', en: 'The latest school year with counts, per indicator' },
      privacyRule: {
        nl: 'Een aandeel dat op 1 tot 4 leerlingen steunt, blijft leeg, net als een aandeel waaruit zo’n aantal af te leiden is.',
        en: 'A share resting on 1 to 4 pupils is left empty, as is any share from which such a count could be worked out.',
      },
      sourceModule: 'stem',
      columns: [
        { id: 'indicator', type: 'text', title: { nl: 'Indicator', en: 'Indicator' }, definition: { nl: 'De vaste code van de indicator', en: 'The indicator’s fixed code' } },
        { id: 'name_nl', type: 'text', title: { nl: 'Naam (Nederlands)', en: 'Name (Dutch)' }, definition: { nl: 'De naam van de indicator', en: 'The indicator’s name in Dutch' } },
        { id: 'name_en', type: 'text', title: { nl: 'Naam (Engels)', en: 'Name (English)' }, definition: { nl: 'De Engelse naam van de indicator', en: 'The indicator’s name' } },
        {
          id: 'school_year',
          type: 'school_year',
          title: { nl: 'Schooljaar', en: 'School year' },
          definition: { nl: 'Het schooljaar van de waarde; leeg zonder tellingen', en: 'The school year of the value; empty without counts' },
        },
        {
          id: 'value',
          type: 'share',
          title: { nl: 'Waarde', en: 'Value' },
          definition: { nl: 'Het aandeel voor Vlaanderen, van 0 tot 1; leeg als het verborgen is', en: 'The share for Flanders, 0 to 1; empty when hidden' },
        },
        { id: 'target', type: 'share', title: { nl: 'Doel', en: 'Target' }, definition: { nl: 'Het verste doel, van 0 tot 1', en: 'The furthest target, 0 to 1' } },
        {
          id: 'target_year',
          type: 'school_year',
          title: { nl: 'Doeljaar', en: 'Target year' },
          definition: { nl: 'Het schooljaar waarin het doel gehaald moet zijn', en: 'The school year the target is set for' },
        },
      ],
      async rows() {
        const { indicators } = await stem.headline();
        return indicators.map((one) => ({
          indicator: one.indicator,
          name_nl: one.name.nl,
          name_en: one.name.en,
          school_year: one.year,
          value: one.value,
          target: one.target?.value ?? null,
          target_year: one.target?.deadlineYear ?? null,
        }));
      },
    },
  ];
}
