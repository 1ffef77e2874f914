import type { FlandersPicture, PictureCell } from '../../shared/centre/digisnap-picture';
import type { OpenDataColumn } from '../../shared/centre/open-data';
import { type PictureBreakdown, pictureBreakdowns } from '../../shared/centre/picture-vocabulary';
import type { OpenDataRow, OpenDataset } from './open-data.registry';

/** Where the Digisnap datasets read the current release: the centre's overview keeps it (centre.service.ts). */
export interface PublishedPicture {
  /** Every breakdown's picture of the current release, as released through digisnap's privacy gate. */
  picture(): Promise<Record<PictureBreakdown, FlandersPicture>>;
}

const privacyRule = {
  nl: 'Elk aantal kreeg eenmalig ruis per publicatie (het tweezijdig geometrisch mechanisme, zoals de schoolrapporten); elk aantal onder 5 en elk aantal waaruit een verborgen aantal af te leiden is, blijft leeg. Een publicatie verandert pas als de gegevens veranderen.',
  en: 'Every count got noise once per release (the two-sided geometric mechanism, as in the school reports); every count under 5, and every count from which a hidden one could be worked out, is left empty. A release changes only when the data change.',
};
const period = {
  nl: 'Scans ingediend vanaf de eerste dag van deze maand vorig jaar (kolom from)',
  en: 'Scans submitted from the first day of this month last year on (column from)',
};

const column = (id: string, type: OpenDataColumn['type'], nl: string, en: string, definitionNl: string, definitionEn: string): OpenDataColumn => ({
  id,
  type,
  title: { nl, en },
  definition: { nl: definitionNl, en: definitionEn },
});

const releaseColumns = [
  column('release', 'text', 'Publicatie', 'Release', 'De publicatie waarvan de ruis komt', 'The release the noise belongs to'),
  column('from', 'date', 'Vanaf', 'From', 'De eerste dag die meetelt', 'The first day that counts'),
  column('breakdown', 'text', 'Opsplitsing', 'Breakdown', 'none, province, level, network of size', 'none, province, level, network or size'),
  column(
    'group',
    'text',
    'Groep',
    'Group',
    'flanders, een provincie, onderwijsniveau, net of grootteklasse (xs 1–24, s 25–49, m 50–99, l 100+ leraren)',
    'flanders, a province, education level, network or size band (xs 1–24, s 25–49, m 50–99, l 100+ teachers)',
  ),
];

const count = (cell: PictureCell) => cell.count;
const share = (value: number | null) => (value === null ? null : Math.round(value * 10) / 1000);

/** The Flanders-wide Digisnap picture as open data: participation per group, and every level distribution per group. */
export function digisnapPictureDatasets(source: PublishedPicture): OpenDataset[] {
  const rowsOf = async (row: (picture: FlandersPicture, breakdown: PictureBreakdown) => OpenDataRow[]) => {
    const release = await source.picture();
    return pictureBreakdowns.flatMap((breakdown) => row(release[breakdown], breakdown));
  };
  const head = (picture: FlandersPicture, breakdown: PictureBreakdown, group: string) => ({
    release: picture.release?.id ?? null,
    from: picture.release?.from.slice(0, 10) ?? null,
    breakdown,
    group,
  });
  return [
    {
      id: 'digisnap-deelname',
      title: { nl: 'Digisnap: deelname in Vlaanderen', en: 'Digisnap: participation across Flanders' },
      description: {
        nl: 'Per groep (heel Vlaanderen, provincie, onderwijsniveau, net, schoolgrootte): scholen, scholen met een afgeronde Digisnap-ronde, leraren op het platform en leraren met een ingediende scan.',
        en: 'Per group (all of Flanders, province, education level, network, school size): schools, schools with a finished Digisnap round, teachers on the platform and teachers with a submitted scan.',
      },
      period,
      privacyRule,
      sourceModule: 'digisnap',
      columns: [
        ...releaseColumns,
        column('schools', 'integer', 'Scholen', 'Schools', 'Scholen op het platform in de groep', 'Schools on the platform in the group'),
        column(
          'schools_with_finished_round',
          'integer',
          'Scholen met afgeronde ronde',
          'Schools with a finished round',
          'Scholen waarvan een ronde in de periode afliep',
          'Schools whose round ended in the period',
        ),
        column('teachers', 'integer', 'Leraren', 'Teachers', 'Leraren op het platform in de groep', 'Teachers on the platform in the group'),
        column(
          'respondents',
          'integer',
          'Respondenten',
          'Respondents',
          'Leraren met een ingediende scan (met ruis); leeg als verborgen',
          'Teachers with a submitted scan (with noise); empty when hidden',
        ),
        column('participation', 'share', 'Deelname', 'Participation', 'Respondenten gedeeld door leraren, van 0 tot 1', 'Respondents divided by teachers, 0 to 1'),
      ],
      rows: () =>
        rowsOf((picture, breakdown) =>
          picture.groups.map((group) => ({
            ...head(picture, breakdown, group.key),
            schools: group.schools,
            schools_with_finished_round: group.schoolsWithFinishedRound,
            teachers: group.teachers,
            respondents: count(group.respondents),
            participation: share(group.participation),
          })),
        ),
    },
    {
      id: 'digisnap-niveaus',
      title: { nl: 'Digisnap: niveaus per gebied en competentie in Vlaanderen', en: 'Digisnap: levels per area and competence across Flanders' },
      description: {
        nl: 'Per groep en per histogram (het totaalniveau, elk gebied en elke competentie van DigCompEdu): het aantal leraren op elk niveau A1–C2 en hun aandeel.',
        en: 'Per group and per histogram (the overall level, each area and each competence of DigCompEdu): the number of teachers at each level A1–C2 and their share.',
      },
      period,
      privacyRule,
      sourceModule: 'digisnap',
      columns: [
        ...releaseColumns,
        column('histogram', 'text', 'Histogram', 'Histogram', 'overall, area:<nummer> of competence:<code>', 'overall, area:<number> or competence:<code>'),
        column('level', 'text', 'Niveau', 'Level', 'A1 tot C2', 'A1 to C2'),
        column('count', 'integer', 'Aantal', 'Count', 'Leraren op dit niveau (met ruis); leeg als verborgen', 'Teachers at this level (with noise); empty when hidden'),
        column('share', 'share', 'Aandeel', 'Share', 'Van de leraren van het histogram in de groep, van 0 tot 1', 'Of the histogram’s teachers in the group, 0 to 1'),
      ],
      rows: () =>
        rowsOf((picture, breakdown) =>
          picture.groups.flatMap((group) =>
            [
              { histogram: 'overall', levels: group.overall.levels },
              ...group.areas.map((area) => ({ histogram: `area:${area.number}`, levels: area.levels })),
              ...group.competences.map((competence) => ({ histogram: `competence:${competence.code}`, levels: competence.levels })),
            ].flatMap(({ histogram, levels }) =>
              levels.map((cell) => ({ ...head(picture, breakdown, group.key), histogram, level: cell.level, count: count(cell), share: share(cell.share) })),
            ),
          ),
        ),
    },
  ];
}
