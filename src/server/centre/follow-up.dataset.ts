import type { FollowUpProgressDto } from '../../shared/centre/follow-up-api';
import type { OpenDataRow, OpenDataset } from './open-data.registry';

/** What the follow-up dataset reads: the published counts (FollowUpStepsService). */
export interface FollowUpFigures {
  publishedProgress(): Promise<FollowUpProgressDto>;
}

/** How far schools get after a Digisnap round, as open data: a row per group and step. */
export function followUpDatasets(figures: FollowUpFigures): OpenDataset[] {
  return [
    {
      id: 'opvolging-na-digisnap',
      title: { nl: 'Opvolging na een Digisnap-ronde', en: 'Follow-up after a Digisnap round' },
      description: {
        nl: 'Hoeveel scholen met een afgeronde Digisnap-ronde elke stap van het kenniscentrum na de ronde afvinkten, voor Vlaanderen, per provincie en per onderwijsniveau.',
        en: 'How many schools with a finished Digisnap round ticked each of the knowledge centre’s steps after the round, for Flanders, per province and per education level.',
      },
      period: { nl: 'Alle afgeronde rondes tot vandaag', en: 'Every finished round up to today' },
      privacyRule: {
        nl: 'Een groep van minder dan 5 scholen toont geen enkel aantal.',
        en: 'A group of fewer than 5 schools shows no count at all.',
      },
      sourceModule: 'school',
      columns: [
        {
          id: 'breakdown',
          type: 'text',
          title: { nl: 'Uitsplitsing', en: 'Breakdown' },
          definition: { nl: 'flanders, province of level', en: 'flanders, province or level' },
        },
        {
          id: 'group',
          type: 'text',
          title: { nl: 'Groep', en: 'Group' },
          definition: { nl: 'De code van de provincie of het niveau; leeg voor Vlaanderen', en: 'The province or level code; empty for Flanders' },
        },
        { id: 'step', type: 'text', title: { nl: 'Stap', en: 'Step' }, definition: { nl: 'De vaste sleutel van de stap', en: 'The step’s fixed key' } },
        { id: 'title_nl', type: 'text', title: { nl: 'Stap (Nederlands)', en: 'Step (Dutch)' }, definition: { nl: 'De titel van de stap', en: 'The step’s title in Dutch' } },
        { id: 'title_en', type: 'text', title: { nl: 'Stap (Engels)', en: 'Step (English)' }, definition: { nl: 'De Engelse titel van de stap', en: 'The step’s title' } },
        {
          id: 'schools',
          type: 'integer',
          title: { nl: 'Scholen met een afgeronde ronde', en: 'Schools with a finished round' },
          definition: { nl: 'Leeg bij minder dan 5 scholen', en: 'Empty under 5 schools' },
        },
        {
          id: 'schools_ticked',
          type: 'integer',
          title: { nl: 'Scholen die de stap afvinkten', en: 'Schools that ticked the step' },
          definition: { nl: 'Leeg bij minder dan 5 scholen in de groep', en: 'Empty under 5 schools in the group' },
        },
      ],
      async rows() {
        const progress = await figures.publishedProgress();
        const groups = [
          { breakdown: 'flanders', group: null, counts: progress.flanders },
          ...progress.byProvince.map((one) => ({ breakdown: 'province', group: one.province, counts: one })),
          ...progress.byLevel.map((one) => ({ breakdown: 'level', group: one.level, counts: one })),
        ];
        return groups.flatMap(({ breakdown, group, counts }) =>
          progress.steps.map(
            (step, i): OpenDataRow => ({
              breakdown,
              group,
              step: step.key,
              title_nl: step.title.nl,
              title_en: step.title.en,
              schools: counts.schools,
              schools_ticked: counts.ticked?.[i] ?? null,
            }),
          ),
        );
      },
    },
  ];
}
