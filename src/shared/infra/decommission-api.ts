import { z } from 'zod';
import { isoDaySchema, sanitisationSchema } from './api';
import { batchRoutes, disposalRoutes } from './decommission';
import { infraFileSchema } from './file-api';
import { deviceStates, sanitisationMethods } from './lifecycle';
import { FORECAST_YEARS } from './replacement';

/** The contracts of decommission batches, the reuse partners and the replacement forecast. */

export { schoolIdParamsSchema } from '../school/schools';

export const decommissionBatchParamsSchema = z.object({ batchId: z.string().min(1).max(100) });

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const fileId = z
  .string()
  .min(1)
  .max(100)
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** How the data was wiped (NIST SP 800-88), how that was verified, and the certificate that says so. */
export const batchSanitisationSchema = sanitisationSchema.extend({
  verification: text(300).min(1, 'must not be empty').describe('How the wipe was verified, e.g. "sample of 5 read back empty", "partner’s erasure report"'),
  certificateRef: optionalText(100).describe('The certificate’s number or reference'),
  certificateFileId: fileId.describe('The certificate (uploadInfraFile) covering the whole batch'),
});

export const createDecommissionBatchBodySchema = z.object({
  partnerId: z.string().min(1).max(100).describe('A partner of listReusePartners: its route says whether the devices are donated or recycled'),
  handedOverOn: isoDaySchema,
  note: optionalText(500),
  sanitisation: batchSanitisationSchema,
  devices: z
    .array(
      z.object({
        assetTag: text(64).min(1, 'must not be empty'),
        method: z.enum(sanitisationMethods).optional().describe('This device’s method when it differs from the batch’s'),
        certificateRef: optionalText(100).describe('This device’s own certificate reference, if any'),
        certificateFileId: fileId.describe('This device’s own certificate, if the batch’s does not cover it'),
      }),
    )
    .min(1, 'name at least one device')
    .max(500, 'at most 500 devices in one batch'),
});

export const attachCertificateBodySchema = z.object({
  fileId: z.string().min(1).max(100).describe('The certificate, uploaded first with uploadInfraFile'),
  deviceId: z.string().min(1).max(100).optional().describe('One device’s own certificate, kept with its wipe record; left out: the certificate of the whole batch'),
});

export const reusePartnerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    route: z.enum(batchRoutes),
    takes: z.object({ nl: z.string(), en: z.string() }),
    website: z.url().nullable().describe('Where the sources name one'),
  })
  .meta({ id: 'ReusePartner' });
export type ReusePartner = z.infer<typeof reusePartnerSchema>;

export const reusePartnersSchema = z
  .object({
    routes: z.array(z.enum(disposalRoutes)).describe('The order to consider: redeploy inside the school, then reuse through a partner, then recycle'),
    partners: z.array(reusePartnerSchema).describe('In the order of their route'),
  })
  .meta({ id: 'ReusePartners' });

const batchDeviceSchema = z.object({
  id: z.string(),
  assetTag: z.string(),
  serial: z.string().nullable(),
  manufacturer: z.string(),
  model: z.string(),
  from: z.enum(deviceStates).describe('The state it was in when the batch took it'),
  state: z.enum(deviceStates).describe('Its state now'),
  sanitisation: z.object({
    method: z.enum(sanitisationMethods),
    performedBy: z.string(),
    performedOn: z.string(),
    verification: z.string(),
    certificateRef: z.string().nullable(),
    certificate: infraFileSchema.nullable().describe('The device’s own certificate, else the batch’s'),
  }),
});

export const decommissionBatchSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    partner: reusePartnerSchema,
    handedOverOn: z.string(),
    note: z.string().nullable(),
    certificate: infraFileSchema.nullable(),
    devices: z.array(batchDeviceSchema),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    canManage: z.boolean().describe('Whether the caller may add a missing certificate'),
  })
  .meta({ id: 'DecommissionBatch' });
export type DecommissionBatchDto = z.infer<typeof decommissionBatchSchema>;

export const decommissionBatchListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        partner: reusePartnerSchema,
        handedOverOn: z.string(),
        devices: z.number().int(),
        certified: z.boolean().describe('Whether every device has a certificate file, its own or the batch’s'),
        createdAt: z.string(),
      }),
    ),
    canManage: z.boolean(),
  })
  .meta({ id: 'DecommissionBatchList' });

export const dueDeviceSchema = z.object({
  id: z.string(),
  assetTag: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  state: z.enum(deviceStates),
  purchaseDate: z.string().nullable(),
  endOfLifeOn: z.string().nullable(),
  repairs: z.number().int(),
  reason: z.enum(['past_life', 'repairs_out_of_warranty']),
  priceCents: z.number().int().nullable(),
});

export const replacementForecastSchema = z
  .object({
    today: z.string(),
    due: z.array(dueDeviceSchema).describe('Devices in service due for replacement now, oldest end of life first'),
    years: z
      .array(z.object({ startYear: z.number().int(), devices: z.number().int(), costCents: z.number().int(), estimated: z.number().int() }))
      .describe(`The next ${FORECAST_YEARS} school years from today's: devices reaching end of life and the cost of replacing them`),
    canManage: z.boolean(),
  })
  .meta({ id: 'ReplacementForecast' });
