import { z } from 'zod';
import { fronts } from '../../platform/fronts';
import { localisedTextSchema } from '../../platform/text';

/**
 * An action that a school result points to, ready to become an action in the school's ICT
 * policy plan. The team report, the school reflection, the AI-readiness reflection, the
 * cybersecurity check and the ICT park each derive these from what they show (never from hidden cells), and
 * the policy plan creates actions from them with the source recorded.
 */

export const actionSourceKinds = ['team_report', 'reflection', 'ai_readiness', 'cyber_check', 'ict_park'] as const;
export const actionSourceKindSchema = z.enum(actionSourceKinds);
export type ActionSourceKind = z.infer<typeof actionSourceKindSchema>;

/** What the action serves: a DigCompEdu area or competence, or a section/item of an instrument. */
export const actionTargetSchema = z
  .object({
    kind: z.enum(['digcompedu_area', 'digcompedu_competence', 'instrument_section', 'instrument_item', 'ict_park']),
    code: z.string().describe('Area number, competence code, section/item id, or what of the ICT park (replacement, device_goal, funding)'),
    label: localisedTextSchema,
  })
  .meta({ id: 'ActionTarget' });

export const suggestedActionSchema = z
  .object({
    /** Stable within its source, so the plan can tell which suggestions it already took. */
    key: z.string(),
    title: localisedTextSchema,
    why: localisedTextSchema.describe('What in the result this comes from'),
    front: z.enum(fronts),
    target: actionTargetSchema,
    /** 1 is most urgent. */
    priority: z.number().int().min(1),
    source: z.object({ kind: actionSourceKindSchema, id: z.string().describe('Campaign, survey or check id; the school id for its ICT park') }),
  })
  .meta({ id: 'SuggestedAction' });
export type SuggestedAction = z.infer<typeof suggestedActionSchema>;
