import { MIN_GROUP_SIZE } from '../../digisnap/privacy';
import type { LocalisedText } from '../../platform/text';

/** One area of one released report: its shown groups with their respondents (null: hidden) and mean from the noisy counts. */
export interface ReleasedArea {
  id: string;
  name: LocalisedText;
  groups: ReadonlyArray<{ group: string; respondents: { count: number | null }; mean: number | null }>;
}

export interface FlandersArea {
  area: string;
  name: LocalisedText;
  /** null: fewer than `MIN_GROUP_SIZE` respondents over every report, so nothing is shown. */
  respondents: number | null;
  /** The respondents' mean, two decimals; null when hidden. */
  score: number | null;
}

/**
 * The areas of many released reflection reports added up for Flanders: per area, the shown
 * groups' respondents and their mean weighted by them ('all' is left out, as it repeats the
 * groups). Only released figures go in, and an area under `MIN_GROUP_SIZE` respondents in all
 * comes out empty, so no published figure rests on fewer than five people.
 */
export function flandersAreas(reports: ReadonlyArray<readonly ReleasedArea[]>): FlandersArea[] {
  const areas = new Map<string, { name: LocalisedText; respondents: number; weighted: number }>();
  for (const sections of reports) {
    for (const section of sections) {
      const area = areas.get(section.id) ?? { name: section.name, respondents: 0, weighted: 0 };
      for (const stats of section.groups) {
        if (stats.group === 'all' || stats.respondents.count === null || stats.mean === null) continue;
        area.respondents += stats.respondents.count;
        area.weighted += stats.respondents.count * stats.mean;
      }
      areas.set(section.id, area);
    }
  }
  return [...areas].map(([area, { name, respondents, weighted }]) =>
    respondents >= MIN_GROUP_SIZE ? { area, name, respondents, score: Math.round((100 * weighted) / respondents) / 100 } : { area, name, respondents: null, score: null },
  );
}
