import type { LocalisedText } from '../platform/text';

/**
 * The scan engine every questionnaire runs on: Digisnap's competence scan, the school's
 * reflection, the cybersecurity check and the AI-readiness reflection. A questionnaire is
 * sections of items; an item is a statement with options, and an answer is the index of the
 * chosen option. What the answers *mean* (levels, a 1–5 scale, maturity) belongs to the
 * instrument; how they are given, checked, counted and resumed is decided here, once.
 */

export interface ScanOption {
  text: LocalisedText;
  /** "Not applicable": a valid answer that counts as answered but carries no score. */
  notApplicable?: boolean;
}

export interface ScanItem {
  id: string;
  statement: LocalisedText;
  options: readonly ScanOption[];
}

export interface ScanSection {
  id: string;
  name: LocalisedText;
  items: readonly ScanItem[];
}

export interface Questionnaire {
  sections: readonly ScanSection[];
}

/** Item id → index of the chosen option. */
export type Answers = Readonly<Record<string, number>>;

export interface NumberedItem extends ScanItem {
  /** 1-based position in the questionnaire: section order, then item order. */
  number: number;
  section: ScanSection;
}

const itemLists = new WeakMap<Questionnaire, readonly NumberedItem[]>();

/** Every item in order with its position and section; built once per (immutable) questionnaire. */
export function itemsOf(questionnaire: Questionnaire): readonly NumberedItem[] {
  let list = itemLists.get(questionnaire);
  if (!list) {
    list = questionnaire.sections.flatMap((section) => section.items.map((item) => ({ ...item, section }))).map((item, index) => ({ ...item, number: index + 1 }));
    itemLists.set(questionnaire, list);
  }
  return list;
}

export function findItem(questionnaire: Questionnaire, id: string): NumberedItem | undefined {
  return itemsOf(questionnaire).find((item) => item.id === id);
}

export function isValidAnswer(item: ScanItem, answer: unknown): answer is number {
  return Number.isInteger(answer) && (answer as number) >= 0 && (answer as number) < item.options.length;
}

/**
 * Why this answer cannot be saved, with the request field at fault, or null when it can.
 * `fields` names the parameters as the calling route spells them.
 */
export function answerProblem(
  questionnaire: Questionnaire,
  itemId: string,
  option: number,
  fields: { item: string; option: string } = { item: 'params.item', option: 'body.option' },
): { field: string; message: string } | null {
  const item = findItem(questionnaire, itemId);
  if (!item) return { field: fields.item, message: `${itemId} is not an item of this questionnaire` };
  if (!isValidAnswer(item, option)) return { field: fields.option, message: `option must be between 0 and ${item.options.length - 1}` };
  return null;
}

/** Ids of the items without a valid answer, in questionnaire order. */
export function missingItems(questionnaire: Questionnaire, answers: Answers): string[] {
  return itemsOf(questionnaire)
    .filter((item) => !isValidAnswer(item, answers[item.id]))
    .map((item) => item.id);
}

export function progressOf(questionnaire: Questionnaire, answers: Answers): { answered: number; total: number } {
  const total = itemsOf(questionnaire).length;
  return { answered: total - missingItems(questionnaire, answers).length, total };
}

/** The chosen option, or undefined for no answer, an invalid one, or "not applicable". */
export function scoredOption<T extends ScanOption>(item: { options: readonly T[] }, answer: number | undefined): T | undefined {
  const option = answer === undefined ? undefined : item.options[answer];
  return option && !option.notApplicable ? option : undefined;
}
