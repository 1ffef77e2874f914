import { effectiveThreshold, type ProtectedCount } from '../../digisnap/privacy';
import { formatNumber } from '../../i18n/format';
import type { Answers } from '../../scan/engine';
import { answeredBy, type Instrument, type InstrumentItem, type InstrumentSection } from '../../scan/instrument';
import type { ActionSourceKind, SuggestedAction } from '../policy-plan/suggested-action';
import type { ReflectionGroup, ReflectionReport, ReflectionSectionReport, ReflectionStats } from './reflection';
import { HIDDEN, protectReflectionGroups } from './reflection-privacy';

/**
 * The report of a reflection round, pure: per section and per statement, per group and for
 * all groups together, the respondents, the mean on the scale ("not applicable" left out), the
 * answers per scale value and the "not applicable" count.
 *
 * Privacy: every part passes the reflection's own gate (reflection-privacy.ts), which runs
 * `suppressSmallGroups` with its groups as the parts of one line and "all groups" as its total. A group under the threshold shows nothing, and when a hidden group
 * could be worked out from the total and the shown groups, the next smallest group is hidden
 * too. A group nobody of answered is shown as hidden as well, but it is no part of the line: it
 * adds nobody to the total. Within a shown group the answers per value are shown as they are:
 * the statements are about the school, not about the respondent, and the group is at least the
 * threshold (SELFIE reports the same way).
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
}

export type ReflectionAggregate = Pick<ReflectionReport, 'threshold' | 'actionBelow' | 'scale' | 'total' | 'sections' | 'pointsForAction'> & {
  groups: Array<{ group: ReflectionGroup; respondents: ProtectedCount }>;
};

const round2 = (value: number) => Math.round(value * 100) / 100;

export function aggregateReflection(input: ReflectionAggregateInput): ReflectionAggregate {
  const threshold = effectiveThreshold(input.threshold);
  const { instrument } = input;
  const responsesOf = new Map(input.groups.map((group) => [group, input.responses.filter((response) => response.group === group)]));
  const context: PartContext = { instrument, threshold, responsesOf };

  const everyone = protectGroups(input.groups, context);
  const sections = instrument.sections.flatMap((section) => {
    const report = sectionReport(section, input.groups, context);
    return report ? [report] : [];
  });
  const lowFirst = sections
    .filter((section) => section.pointForAction)
    .map((section) => ({ id: section.id, mean: allOf(section.groups).mean ?? Infinity }))
    .sort((a, b) => a.mean - b.mean);
  return {
    threshold,
    actionBelow: instrument.actionBelow,
    scale: instrument.scale.map((step) => ({ value: step.value, label: step.label })),
    groups: input.groups.map((group) => ({ group, respondents: everyone.get(group) ?? HIDDEN })),
    total: everyone.get('all') ?? HIDDEN,
    sections,
    pointsForAction: lowFirst.map((section) => section.id),
  };
}

interface PartContext {
  instrument: Instrument;
  threshold: number;
  responsesOf: ReadonlyMap<ReflectionGroup, readonly SubmittedReflection[]>;
}

function sectionReport(section: InstrumentSection, roundGroups: readonly ReflectionGroup[], context: PartContext): ReflectionSectionReport | null {
  const answering = roundGroups.filter((group) => section.items.some((item) => answeredBy(item, group, context.instrument)));
  if (answering.length === 0) return null;
  const groups = partStats(section.items, answering, context);
  const items = section.items.flatMap((item) => {
    const itemGroups = answering.filter((group) => answeredBy(item, group, context.instrument));
    if (itemGroups.length === 0) return [];
    const stats = partStats([item], itemGroups, context);
    return [
      {
        id: item.id,
        statement: item.statement,
        pupilStatement: itemGroups.includes('pupils') ? (item.pupilStatement ?? null) : null,
        groups: stats,
        pointForAction: allOf(stats).belowAction === true,
      },
    ];
  });
  return { id: section.id, name: section.name, front: section.front, groups, gaps: gapsOf(groups), pointForAction: allOf(groups).belowAction === true, items };
}

/** The groups' sizes through the reflection's privacy gate: group → protected count, and 'all' for the total. */
function protectGroups(groups: readonly ReflectionGroup[], context: PartContext): Map<ReflectionGroup | 'all', ProtectedCount> {
  return protectReflectionGroups(
    groups.map((group) => [group, context.responsesOf.get(group)?.length ?? 0] as const),
    context.threshold,
  );
}

/** Stats of a set of statements for each answering group and for all of them, hidden where the gate says. */
function partStats(items: readonly InstrumentItem[], groups: readonly ReflectionGroup[], context: PartContext): ReflectionStats[] {
  const protectedSizes = protectGroups(groups, context);
  const statsOf = (group: ReflectionGroup | 'all', members: readonly ReflectionGroup[]): ReflectionStats => {
    const respondents = protectedSizes.get(group)!;
    if (respondents.suppressed) return hiddenStats(group, context.instrument);
    const responses = members.flatMap((member) => context.responsesOf.get(member) ?? []);
    return { group, respondents, ...tally(items, responses, context.instrument) };
  };
  return [...groups.map((group) => statsOf(group, [group])), statsOf('all', groups)];
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

/** Counts the answers of these responses to these statements (each response only to the ones its group answers). */
function tally(items: readonly InstrumentItem[], responses: readonly SubmittedReflection[], instrument: Instrument) {
  const perStep = instrument.scale.map(() => 0);
  let notApplicable = 0;
  let sum = 0;
  for (const response of responses) {
    for (const item of items) {
      if (!answeredBy(item, response.group, instrument)) continue;
      const answer = response.answers[item.id];
      if (answer === undefined) continue;
      if (answer < perStep.length) {
        perStep[answer] += 1;
        sum += instrument.scale[answer].value;
      } else if (answer === perStep.length && instrument.notApplicable) notApplicable += 1;
    }
  }
  const onScale = perStep.reduce((acc, count) => acc + count, 0);
  const mean = onScale === 0 ? null : round2(sum / onScale);
  return {
    mean,
    distribution: instrument.scale.map((step, index) => ({ value: step.value, count: perStep[index] })),
    notApplicable,
    belowAction: mean === null ? null : mean < instrument.actionBelow,
  };
}

function allOf(stats: readonly ReflectionStats[]): ReflectionStats {
  return stats[stats.length - 1];
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
 * What the report points to, as actions for the ICT policy plan: every statement whose mean
 * (all groups, as shown) is below the action threshold, with its action text and its section's
 * front, the lowest mean first (priority 1). A section's mean is the weighted mean of its
 * statements, so a low section always has a low statement. Hidden numbers play no part.
 */
export function reflectionSuggestedActions(
  report: Pick<ReflectionAggregate, 'sections' | 'actionBelow' | 'scale'>,
  instrument: Instrument,
  source: { kind: ActionSourceKind; id: string },
): SuggestedAction[] {
  const candidates = report.sections.flatMap((section) => {
    const content = instrument.sections.find((s) => s.id === section.id);
    return section.items.flatMap((item) => {
      const mean = allOf(item.groups).mean;
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
