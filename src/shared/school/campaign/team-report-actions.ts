import type { LocalisedText } from '../../platform/text';
import type { SuggestedAction } from '../policy-plan/suggested-action';

/**
 * Policy-plan actions suggested by a Digisnap team report, from what the report shows only:
 * its priority area, the competences whose share at B or above is lowest, and the areas
 * where the report shows no group at C (KD: every school needs some C colleagues who coach
 * and experiment). A hidden cell plays no part beyond what the report itself lets a reader
 * work out (a row's shown respondents minus its shown cells), so a suggestion reveals nothing
 * the report hides. All of them serve the front "ICT skills".
 */

/** What the suggestions read of a team report (a subset of SchoolReport). */
export interface ReportForActions {
  campaign: { id: string };
  threshold: number;
  respondents: number;
  overall: { bands: ReadonlyArray<{ band: string }> };
  priorityArea: { number: number; name: LocalisedText; basis: 'largest_share_at_a' | 'lowest_mean'; shareAtA: number | null; meanShare: number } | null;
  areas: ReadonlyArray<{ number: number; name: LocalisedText; bands: ReadonlyArray<{ band: string; count: number | null; suppressed: boolean }> }>;
  competences: ReadonlyArray<{
    code: string;
    areaNumber: number;
    name: LocalisedText;
    levels: ReadonlyArray<{ level: string; count: number | null; suppressed: boolean }>;
  }>;
}

/** How many of the weakest competences are suggested. */
export const WEAKEST_COMPETENCES = 3;

const round1 = (value: number) => Math.round(value * 10) / 10;
const nlNumber = (value: number) => String(value).replace('.', ',');

/**
 * The share (0–100) of respondents at B or above in a competence, as far as the report lets
 * a reader know it: from its shown B-and-up cells when all are shown, else from its shown A
 * cells when all of those are; null when neither side is fully shown. A level belongs to the
 * first band when its code starts with that band's code (A1, A2 → A).
 */
export function competenceShareAtBOrAbove(competence: ReportForActions['competences'][number], respondents: number, firstBand: string): number | null {
  if (respondents <= 0) return null;
  const atA = competence.levels.filter((cell) => cell.level.startsWith(firstBand));
  const above = competence.levels.filter((cell) => !cell.level.startsWith(firstBand));
  const shownSum = (cells: typeof atA) => (cells.every((cell) => !cell.suppressed && cell.count !== null) ? cells.reduce((acc, cell) => acc + cell.count!, 0) : null);
  const aboveCount = shownSum(above);
  if (aboveCount !== null) return round1((aboveCount / respondents) * 100);
  const aCount = shownSum(atA);
  return aCount === null ? null : round1(((respondents - aCount) / respondents) * 100);
}

/** The suggestions of one team report, most urgent first. */
export function teamReportSuggestions(report: ReportForActions): SuggestedAction[] {
  const source = { kind: 'team_report' as const, id: report.campaign.id };
  const bands = report.overall.bands.map((b) => b.band);
  const [firstBand, lastBand] = [bands[0] ?? 'A', bands[bands.length - 1] ?? 'C'];
  const suggestions: SuggestedAction[] = [];
  const areaLabel = (area: { number: number; name: LocalisedText }): LocalisedText => ({ nl: `${area.number}. ${area.name.nl}`, en: `${area.number}. ${area.name.en}` });

  const priority = report.priorityArea;
  if (priority) {
    const label = areaLabel(priority);
    const why =
      priority.basis === 'largest_share_at_a' && priority.shareAtA !== null
        ? {
            nl: `Het teamrapport wijst dit domein aan als prioriteit: ${nlNumber(priority.shareAtA)}% van het team staat er op niveau ${firstBand}.`,
            en: `The team report names this area as its priority: ${priority.shareAtA}% of the team is at level ${firstBand} in it.`,
          }
        : {
            nl: `Het teamrapport wijst dit domein aan als prioriteit: het heeft de laagste gemiddelde score (${nlNumber(priority.meanShare)}% van het maximum).`,
            en: `The team report names this area as its priority: it has the lowest mean score (${priority.meanShare}% of the maximum).`,
          };
    suggestions.push({
      key: `priority-area-${priority.number}`,
      title: { nl: `Het team professionaliseren in domein ${label.nl}`, en: `Train the team in area ${label.en}` },
      why,
      front: 'skills',
      target: { kind: 'digcompedu_area', code: String(priority.number), label: priority.name },
      priority: 1,
      source,
    });
  }

  const weakest = report.competences
    .map((competence) => ({ competence, share: competenceShareAtBOrAbove(competence, report.respondents, firstBand) }))
    .filter((entry): entry is { competence: (typeof entry)['competence']; share: number } => entry.share !== null && entry.share < 100)
    .sort((a, b) => a.share - b.share || a.competence.code.localeCompare(b.competence.code, 'en', { numeric: true }))
    .slice(0, WEAKEST_COMPETENCES);
  for (const { competence, share } of weakest) {
    suggestions.push({
      key: `competence-${competence.code}`,
      title: {
        nl: `Groeien in competentie ${competence.code} ${competence.name.nl}`,
        en: `Grow in competence ${competence.code} ${competence.name.en}`,
      },
      why: {
        nl: `Slechts ${nlNumber(share)}% van het team staat hier op niveau B of hoger, een van de laagste aandelen in het rapport.`,
        en: `Only ${share}% of the team is at level B or above here, one of the lowest shares in the report.`,
      },
      front: 'skills',
      target: { kind: 'digcompedu_competence', code: competence.code, label: competence.name },
      priority: 2,
      source,
    });
  }

  for (const area of report.areas) {
    const atC = area.bands.find((b) => b.band === lastBand);
    if (!atC || (!atC.suppressed && (atC.count ?? 0) > 0)) continue;
    const label = areaLabel(area);
    suggestions.push({
      key: `some-c-area-${area.number}`,
      title: {
        nl: `Enkele collega's laten doorgroeien naar niveau ${lastBand} in domein ${label.nl}, als coach en trekker`,
        en: `Help a few colleagues grow to level ${lastBand} in area ${label.en}, to coach and lead the way`,
      },
      why: {
        nl: `Het teamrapport toont in dit domein geen groep van minstens ${report.threshold} collega's op niveau ${lastBand}; elke school heeft er enkele nodig.`,
        en: `The team report shows no group of at least ${report.threshold} colleagues at level ${lastBand} in this area; every school needs a few.`,
      },
      front: 'skills',
      target: { kind: 'digcompedu_area', code: String(area.number), label: area.name },
      priority: 3,
      source,
    });
  }
  return suggestions;
}
