import type { NeedsOfferCell } from '../../shared/centre/needs-offer.api';
import type { OpenDataset } from './open-data.registry';

/** What the dataset reads: every published cell of the needs against the offer. */
export interface NeedsOfferFigures {
  publishedCells(): Promise<NeedsOfferCell[]>;
}

const count = (nl: string, en: string) => ({ type: 'integer' as const, title: { nl, en } });

/** The needs against the offer as open data: per province, education level and competence, the need, the places and the gap. */
export function needsOfferDatasets(figures: NeedsOfferFigures): OpenDataset[] {
  return [
    {
      id: 'noden-en-aanbod',
      title: { nl: 'Noden en aanbod: leraren die een stap nodig hebben en opleidingsplaatsen', en: 'Needs and offer: teachers who need a step and training places' },
      description: {
        nl: 'Per provincie, onderwijsniveau en competentie: hoeveel leraren volgens hun laatste Digisnap-scan onder het doelniveau zitten, hoeveel vrije plaatsen opleidingen binnen bereik de komende zes maanden bieden, en het tekort.',
        en: 'Per province, education level and competence: how many teachers are below the target level by their latest Digisnap scan, how many free places trainings within reach offer in the coming six months, and the shortfall.',
      },
      period: { nl: 'De laatste scan van elke leraar; sessies die de komende zes maanden starten', en: 'Each teacher’s latest scan; sessions starting in the coming six months' },
      privacyRule: {
        nl: 'De aantallen leraren dragen ruis zoals de schoolrapporten; een aantal onder vijf blijft leeg, net als elk aantal waaruit zo’n aantal af te leiden is.',
        en: 'The counts of teachers carry noise as the school reports do; a count under five is left empty, as is any count from which one could be worked out.',
      },
      sourceModule: 'digisnap',
      columns: [
        { id: 'province', type: 'text', title: { nl: 'Provincie', en: 'Province' }, definition: { nl: 'De code van de provincie', en: 'The province’s code' } },
        {
          id: 'level',
          type: 'text',
          title: { nl: 'Onderwijsniveau', en: 'Education level' },
          definition: { nl: 'De code van het niveau; all: de provincie over alle niveaus', en: 'The level’s code; all: the province over every level' },
        },
        { id: 'competence', type: 'text', title: { nl: 'Competentie', en: 'Competence' }, definition: { nl: 'De DigCompEdu-code, bv. 5.2', en: 'The DigCompEdu code, e.g. 5.2' } },
        {
          ...count('Nood', 'Need'),
          definition: { nl: 'Leraren onder het doelniveau (met ruis); leeg als verborgen', en: 'Teachers below the target level (noisy); empty when hidden' },
          id: 'need',
        },
        {
          ...count('Gescand', 'Scanned'),
          definition: { nl: 'Leraren met een scan (met ruis); leeg als verborgen', en: 'Teachers with a scan (noisy); empty when hidden' },
          id: 'scanned',
        },
        { ...count('Plaatsen', 'Places'), definition: { nl: 'Vrije plaatsen in de provincie of online', en: 'Free places in the province or online' }, id: 'places' },
        { ...count('Tekort', 'Shortfall'), definition: { nl: 'Nood min plaatsen, minstens 0', en: 'Need minus places, at least 0' }, id: 'shortfall' },
        {
          id: 'gap_index',
          type: 'share',
          title: { nl: 'Tekortindex', en: 'Gap index' },
          definition: { nl: 'Tekort gedeeld door nood, van 0 tot 1', en: 'Shortfall divided by need, 0 to 1' },
        },
      ],
      async rows() {
        return (await figures.publishedCells()).map((cell) => ({
          province: cell.province,
          level: cell.level,
          competence: cell.competence,
          need: cell.need,
          scanned: cell.scanned,
          places: cell.places,
          shortfall: cell.shortfall,
          gap_index: cell.gapIndex,
        }));
      },
    },
  ];
}
