import { z } from 'zod';
import { deviceTypes } from './device-types';

/** The contracts of the ICT park's indicators: a school's, and a board's across its schools. */

export { boardParamsSchema, schoolIdParamsSchema } from '../school/schools';

const ratioSchema = z.object({
  computers: z.number().int(),
  pupils: z.number().int(),
  value: z.number().nullable().describe('Computers per 100 pupils; null without pupils at that level'),
});

const sourceSchema = z.object({ title: z.string(), url: z.string() });

export const parkIndicatorsSchema = z
  .object({
    devices: z.number().int().describe('Devices the school has at hand: not lost, stolen, donated, decommissioned or disposed'),
    computers: z.number().int().describe('Of those, laptops, Chromebooks, tablets and desktops'),
    devicesPer100Pupils: z.object({ primary: ratioSchema, secondary: ratioSchema }).describe('Each school counts at the level most of its pupils are in'),
    youngerThanFourYears: z.object({ devices: z.number().int(), dated: z.number().int(), share: z.number().nullable() }),
    averageAgeYears: z.number().nullable().describe('Over the devices with a purchase date'),
    pupilsWithDevice: z.object({
      pupils: z.number().int().describe('Open loans of a device to a pupil'),
      eligible: z.number().int().describe('Pupils from the 5th year of primary on'),
      share: z.number().nullable(),
    }),
    costPerPupil: z.object({ totalCents: z.number().int(), pupils: z.number().int(), cents: z.number().int().nullable() }),
    co2Avoided: z.object({ kg: z.number().int(), devices: z.number().int().describe('Devices kept past the usual life whose type has a footprint factor') }),
    pupilCountsMissing: z.boolean().describe('No pupil counts entered: every per-pupil figure is null'),
  })
  .meta({ id: 'ParkIndicators' });

export const indicatorReferenceSchema = z
  .object({
    mictivo: z.object({ edition: z.string(), devicesPer100Pupils: z.object({ primary: z.number(), secondary: z.number() }), source: sourceSchema }),
    co2: z.object({
      productionShare: z.number(),
      usualLifeYears: z.number(),
      source: sourceSchema,
      footprints: z.array(z.object({ type: z.enum(deviceTypes), lifeFootprintKg: z.number(), verified: z.boolean(), note: z.string() })),
    }),
  })
  .meta({ id: 'InfraIndicatorReference' });

export const infraIndicatorsSchema = z
  .object({
    asOf: z.string().describe('The day the ages are taken on (Brussels)'),
    indicators: parkIndicatorsSchema,
    reference: indicatorReferenceSchema,
  })
  .meta({ id: 'InfraIndicators' });
export type InfraIndicators = z.infer<typeof infraIndicatorsSchema>;

export const boardInfraIndicatorsSchema = infraIndicatorsSchema
  .extend({
    schools: z.array(z.object({ schoolId: z.string(), schoolName: z.string(), indicators: parkIndicatorsSchema })),
  })
  .meta({ id: 'BoardInfraIndicators' });
export type BoardInfraIndicators = z.infer<typeof boardInfraIndicatorsSchema>;
