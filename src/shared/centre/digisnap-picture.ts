import { z } from 'zod';
import { levelCodeSchema } from '../digisnap/framework';
import { noiseSchema } from '../digisnap/protected-team';
import { localisedTextSchema } from '../platform/text';
import { pictureBreakdowns } from './picture-vocabulary';

/**
 * The contract of the Flanders-wide Digisnap picture of the knowledge centre (issue 14 §1): participation and the
 * level distribution per area and competence, for Flanders and per group of one breakdown. It
 * leaves the digisnap module only through its privacy gate (server/digisnap/flanders-picture.ts):
 * noisy counts drawn once per release, no published cell under five, complementary suppression.
 */

export const pictureQuerySchema = z.object({
  breakdown: z.enum(pictureBreakdowns).default('none').describe('Split the picture by province, education level, network or school size; none: Flanders only'),
});

/** One published count: hidden (count and share null) when under five or when it would let a hidden one be worked out. */
export const pictureCellSchema = z
  .object({
    count: z.number().int().min(5).nullable().describe('A noisy count of teachers, at least 5; null when hidden'),
    share: z.number().min(0).max(100).nullable().describe('Percentage of the histogram’s shown total in the group, one decimal; null when hidden'),
    hidden: z.boolean(),
  })
  .meta({ id: 'PictureCell' });
export type PictureCell = z.infer<typeof pictureCellSchema>;

const levelCellSchema = pictureCellSchema.extend({ level: levelCodeSchema });

export const pictureDistributionSchema = z
  .object({
    total: pictureCellSchema.describe('The respondents this histogram counts in the group (the sum of its noisy levels)'),
    levels: z.array(levelCellSchema),
  })
  .meta({ id: 'PictureDistribution' });
export type PictureDistribution = z.infer<typeof pictureDistributionSchema>;

export const pictureGroupSchema = z
  .object({
    key: z.string().describe('flanders, a province, an education level, a network or a size band'),
    schools: z.number().int().describe('Schools on the platform in the group'),
    schoolsWithFinishedRound: z.number().int().describe('Schools whose Digisnap round closed in the window'),
    teachers: z.number().int().describe('Teachers on the platform in the group'),
    respondents: pictureCellSchema.describe('Teachers with a submitted scan in the window: the total of the overall level'),
    participation: z.number().nullable().describe('respondents / teachers in percent, one decimal; null when respondents are hidden'),
    overall: pictureDistributionSchema,
    areas: z.array(pictureDistributionSchema.extend({ number: z.number().int() })),
    competences: z.array(pictureDistributionSchema.extend({ code: z.string(), areaNumber: z.number().int() })),
  })
  .meta({ id: 'PictureGroup' });
export type PictureGroup = z.infer<typeof pictureGroupSchema>;

export const pictureReleaseSchema = z
  .object({
    id: z.string().describe('The release: the same data gives the same release, with the same noise'),
    releasedAt: z.string().describe('When its noise was drawn (ISO-8601 UTC)'),
    from: z.string().describe('Scans submitted from this instant on count (ISO-8601 UTC): the twelve months before the release’s month, and the month itself'),
    threshold: z.number().int().min(5),
    noise: noiseSchema,
    epsilon: z.number().describe('The privacy budget one release spends: histograms × ε, over every breakdown'),
  })
  .meta({ id: 'PictureRelease' });
export type PictureRelease = z.infer<typeof pictureReleaseSchema>;

export const flandersPictureSchema = z
  .object({
    release: pictureReleaseSchema.nullable().describe('null while no teacher has submitted a scan in the window'),
    breakdown: z.enum(pictureBreakdowns),
    frameworkId: z.string(),
    frameworkVersion: z.string(),
    areas: z.array(z.object({ number: z.number().int(), name: localisedTextSchema })),
    competences: z.array(z.object({ code: z.string(), areaNumber: z.number().int(), name: localisedTextSchema })),
    groups: z.array(pictureGroupSchema).describe('One per group of the breakdown, in a fixed order; a group without schools is left out'),
  })
  .meta({ id: 'FlandersPicture' });
export type FlandersPicture = z.infer<typeof flandersPictureSchema>;
