import type { LocalisedText } from '../../platform/text';
import type { Instrument } from '../../scan/instrument';
import type { SuggestedAction } from '../policy-plan/suggested-action';
import type { CyberPicture, TopicChange } from './cyber-check';
import type { CyberCheckActionDto, CyberCheckDto, CyberCheckResultDto } from './cyber-check-api';

/**
 * The check's result as the API shows it: the picture of `cyber-check.ts` with the texts of the
 * instrument version the check was answered with, and the comparison with the previous check.
 * Pure, like the rules it dresses.
 */
export function cyberCheckResult(input: {
  check: CyberCheckDto;
  instrument: Instrument;
  picture: CyberPicture;
  changes: readonly TopicChange[];
  previous: CyberCheckResultDto['previous'];
}): CyberCheckResultDto {
  const { instrument, picture } = input;
  const sections = new Map(instrument.sections.map((section) => [section.id, section]));
  const items = new Map(instrument.sections.flatMap((section) => section.items.map((item) => [item.id, item])));
  return {
    check: input.check,
    instrument: { id: instrument.id, version: instrument.version, name: instrument.name, source: instrument.source.title },
    target: { maturity: picture.target, label: stepLabel(instrument, picture.target), highest: instrument.scale[instrument.scale.length - 1].value },
    overall: picture.overall,
    topics: picture.topics.map(({ sectionId, ...tally }) => {
      const change = input.changes.find((c) => c.sectionId === sectionId);
      const section = sections.get(sectionId)!;
      return {
        id: sectionId,
        name: section.name,
        front: section.front,
        ...tally,
        previous: change && change.previous !== null ? { meanMaturity: change.previous, shareAtTarget: change.sharePrevious, change: change.change } : null,
      };
    }),
    actions: picture.actions.map((action): CyberCheckActionDto => {
      const item = items.get(action.itemId)!;
      const section = sections.get(action.sectionId)!;
      return {
        rank: action.rank,
        itemId: action.itemId,
        topicId: section.id,
        topicName: section.name,
        front: section.front,
        statement: item.statement,
        action: item.action ?? null,
        keyMeasure: action.keyMeasure,
        reference: action.reference,
        maturity: action.maturity,
        maturityLabel: stepLabel(instrument, action.maturity),
        gap: action.gap,
        unknown: action.unknown,
      };
    }),
    previous: input.previous,
  };
}

/** The label of the scale step at (or else first above) a value: "3 – Defined". */
function stepLabel(instrument: Instrument, value: number): LocalisedText {
  const step = instrument.scale.find((s) => s.value >= value) ?? instrument.scale[instrument.scale.length - 1];
  return step.label;
}

/**
 * The prioritised actions as suggestions for the ICT policy plan, in the same order, keyed by
 * the measure so the plan can tell which it took already.
 */
export function suggestedActionsOf(result: CyberCheckResultDto): SuggestedAction[] {
  return result.actions.map((action) => ({
    key: action.itemId,
    title: action.action ?? action.statement,
    why: whyOf(action, result.target.label),
    front: action.front,
    target: { kind: 'instrument_item', code: action.itemId, label: action.statement },
    priority: action.rank,
    source: { kind: 'cyber_check', id: result.check.id },
  }));
}

function whyOf(action: CyberCheckActionDto, target: LocalisedText): LocalisedText {
  const key = action.keyMeasure ? { nl: ` Sleutelmaatregel${ref(action)}.`, en: ` Key measure${ref(action)}.` } : { nl: '', en: '' };
  const unknown = action.unknown
    ? { nl: ' Beantwoord met "weet ik niet", dus als niet aanwezig geteld.', en: ' Answered "don\'t know", so counted as not in place.' }
    : { nl: '', en: '' };
  return {
    nl: `Cybercheck, ${action.topicName.nl}: maturiteit ${action.maturityLabel.nl}, doel ${target.nl}.${key.nl}${unknown.nl}`,
    en: `Cyber check, ${action.topicName.en}: maturity ${action.maturityLabel.en}, target ${target.en}.${key.en}${unknown.en}`,
  };
}

const ref = (action: CyberCheckActionDto) => (action.reference ? ` (CyberFundamentals ${action.reference})` : '');
