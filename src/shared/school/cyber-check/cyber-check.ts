import { MIN_GROUP_SIZE } from '../../digisnap/privacy';
import type { Answers } from '../../scan/engine';
import { type Instrument, isDontKnow, scaleValue } from '../../scan/instrument';

/**
 * The cybersecurity check's result, from the answers alone: per topic (a section of the
 * instrument) the mean maturity and the share of measures at the target, an overall picture,
 * and the prioritised actions. No I/O, so server, browser and tests use the same rules.
 *
 * A measure answered "don't know", or not answered, counts as the lowest step of the scale:
 * a measure nobody can vouch for is treated as not in place, and the result says so (`unknown`).
 * A "not applicable" measure counts nowhere.
 */

export interface MeasureStanding {
  itemId: string;
  sectionId: string;
  keyMeasure: boolean;
  reference: string | null;
  /** The maturity counted; null for "not applicable". */
  maturity: number | null;
  /** "Don't know" or no answer: counted as the lowest step. */
  unknown: boolean;
  /** How far below the target; 0 at or above it, and for "not applicable". */
  gap: number;
}

export interface Tally {
  /** Measures that count (not "not applicable"). */
  measures: number;
  atTarget: number;
  /** atTarget / measures, between 0 and 1; null without measures. */
  shareAtTarget: number | null;
  keyMeasures: number;
  keyMeasuresAtTarget: number;
  unknown: number;
}

export interface TopicPicture extends Tally {
  sectionId: string;
  /** Mean maturity of the topic's measures; null when none counts. */
  meanMaturity: number | null;
}

export interface PrioritisedAction {
  /** 1 is the most urgent. */
  rank: number;
  itemId: string;
  sectionId: string;
  keyMeasure: boolean;
  reference: string | null;
  maturity: number;
  gap: number;
  unknown: boolean;
}

export interface CyberPicture {
  target: number;
  topics: TopicPicture[];
  /** Overall: the tally over every measure; the mean is the mean of the topic means, as CCB rolls up. */
  overall: Tally & { meanMaturity: number | null };
  actions: PrioritisedAction[];
}

/** Every measure of the instrument, in instrument order, with what its answer counts for. */
export function measureStandings(instrument: Instrument, answers: Answers): MeasureStanding[] {
  const lowest = instrument.scale[0].value;
  return instrument.sections.flatMap((section) =>
    section.items.map((item) => {
      const answer = answers[item.id];
      const unknown = answer === undefined || isDontKnow(instrument, answer);
      const value = unknown ? lowest : scaleValue(instrument, answer);
      return {
        itemId: item.id,
        sectionId: section.id,
        keyMeasure: item.keyMeasure === true,
        reference: item.reference ?? null,
        maturity: value,
        unknown,
        gap: value === null ? 0 : Math.max(0, instrument.actionBelow - value),
      };
    }),
  );
}

export function cyberPicture(instrument: Instrument, answers: Answers): CyberPicture {
  const standings = measureStandings(instrument, answers);
  const topics = instrument.sections.map((section) => {
    const own = standings.filter((s) => s.sectionId === section.id);
    return { sectionId: section.id, ...tally(own), meanMaturity: mean(own.flatMap((s) => (s.maturity === null ? [] : [s.maturity]))) };
  });
  const topicMeans = topics.flatMap((t) => (t.meanMaturity === null ? [] : [t.meanMaturity]));
  return {
    target: instrument.actionBelow,
    topics,
    overall: { ...tally(standings), meanMaturity: mean(topicMeans) },
    actions: prioritisedActions(
      standings,
      instrument.sections.map((s) => s.id),
    ),
  };
}

/**
 * Every measure below the target, most urgent first: key measures before the others, then the
 * larger gap to the target, then the topic's order in the instrument, then the measure's order
 * within it. The last key makes the order total, so equal inputs always give the same list.
 */
export function prioritisedActions(standings: readonly MeasureStanding[], sectionOrder: readonly string[]): PrioritisedAction[] {
  const position = new Map(standings.map((s, i) => [s.itemId, i]));
  const topicOf = (s: MeasureStanding) => sectionOrder.indexOf(s.sectionId);
  return standings
    .filter((s) => s.gap > 0)
    .sort((a, b) => Number(b.keyMeasure) - Number(a.keyMeasure) || b.gap - a.gap || topicOf(a) - topicOf(b) || position.get(a.itemId)! - position.get(b.itemId)!)
    .map((s, i) => ({
      rank: i + 1,
      itemId: s.itemId,
      sectionId: s.sectionId,
      keyMeasure: s.keyMeasure,
      reference: s.reference,
      maturity: s.maturity!,
      gap: s.gap,
      unknown: s.unknown,
    }));
}

export interface TopicChange {
  sectionId: string;
  now: number | null;
  previous: number | null;
  /** now − previous; null when either is missing. */
  change: number | null;
  shareNow: number | null;
  sharePrevious: number | null;
}

/**
 * Per topic of the current check, its mean maturity and share at target now and at the previous
 * check. Topics are matched by id, so a newer instrument version compares with an older one
 * where their topics agree; a topic the previous check did not have compares with nothing.
 */
export function compareChecks(now: CyberPicture, previous: CyberPicture | null): TopicChange[] {
  return now.topics.map((topic) => {
    const before = previous?.topics.find((t) => t.sectionId === topic.sectionId);
    const then = before?.meanMaturity ?? null;
    return {
      sectionId: topic.sectionId,
      now: topic.meanMaturity,
      previous: then,
      change: topic.meanMaturity === null || then === null ? null : topic.meanMaturity - then,
      shareNow: topic.shareAtTarget,
      sharePrevious: before?.shareAtTarget ?? null,
    };
  });
}

function tally(standings: readonly MeasureStanding[]): Tally {
  const counted = standings.filter((s) => s.maturity !== null);
  const atTarget = counted.filter((s) => s.gap === 0);
  const keys = counted.filter((s) => s.keyMeasure);
  return {
    measures: counted.length,
    atTarget: atTarget.length,
    shareAtTarget: counted.length === 0 ? null : atTarget.length / counted.length,
    keyMeasures: keys.length,
    keyMeasuresAtTarget: keys.filter((s) => s.gap === 0).length,
    unknown: counted.filter((s) => s.unknown).length,
  };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Flanders' maturity per topic (the knowledge centre's front): the mean share of measures at
 * target over the schools' pictures, each school counted once with its latest. A topic fewer than
 * `MIN_GROUP_SIZE` schools answered shows no figure, so no school's own result can be read from it.
 */
export function flandersTopicMaturity(pictures: readonly Pick<CyberPicture, 'topics'>[], topicIds: readonly string[]): Array<{ topic: string; maturity: number | null }> {
  const shares = new Map<string, number[]>();
  for (const picture of pictures) {
    for (const topic of picture.topics) if (topic.shareAtTarget !== null) shares.set(topic.sectionId, [...(shares.get(topic.sectionId) ?? []), topic.shareAtTarget]);
  }
  return topicIds.map((topic) => {
    const ofTopic = shares.get(topic) ?? [];
    return { topic, maturity: ofTopic.length >= MIN_GROUP_SIZE ? ofTopic.reduce((sum, share) => sum + share, 0) / ofTopic.length : null };
  });
}
