import { z } from 'zod';
import { fronts } from '../platform/fronts';
import { formatPath, localisedTextSchema, nonBlankText } from '../platform/text';
import type { Questionnaire, ScanOption } from './engine';

/**
 * A school instrument as stored in `content/instruments/*.json`: the school reflection
 * (SELFIE model), the cybersecurity check (CyberFundamentals) and the AI-readiness reflection.
 * All share one answer scale per instrument, optionally with "not applicable", and run on
 * the scan engine (`engine.ts`) like Digisnap. `validateInstrument` is the only way in.
 */

export const instrumentKinds = ['reflection', 'cyber_check'] as const;
export type InstrumentKind = (typeof instrumentKinds)[number];

/** Who answers: anonymous school leaders, teachers and pupils, or the school as one (cyber check). */
export const respondentGroups = ['leaders', 'teachers', 'pupils', 'school'] as const;
export const respondentGroupSchema = z.enum(respondentGroups);
export type RespondentGroup = z.infer<typeof respondentGroupSchema>;

const slug = z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes');

const scaleStepSchema = z.object({
  value: z.number().int().min(0),
  label: localisedTextSchema,
  description: localisedTextSchema.optional(),
});

const itemSchema = z.object({
  id: slug,
  statement: localisedTextSchema,
  /** Simpler wording for pupils; pupils answer only items that have one. */
  pupilStatement: localisedTextSchema.optional(),
  /** The groups that answer this item; all of the instrument's groups when absent. */
  groups: z.array(respondentGroupSchema).min(1).optional(),
  /** What a school can do when the answers on this item are low: becomes a suggested action. */
  action: localisedTextSchema.optional(),
  /** A reference in the source framework, e.g. a CyberFundamentals control id. */
  reference: z.string().optional(),
  /** Cybersecurity: a key measure is prioritised before other controls. */
  keyMeasure: z.boolean().optional(),
});

const sectionSchema = z.object({
  id: slug,
  name: localisedTextSchema,
  description: localisedTextSchema.optional(),
  /** The Digisprong front an action from this section serves. */
  front: z.enum(fronts),
  items: z.array(itemSchema).min(1),
});

export const instrumentSchema = z.object({
  id: slug,
  version: nonBlankText,
  kind: z.enum(instrumentKinds),
  name: localisedTextSchema,
  description: localisedTextSchema,
  source: z.object({ title: nonBlankText, url: z.string().optional(), note: z.string().optional() }),
  groups: z.array(respondentGroupSchema).min(1),
  /** The answer options, lowest first. */
  scale: z.array(scaleStepSchema).min(2),
  /** Offer "not applicable" (with this label) on every item. */
  notApplicable: localisedTextSchema.optional(),
  /**
   * Offer "don't know" (with this label) on every item. Unlike "not applicable" it counts, as
   * the lowest step of the scale: a measure nobody can vouch for is treated as not in place.
   */
  dontKnow: localisedTextSchema.optional(),
  /** A section or item whose mean (on the scale's values) is below this is a point for action. */
  actionBelow: z.number(),
  sections: z.array(sectionSchema).min(1),
});

export type Instrument = z.infer<typeof instrumentSchema>;
export type InstrumentSection = Instrument['sections'][number];
export type InstrumentItem = InstrumentSection['items'][number];

export type InstrumentValidation = { ok: true; instrument: Instrument } | { ok: false; problems: Array<{ path: string; message: string }> };

export function validateInstrument(raw: unknown): InstrumentValidation {
  const parsed = instrumentSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  }
  const instrument = parsed.data;
  const problems = [...checkIds(instrument), ...checkScale(instrument), ...checkGroups(instrument)];
  return problems.length === 0 ? { ok: true, instrument } : { ok: false, problems };
}

function checkIds(instrument: Instrument) {
  const problems: Array<{ path: string; message: string }> = [];
  const seen = new Set<string>();
  instrument.sections.forEach((section, s) => {
    if (seen.has(section.id)) problems.push({ path: `sections[${s}].id`, message: `${section.id} is used twice` });
    seen.add(section.id);
    section.items.forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ path: `sections[${s}].items[${i}].id`, message: `${item.id} is used twice` });
      seen.add(item.id);
    });
  });
  return problems;
}

function checkScale(instrument: Instrument) {
  const problems: Array<{ path: string; message: string }> = [];
  instrument.scale.forEach((step, i) => {
    if (i > 0 && step.value <= instrument.scale[i - 1].value) {
      problems.push({ path: `scale[${i}].value`, message: 'scale values must rise from the first step to the last' });
    }
  });
  const [lowest, highest] = [instrument.scale[0].value, instrument.scale[instrument.scale.length - 1].value];
  if (instrument.actionBelow <= lowest || instrument.actionBelow > highest) {
    problems.push({ path: 'actionBelow', message: `must lie above ${lowest} and at most ${highest}` });
  }
  return problems;
}

function checkGroups(instrument: Instrument) {
  const problems: Array<{ path: string; message: string }> = [];
  const allowed = new Set(instrument.groups);
  if (allowed.has('school') && allowed.size > 1) problems.push({ path: 'groups', message: '"school" answers alone' });
  instrument.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      const path = `sections[${s}].items[${i}]`;
      for (const group of item.groups ?? []) {
        if (!allowed.has(group)) problems.push({ path: `${path}.groups`, message: `${group} is not a group of this instrument` });
      }
      if (item.pupilStatement && !allowed.has('pupils')) problems.push({ path: `${path}.pupilStatement`, message: 'this instrument has no pupils' });
    }),
  );
  if (allowed.has('pupils') && !instrument.sections.some((section) => section.items.some((item) => answeredBy(item, 'pupils', instrument)))) {
    problems.push({ path: 'groups', message: 'pupils are a group but no item has a pupil statement' });
  }
  return problems;
}

/** Whether this group answers this item: pupils only where there is wording for them. */
export function answeredBy(item: InstrumentItem, group: RespondentGroup, instrument: Instrument): boolean {
  const groups = item.groups ?? instrument.groups;
  if (!groups.includes(group)) return false;
  return group !== 'pupils' || item.pupilStatement !== undefined;
}

/** Scale options as the engine sees them: the scale's steps, then "don't know", then "not applicable". */
export interface InstrumentOption extends ScanOption {
  /** The scale value; absent for "not applicable", the lowest step's for "don't know". */
  value?: number;
  dontKnow?: boolean;
}

const questionnaires = new WeakMap<Instrument, Map<RespondentGroup, Questionnaire>>();

/**
 * What one group answers, as a questionnaire for the engine: the items of that group, in the
 * wording for that group, each with the scale's options (and "not applicable" last).
 * Sections without items for the group are left out. Built once per instrument and group.
 */
export function questionnaireFor(instrument: Instrument, group: RespondentGroup): Questionnaire {
  let byGroup = questionnaires.get(instrument);
  if (!byGroup) questionnaires.set(instrument, (byGroup = new Map()));
  let questionnaire = byGroup.get(group);
  if (!questionnaire) {
    const options = scaleOptions(instrument);
    questionnaire = {
      sections: instrument.sections
        .map((section) => ({
          id: section.id,
          name: section.name,
          items: section.items
            .filter((item) => answeredBy(item, group, instrument))
            .map((item) => ({
              id: item.id,
              statement: group === 'pupils' && item.pupilStatement ? item.pupilStatement : item.statement,
              options,
            })),
        }))
        .filter((section) => section.items.length > 0),
    };
    byGroup.set(group, questionnaire);
  }
  return questionnaire;
}

export function scaleOptions(instrument: Instrument): InstrumentOption[] {
  const options: InstrumentOption[] = instrument.scale.map((step) => ({ text: step.label, value: step.value }));
  if (instrument.dontKnow) options.push({ text: instrument.dontKnow, value: instrument.scale[0].value, dontKnow: true });
  if (instrument.notApplicable) options.push({ text: instrument.notApplicable, notApplicable: true });
  return options;
}

/** The scale value of an answer (an option index); null for "not applicable" or no answer. */
export function scaleValue(instrument: Instrument, answer: number | undefined): number | null {
  if (answer === undefined) return null;
  return scaleOptions(instrument)[answer]?.value ?? null;
}

/** Whether the answer is "don't know". */
export function isDontKnow(instrument: Instrument, answer: number | undefined): boolean {
  return instrument.dontKnow !== undefined && answer === instrument.scale.length;
}
