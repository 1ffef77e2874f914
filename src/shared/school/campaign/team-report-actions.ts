import type { LocalisedText } from '../../platform/text';
import type { SuggestedAction } from '../policy-plan/suggested-action';

/**
 * Policy-plan actions suggested by a Digisnap team report, from what the report publishes only
 * (its noisy distributions): its priority area, the competences whose share at B or above is
 * lowest, and the areas that fall short of a counted aim of the framework file (KD: every school
 * needs some C colleagues who coach and experiment; the aim and its band come from the file, not
 * from here). All of them serve the front "ICT skills".
 */

/** What the suggestions read of a team report (a subset of SchoolReport). */
export interface ReportForActions {
  campaign: { id: string };
  threshold: number;
  respondents: number;
  overall: { bands: ReadonlyArray<{ band: string }> };
  norms: ReadonlyArray<{ id: string; kind: 'share_at_or_above' | 'count_at_or_above'; band: string; aim: number; label: LocalisedText }>;
  priorityArea: { number: number; name: LocalisedText; basis: 'largest_share_at_a'; shareAtA: number } | null;
  areas: ReadonlyArray<{ number: number; name: LocalisedText; bands: ReadonlyArray<{ band: string; count: number }> }>;
  competences: ReadonlyArray<{
    code: string;
    areaNumber: number;
    name: LocalisedText;
    bOrAbove: { share: number };
  }>;
}

/** How many of the weakest competences are suggested. */
export const WEAKEST_COMPETENCES = 3;

const nlNumber = (value: number) => String(value).replace('.', ',');

/** The suggestions of one team report, most urgent first. */
export function teamReportSuggestions(report: ReportForActions): SuggestedAction[] {
  const source = { kind: 'team_report' as const, id: report.campaign.id };
  const bands = report.overall.bands.map((b) => b.band);
  const firstBand = bands[0] ?? 'A';
  const suggestions: SuggestedAction[] = [];
  const areaLabel = (area: { number: number; name: LocalisedText }): LocalisedText => ({ nl: `${area.number}. ${area.name.nl}`, en: `${area.number}. ${area.name.en}` });

  const priority = report.priorityArea;
  if (priority) {
    const label = areaLabel(priority);
    const why = {
      nl: `Het directierapport wijst dit domein aan als prioriteit: ${nlNumber(priority.shareAtA)}% van het team staat er op niveau ${firstBand}.`,
      en: `The leadership report names this area as its priority: ${priority.shareAtA}% of the team is at level ${firstBand} in it.`,
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
    .map((competence) => ({ competence, share: competence.bOrAbove.share }))
    .filter((entry) => entry.share < 100)
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

  for (const aim of report.norms) {
    if (aim.kind !== 'count_at_or_above') continue;
    const upward = new Set(bands.slice(Math.max(bands.indexOf(aim.band), 0)));
    for (const area of report.areas) {
      const count = area.bands.filter((b) => upward.has(b.band)).reduce((sum, b) => sum + b.count, 0);
      if (count >= aim.aim) continue;
      const label = areaLabel(area);
      const [nlCount, enCount] = count === 0 ? ['geen', 'no'] : [String(count), String(count)];
      suggestions.push({
        key: `some-${aim.band.toLowerCase()}-area-${area.number}`,
        title: {
          nl: `Enkele collega's laten doorgroeien naar niveau ${aim.band} in domein ${label.nl}, als coach en trekker`,
          en: `Help a few colleagues grow to level ${aim.band} in area ${label.en}, to coach and lead the way`,
        },
        why: {
          nl: `Het directierapport toont in dit domein ${nlCount} collega's op niveau ${aim.band} of hoger; het streefdoel van het Kenniscentrum: ${aim.label.nl}.`,
          en: `The leadership report shows ${enCount} colleagues at level ${aim.band} or above in this area; the knowledge centre's aim: ${aim.label.en}.`,
        },
        front: 'skills',
        target: { kind: 'digcompedu_area', code: String(area.number), label: area.name },
        priority: 3,
        source,
      });
    }
  }
  return suggestions;
}
