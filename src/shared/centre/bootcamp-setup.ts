import { z } from 'zod';
import { localisedTextSchema } from '../platform/text';
import { DEFAULT_BOOTCAMP_SESSIONS, MAX_BOOTCAMP_SESSIONS, MAX_TEAM_PARTICIPANTS } from './bootcamp-schedule';

export * from './actions';

/**
 * Setting up the IT bootcamps in the product (issue 14 §3): tracks, cohorts with their weekly
 * sessions, and the school teams with their participants. Contracts shared by server, web app
 * and tests; the answers reuse the programme's and the cohort's schemas of actions.ts.
 */

const id = z.string().min(1).max(100);
const dateSchema = z.iso.date('a date as YYYY-MM-DD');
const name = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const bootcampTrackParamsSchema = z.object({ bootcampTrackId: id });
export const bootcampTeamParamsSchema = z.object({ cohortId: id, bootcampTeamId: id });

export const bootcampTrackBodySchema = z
  .object({
    name: localisedTextSchema,
    description: localisedTextSchema,
    trainingId: id.nullable().default(null).describe('A published catalogue training of kind bootcamp the track is offered as, or null'),
  })
  .strict()
  .meta({ id: 'BootcampTrackBody' });
export type BootcampTrackBody = z.infer<typeof bootcampTrackBodySchema>;
export type BootcampTrackInput = z.input<typeof bootcampTrackBodySchema>;

export const bootcampTrackSchema = z
  .object({
    id: z.string(),
    name: localisedTextSchema,
    description: localisedTextSchema,
    training: z.object({ id: z.string(), title: z.string() }).nullable(),
  })
  .meta({ id: 'BootcampTrack' });
export type BootcampTrack = z.infer<typeof bootcampTrackSchema>;

export const bootcampCohortBodySchema = z
  .object({
    trackId: id,
    name: name(120),
    startsOn: dateSchema.describe('The first weekly session'),
    sessions: z.number().int().min(1).max(MAX_BOOTCAMP_SESSIONS).default(DEFAULT_BOOTCAMP_SESSIONS).describe('How many weekly sessions'),
    topics: z.array(z.string().trim().max(200)).max(MAX_BOOTCAMP_SESSIONS).default([]).describe('The topic of each session in order; a session without one has none yet'),
  })
  .strict()
  .superRefine((cohort, context) => {
    if (cohort.topics.length > cohort.sessions) context.addIssue({ code: 'custom', path: ['topics', cohort.sessions], message: 'one topic per session at most' });
  })
  .meta({ id: 'BootcampCohortBody' });
export type BootcampCohortBody = z.infer<typeof bootcampCohortBodySchema>;
export type BootcampCohortInput = z.input<typeof bootcampCohortBodySchema>;

export const bootcampSessionBodySchema = z
  .object({ heldOn: dateSchema, topic: z.string().trim().max(200).optional().describe('Left out: the topic stays') })
  .strict()
  .meta({ id: 'BootcampSessionBody' });
export type BootcampSessionBody = z.infer<typeof bootcampSessionBodySchema>;

const participantNames = z.array(name(120)).min(1, 'a team has one participant at least').max(MAX_TEAM_PARTICIPANTS);

export const bootcampTeamBodySchema = z
  .object({
    school: z.string().trim().min(1, 'must not be empty').max(100).describe("The school's id or its institution number"),
    participants: participantNames.describe('The names of the team’s participants'),
  })
  .strict()
  .meta({ id: 'BootcampTeamBody' });
export type BootcampTeamBody = z.infer<typeof bootcampTeamBodySchema>;

export const bootcampParticipantsBodySchema = z
  .object({
    participants: z
      .array(z.object({ id: id.optional().describe('A participant kept (renamed or not); left out for a new one'), name: name(120) }).strict())
      .min(1, 'a team has one participant at least')
      .max(MAX_TEAM_PARTICIPANTS)
      .describe('The team as it is now: participants left out are removed with their attendance'),
  })
  .strict()
  .meta({ id: 'BootcampParticipantsBody' });
export type BootcampParticipantsBody = z.infer<typeof bootcampParticipantsBodySchema>;

export const bootcampTeamRemoveQuerySchema = z.object({
  force: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('Remove the team even when attendance was recorded for it (the attendance goes with it)'),
});

export const bootcampSchoolQuerySchema = z.object({ q: z.string().trim().max(100).default('') });

export const bootcampSchoolsSchema = z
  .object({
    schools: z.array(z.object({ id: z.string(), name: z.string(), institutionNumber: z.string().nullable(), province: z.string().nullable() })).describe('At most 20, by name'),
  })
  .meta({ id: 'BootcampSchools' });
export type BootcampSchools = z.infer<typeof bootcampSchoolsSchema>;
