import { z } from 'zod';
import { effectiveThreshold } from '../../digisnap/privacy';
import { formatNumber } from '../../i18n/format';
import { geometricAlpha, noiseStatement, noisyHistogram, type Uniform } from '../../platform/differential-privacy';
import type { Answers } from '../../scan/engine';
import { answeredBy, type Instrument, type InstrumentItem, type InstrumentSection } from '../../scan/instrument';
import type { ActionSourceKind, SuggestedAction } from '../policy-plan/suggested-action';
import { type ReflectionGroup, type ReflectionReport, type ReflectionReportNoise, type ReflectionSectionReport, type ReflectionStats, reflectionGroupSchema } from './reflection';
import { HIDDEN, reflectionGroupVisibility } from './reflection-privacy';

/**
 * The report of a reflection round, pure, in two steps.
 *
 * 1. `aggregateReflection` is the only code that reads the answers. Per statement and per shown
 *    group it counts the answers per scale value and "not applicable" (one histogram) and adds
 *    two-sided geometric noise to every count (shared/platform/differential-privacy.ts, ε per
 *    histogram). The result, a *publication*, is stored and served again on every read, so
 *    reading twice gives nothing new. Which groups are shown is the rule of reflection-privacy.ts:
 *    every group of at least the threshold, noisy.
 * 2. `reflectionReportOf` turns a publication into the report: section sums, means, gaps between
 *    groups, points for action. It reads nothing but the noisy counts (post-processing costs no
 *    privacy), so no exact mean or spread of any group ever leaves.
 *
 * Why noise and not only a threshold: whoever holds a class code can post four known responses
 * beside one real pupil; the group then reaches five and exact figures minus the known answers
 * would be that pupil's. With noise the best guess of the pupil's answer to one statement is
 * right at most e^(2ε) / (e^(2ε) + k − 1) of the time among k options (`guessBound`).
 */

/** One submitted response: its group and its answers (option indexes). No identity. */
export interface SubmittedReflection {
  group: ReflectionGroup;
  answers: Answers;
}

export interface ReflectionAggregateInput {
  instrument: Instrument;
  /** The round's groups, in the order the report shows them. */
  groups: readonly ReflectionGroup[];
  responses: readonly SubmittedReflection[];
  threshold: number;
  /** ε of one histogram. */
  epsilon: number;
  /** Where the noise comes from: the CSPRNG on the server, a seeded source in tests. */
  uniform: Uniform;
  /**
   * The round's previous publication. A group whose respondents did not change since keeps its
   * noisy counts from it: drawing again would let a reader average the noise away over
   * publications that others' new answers (five stand-in pupils, say) bring about.
   */
  previous?: ReflectionPublication;
}

/** What is stored per publication: the noisy counts and how they were made. Nothing else about the answers. */
export const reflectionPublicationSchema = z.object({
  epsilon: z.number().positive(),
  threshold: z.number().int(),
  /** Respondents per group of the round in this publication (a hidden group's size is never shown). */
  respondents: z.partialRecord(reflectionGroupSchema, z.number().int().nonnegative()),
  /** Per statement, per shown group that answers it: noisy counts per scale step, then "not applicable" when the instrument has it. */
  counts: z.record(z.string(), z.partialRecord(reflectionGroupSchema, z.array(z.number().int().nonnegative()))),
  histograms: z.number().int().nonnegative(),
});
export type ReflectionPublication = z.infer<typeof reflectionPublicationSchema>;

export type ReflectionAggregate = Pick<ReflectionReport, 'threshold' | 'actionBelow' | 'scale' | 'total' | 'sections' | 'pointsForAction'> & {
  groups: Array<{ group: ReflectionGroup; respondents: ReflectionReport['total'] }>;
  noise: Omit<ReflectionReportNoise, 'publication' | 'publishedAt'>;
};

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Step 1: draws the noise of one publication from the answers. The only reader of answers. */
export function aggregateReflection(input: ReflectionAggregateInput): ReflectionPublication {
  const threshold = effectiveThreshold(input.threshold);
  const { instrument } = input;
  const alpha = geometricAlpha(input.epsilon);
  const sizes = input.groups.map((group) => [group, input.responses.filter((response) => response.group === group).length] as const);
  const { shown } = reflectionGroupVisibility(sizes, threshold);
  const counts: ReflectionPublication['counts'] = {};
  const { previous } = input;
  const unchanged = (group: ReflectionGroup, size: number) => previous !== undefined && previous.epsilon === input.epsilon && previous.respondents[group] === size;
  const sizeOf = new Map(sizes);
  let histograms = 0;
  for (const item of instrument.sections.flatMap((section) => section.items)) {
    const perGroup: Partial<Record<ReflectionGroup, number[]>> = {};
    for (const group of shown) {
      if (!answeredBy(item, group, instrument)) continue;
      const kept = unchanged(group, sizeOf.get(group) ?? 0) ? previous?.counts[item.id]?.[group] : undefined;
      const members = input.responses.filter((response) => response.group === group);
      perGroup[group] = kept ? [...kept] : noisyHistogram(trueHistogram(item, members, instrument), alpha, input.uniform);
      histograms += 1;
    }
    if (Object.keys(perGroup).length > 0) counts[item.id] = perGroup;
  }
  return { epsilon: input.epsilon, threshold, respondents: Object.fromEntries(sizes), counts, histograms };
}

/** Cells of one statement's histogram: one per scale step, then "not applicable" when the instrument has it. */
export function histogramCells(instrument: Instrument): number {
  return instrument.scale.length + (instrument.notApplicable ? 1 : 0);
}

/** The true counts of one statement over these responses. Never leaves this file without noise. */
function trueHistogram(item: InstrumentItem, responses: readonly SubmittedReflection[], instrument: Instrument): number[] {
  const cells = new Array<number>(histogramCells(instrument)).fill(0);
  for (const response of responses) {
    const answer = response.answers[item.id];
    if (answer !== undefined && answer >= 0 && answer < cells.length) cells[answer] += 1;
  }
  return cells;
}

/** Step 2: the report as the school sees it, from a stored publication only. */
export function reflectionReportOf(publication: ReflectionPublication, instrument: Instrument, groups: readonly ReflectionGroup[]): ReflectionAggregate {
  const threshold = publication.threshold;
  const visibility = reflectionGroupVisibility(
    groups.map((group) => [group, publication.respondents[group] ?? 0] as const),
    threshold,
  );
  const context: PartContext = { instrument, publication, shown: visibility.shown, showAll: !visibility.sizes.get('all')!.suppressed };
  const sections = instrument.sections.flatMap((section) => {
    const report = sectionReport(section, groups, context);
    return report ? [report] : [];
  });
  const lowFirst = sections
    .filter((section) => section.pointForAction)
    .map((section) => ({ id: section.id, mean: section.combinedMean ?? Infinity }))
    .sort((a, b) => a.mean - b.mean);
  const stated = noiseStatement(publication.epsilon);
  return {
    threshold,
    actionBelow: instrument.actionBelow,
    scale: instrument.scale.map((step) => ({ value: step.value, label: step.label })),
    groups: groups.map((group) => ({ group, respondents: visibility.sizes.get(group) ?? HIDDEN })),
    total: visibility.sizes.get('all') ?? HIDDEN,
    sections,
    pointsForAction: lowFirst.map((section) => section.id),
    noise: {
      epsilon: publication.epsilon,
      histograms: publication.histograms,
      expectedError: stated.expectedError,
      errorBound: stated.bound,
      confidence: stated.confidence,
    },
  };
}

interface PartContext {
  instrument: Instrument;
  publication: ReflectionPublication;
  shown: readonly ReflectionGroup[];
  /** Whether "all groups" may be shown (reflection-privacy.ts). */
  showAll: boolean;
}

function sectionReport(section: InstrumentSection, roundGroups: readonly ReflectionGroup[], context: PartContext): ReflectionSectionReport | null {
  const answering = roundGroups.filter((group) => section.items.some((item) => answeredBy(item, group, context.instrument)));
  if (answering.length === 0) return null;
  const { stats: groups, combinedMean } = partStats(section.items, answering, context);
  const items = section.items.flatMap((item) => {
    const itemGroups = answering.filter((group) => answeredBy(item, group, context.instrument));
    if (itemGroups.length === 0) return [];
    const part = partStats([item], itemGroups, context);
    return [
      {
        id: item.id,
        statement: item.statement,
        pupilStatement: itemGroups.includes('pupils') ? (item.pupilStatement ?? null) : null,
        groups: part.stats,
        combinedMean: part.combinedMean,
        pointForAction: isBelow(part.combinedMean, context.instrument),
      },
    ];
  });
  return {
    id: section.id,
    name: section.name,
    front: section.front,
    groups,
    gaps: gapsOf(groups),
    combinedMean,
    pointForAction: isBelow(combinedMean, context.instrument),
    items,
  };
}

const isBelow = (mean: number | null, instrument: Instrument) => mean !== null && mean < instrument.actionBelow;

/** Stats of a set of statements for each answering group and for all of them, from the noisy counts; hidden where the rule says. */
function partStats(items: readonly InstrumentItem[], groups: readonly ReflectionGroup[], context: PartContext) {
  const { instrument, publication } = context;
  const cellsOf = (group: ReflectionGroup): number[] => {
    const sum = new Array<number>(histogramCells(instrument)).fill(0);
    for (const item of items) {
      const cells = publication.counts[item.id]?.[group];
      if (cells) cells.forEach((count, index) => (sum[index] += count));
    }
    return sum;
  };
  const shownHere = groups.filter((group) => context.shown.includes(group));
  const combined = shownHere.map(cellsOf).reduce((sum, cells) => sum.map((count, index) => count + cells[index]), new Array<number>(histogramCells(instrument)).fill(0));
  const stats: ReflectionStats[] = groups.map((group) => {
    if (!shownHere.includes(group)) return hiddenStats(group, instrument);
    return statsFrom(group, publication.respondents[group] ?? 0, cellsOf(group), instrument);
  });
  const everyone = groups.reduce((sum, group) => sum + (publication.respondents[group] ?? 0), 0);
  stats.push(context.showAll && shownHere.length > 0 ? statsFrom('all', everyone, combined, instrument) : hiddenStats('all', instrument));
  return { stats, combinedMean: shownHere.length > 0 ? meanOf(combined, instrument) : null };
}

function statsFrom(group: ReflectionGroup | 'all', respondents: number, cells: readonly number[], instrument: Instrument): ReflectionStats {
  const mean = meanOf(cells, instrument);
  return {
    group,
    respondents: { count: respondents, suppressed: false },
    mean,
    distribution: instrument.scale.map((step, index) => ({ value: step.value, count: cells[index] })),
    notApplicable: instrument.notApplicable ? cells[instrument.scale.length] : 0,
    belowAction: mean === null ? null : mean < instrument.actionBelow,
  };
}

/** The mean on the scale of noisy counts ("not applicable" left out); null when they hold nobody on the scale. */
function meanOf(cells: readonly number[], instrument: Instrument): number | null {
  let people = 0;
  let sum = 0;
  instrument.scale.forEach((step, index) => {
    people += cells[index];
    sum += cells[index] * step.value;
  });
  return people === 0 ? null : round2(sum / people);
}

function hiddenStats(group: ReflectionGroup | 'all', instrument: Instrument): ReflectionStats {
  return {
    group,
    respondents: HIDDEN,
    mean: null,
    distribution: instrument.scale.map((step) => ({ value: step.value, count: null })),
    notApplicable: null,
    belowAction: null,
  };
}

/** Every pair of shown groups with a mean, the larger gap first (ties in group order). */
function gapsOf(stats: readonly ReflectionStats[]): ReflectionSectionReport['gaps'] {
  const shown = stats.filter((s): s is ReflectionStats & { group: ReflectionGroup; mean: number } => s.group !== 'all' && s.mean !== null);
  const gaps: ReflectionSectionReport['gaps'] = [];
  shown.forEach((a, i) =>
    shown.slice(i + 1).forEach((b) => {
      const [higher, lower] = b.mean > a.mean ? [b, a] : [a, b];
      gaps.push({ higher: higher.group, lower: lower.group, difference: round2(higher.mean - lower.mean) });
    }),
  );
  return gaps.sort((x, y) => y.difference - x.difference);
}

// ---------------------------------------------------------------- suggested actions

/**
 * What the report points to, as actions for the ICT policy plan: every statement whose combined
 * mean (the shown groups together, from their published noisy counts) is below the action
 * threshold, with its action text and its section's front, the lowest mean first (priority 1).
 * Only published figures play a part: hidden groups and the answers themselves do not.
 */
export function reflectionSuggestedActions(
  report: Pick<ReflectionAggregate, 'sections' | 'actionBelow' | 'scale'>,
  instrument: Instrument,
  source: { kind: ActionSourceKind; id: string },
): SuggestedAction[] {
  const candidates = report.sections.flatMap((section) => {
    const content = instrument.sections.find((s) => s.id === section.id);
    return section.items.flatMap((item) => {
      const mean = item.combinedMean;
      const action = content?.items.find((i) => i.id === item.id)?.action;
      return item.pointForAction && mean !== null && action ? [{ section, item, mean, action }] : [];
    });
  });
  const top = report.scale[report.scale.length - 1]?.value ?? 0;
  return candidates
    .map((candidate, order) => ({ ...candidate, order }))
    .sort((a, b) => a.mean - b.mean || a.order - b.order)
    .map(({ section, item, mean, action }, index) => ({
      key: item.id,
      title: action,
      why: {
        nl: `Gemiddeld ${formatNumber(mean, 'nl', 2)} op ${top} voor "${item.statement.nl}" (${section.name.nl}); de actiedrempel is ${formatNumber(report.actionBelow, 'nl', 2)}.`,
        en: `Mean ${formatNumber(mean, 'en', 2)} out of ${top} on "${item.statement.en}" (${section.name.en}); the action threshold is ${formatNumber(report.actionBelow, 'en', 2)}.`,
      },
      front: section.front,
      target: { kind: 'instrument_item' as const, code: item.id, label: item.statement },
      priority: index + 1,
      source,
    }));
}
