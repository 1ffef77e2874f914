import type { StemSeries, StemValue } from '../../src/shared/stem/api';
import type { StemWords } from '../../src/web/stem/stemView';

/** Hand-made series and words for the monitor's tests. */

export const shown = (numerator: number, denominator: number): StemValue => ({ status: 'shown', hidden: false, numerator, denominator, share: numerator / denominator });
export const hidden: StemValue = { status: 'hidden', hidden: true, numerator: null, denominator: null, share: null };
export const noData: StemValue = { status: 'no_data', hidden: false, numerator: null, denominator: null, share: null };

export const words: StemWords = {
  hidden: 'verborgen',
  noData: 'geen gegevens',
  hiddenReason: 'verborgen: een groep telt minder dan 5 leerlingen (< 5)',
  flanders: 'Vlaanderen',
  group: (key) => ({ f: 'Meisjes', m: 'Jongens', limburg: 'Limburg', antwerpen: 'Antwerpen' })[key] ?? key,
  origin: (source) => (source === 'demo' ? 'demodata' : source),
  columns: {
    year: 'Schooljaar',
    group: 'Groep',
    share: 'Aandeel',
    numerator: 'Teller',
    denominator: 'Noemer',
    change: 'Verschil met basisjaar (pp)',
    published: 'Gepubliceerd',
    source: 'Bron',
    origin: 'Herkomst',
    definition: 'Definitie',
    note: 'Opmerking',
    province: 'Provincie',
    girls: 'Meisjes',
    boys: 'Jongens',
    gap: 'Verschil (pp)',
  },
};

export const definitionName = (id: string) => (id === 'domain_2' ? 'Studiedomein STEM' : 'STEM-categorieën (2012)');

/** Two years by gender: the girls of the second year are hidden by the small-number rule. */
export const genderSeries: StemSeries = {
  indicator: 'secondary_grade23_stem_share',
  breakdown: 'gender',
  baseline: { year: '2010-2011', total: shown(335, 1000) },
  years: [
    {
      year: '2010-2011',
      definition: 'categories_2012',
      source: 'demo',
      total: shown(335, 1000),
      changeFromBaselinePp: 0,
      groups: [
        { key: 'f', value: shown(120, 500), changeFromBaselinePp: 0 },
        { key: 'm', value: shown(215, 500), changeFromBaselinePp: 0 },
      ],
    },
    {
      year: '2023-2024',
      definition: 'domain_2',
      source: 'demo',
      total: shown(364, 1000),
      changeFromBaselinePp: 2.9,
      groups: [
        { key: 'f', value: hidden, changeFromBaselinePp: null },
        { key: 'm', value: shown(3, 600), changeFromBaselinePp: -42.5 },
      ],
    },
  ],
  targets: [],
  published: [
    {
      indicator: 'secondary_grade23_stem_share',
      year: '2023-2024',
      value: 0.364,
      breakdown: 'none',
      group: null,
      source: 'POM Limburg',
      sourceUrl: 'https://pomlimburg.be',
      verified: false,
    },
  ],
};
