import { formatChange, formatNumber, formatPercent, type UiLocale } from '../../../shared/i18n/format';
import type { LocalisedText } from '../../../shared/platform/text';
import type { StepItem } from '../../components/scan/ItemStep';
import type { CyberCheckInstrument } from './types';

/** One measure as the stepper shows it: the engine's item screen plus its topic and key-measure mark. */
export interface CyberStep {
  item: StepItem;
  topic: { id: string; name: LocalisedText; number: number };
  keyMeasure: boolean;
  reference: string | null;
}

/**
 * The check's screens in order, each measure with the answer options the server accepts: the
 * maturity steps (with their descriptions), then "don't know", then "not applicable" — the
 * order of `scaleOptions` in src/shared/scan/instrument.ts, which a test holds this to.
 */
export function cyberSteps(instrument: CyberCheckInstrument): CyberStep[] {
  const options: StepItem['options'] = [
    ...instrument.scale.map((step) => ({ text: step.label, description: step.description })),
    ...(instrument.dontKnow ? [{ text: instrument.dontKnow }] : []),
    ...(instrument.notApplicable ? [{ text: instrument.notApplicable, notApplicable: true }] : []),
  ];
  return instrument.sections
    .flatMap((section, s) => section.items.map((item) => ({ item, topic: { id: section.id, name: section.name, number: s + 1 } })))
    .map(({ item, topic }, index) => ({
      item: { id: item.id, number: index + 1, statement: item.statement, options },
      topic,
      keyMeasure: item.keyMeasure === true,
      reference: item.reference ?? null,
    }));
}

/** The step the school should reach, e.g. "3 – Defined". */
export function targetLabel(instrument: CyberCheckInstrument): LocalisedText {
  return (instrument.scale.find((step) => step.value >= instrument.actionBelow) ?? instrument.scale[instrument.scale.length - 1]).label;
}

/** A mean maturity as "2,3", or a dash when there is none. */
export const maturityText = (value: number | null, locale: UiLocale) => (value === null ? '–' : formatNumber(value, locale, 1));
export const shareText = (value: number | null, locale: UiLocale) => (value === null ? '–' : formatPercent(value, locale));
export const changeText = (value: number | null, locale: UiLocale) => (value === null ? '–' : formatChange(value, locale));

/** Width of a maturity bar, in percent of the scale's highest step. */
export function barWidth(value: number | null, highest: number): number {
  if (value === null || highest <= 0) return 0;
  return Math.max(0, Math.min(100, (value / highest) * 100));
}
