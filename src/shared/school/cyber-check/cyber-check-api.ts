import { z } from 'zod';
import { fronts } from '../../platform/fronts';
import { localisedTextSchema } from '../../platform/text';
import { instrumentSchema } from '../../scan/instrument';

/**
 * The school's cybersecurity check: contracts shared by the server, the web app and the tests.
 * One check per school is in progress at a time, shared by its principals and ICT coordinators;
 * submitted checks stay readable so the school sees its progress from one check to the next.
 */

const id = z.string().min(1).max(100);

export const cyberCheckParamsSchema = z.object({ schoolId: id, checkId: id });
export const cyberCheckAnswerParamsSchema = z.object({ schoolId: id, checkId: id, itemId: id });
export const cyberCheckAnswerBodySchema = z.object({ option: z.number().int().min(0).max(20).describe('Index of the chosen option: a maturity step, then "don\'t know"') }).strict();
export const cyberCheckInstrumentParamsSchema = z.object({ version: z.string().min(1).max(40) });
export const cyberCheckResultQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json').describe('csv: the prioritised actions as a spreadsheet'),
  lang: z.enum(['nl', 'en']).default('nl').describe('Language of the CSV'),
});

export const cyberCheckInstrumentSchema = instrumentSchema.meta({ id: 'CyberCheckInstrument' });

const person = z.object({ id: z.string(), name: z.string() }).nullable();
const progress = z.object({ answered: z.number().int(), total: z.number().int() });

/** What the school's ICT park knows for the two measures it can speak to, shown beside the school's own answer. */
export const cyberCheckParkFactsSchema = z
  .object({
    inventory: z
      .object({
        reference: z.string(),
        devices: z.number().int(),
        complete: z.number().int().describe('Devices with serial and location (campus or room) besides tag, model and state'),
      })
      .describe('CyberFundamentals ID.AM-01.1: the hardware inventory'),
    disposal: z
      .object({ reference: z.string(), leftSchool: z.number().int().describe('Devices donated, decommissioned or disposed of'), sanitised: z.number().int() })
      .describe('CyberFundamentals PR.DS-01.9: wiping before disposal'),
  })
  .meta({ id: 'CyberCheckParkFacts' });
export type CyberCheckParkFacts = z.infer<typeof cyberCheckParkFactsSchema>;

export const cyberCheckStatusSchema = z.enum(['in_progress', 'submitted']);

export const cyberCheckSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    instrumentId: z.string(),
    instrumentVersion: z.string(),
    status: cyberCheckStatusSchema,
    startedAt: z.string(),
    startedBy: person,
    updatedAt: z.string(),
    lastChangedBy: person.describe('Who gave the latest answer (or started the check)'),
    submittedAt: z.string().nullable(),
    submittedBy: person,
    answers: z.record(z.string(), z.number().int()).describe('Chosen option index per measure id'),
    progress,
  })
  .meta({ id: 'CyberCheck' });
export type CyberCheckDto = z.infer<typeof cyberCheckSchema>;

const tally = {
  measures: z.number().int().describe('Measures that count ("not applicable" ones do not)'),
  atTarget: z.number().int(),
  shareAtTarget: z.number().nullable().describe('Between 0 and 1; null without measures'),
  keyMeasures: z.number().int(),
  keyMeasuresAtTarget: z.number().int(),
  unknown: z.number().int().describe('Measures answered "don\'t know", counted as the lowest step'),
  meanMaturity: z.number().nullable(),
};

export const cyberCheckSummarySchema = z
  .object({
    id: z.string(),
    instrumentVersion: z.string(),
    status: cyberCheckStatusSchema,
    startedAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    progress,
    overall: z.object({ meanMaturity: z.number().nullable(), shareAtTarget: z.number().nullable(), actions: z.number().int() }).nullable().describe('Once submitted'),
  })
  .meta({ id: 'CyberCheckSummary' });
export type CyberCheckSummaryDto = z.infer<typeof cyberCheckSummarySchema>;

export const cyberCheckListSchema = z.object({ items: z.array(cyberCheckSummarySchema).describe('Newest first') }).meta({ id: 'CyberCheckList' });

export const cyberCheckTopicSchema = z.object({
  id: z.string(),
  name: localisedTextSchema,
  front: z.enum(fronts),
  ...tally,
  previous: z
    .object({ meanMaturity: z.number().nullable(), shareAtTarget: z.number().nullable(), change: z.number().nullable() })
    .nullable()
    .describe('At the previous submitted check; null when there is none or it had no such topic'),
});

export const cyberCheckActionSchema = z.object({
  rank: z.number().int().min(1).describe('1 is the most urgent'),
  itemId: z.string(),
  topicId: z.string(),
  topicName: localisedTextSchema,
  front: z.enum(fronts),
  statement: localisedTextSchema,
  action: localisedTextSchema.nullable(),
  keyMeasure: z.boolean(),
  reference: z.string().nullable().describe('The CyberFundamentals control'),
  maturity: z.number().int(),
  maturityLabel: localisedTextSchema,
  gap: z.number().int().min(1),
  unknown: z.boolean().describe('Answered "don\'t know": counted as the lowest step'),
});
export type CyberCheckActionDto = z.infer<typeof cyberCheckActionSchema>;

export const cyberCheckResultSchema = z
  .object({
    check: cyberCheckSchema,
    instrument: z.object({ id: z.string(), version: z.string(), name: localisedTextSchema, source: z.string() }),
    target: z
      .object({ maturity: z.number(), label: localisedTextSchema, highest: z.number().describe('The scale’s highest step') })
      .describe('The maturity every measure should reach'),
    overall: z.object(tally),
    topics: z.array(cyberCheckTopicSchema).describe('In the instrument’s order'),
    actions: z.array(cyberCheckActionSchema).describe('Every measure below the target: key measures first, then the larger gap, then topic order'),
    previous: z
      .object({ id: z.string(), submittedAt: z.string(), instrumentVersion: z.string(), overall: z.object(tally) })
      .nullable()
      .describe('The submitted check before this one'),
  })
  .meta({ id: 'CyberCheckResult' });
export type CyberCheckResultDto = z.infer<typeof cyberCheckResultSchema>;
