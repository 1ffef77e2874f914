import { z } from 'zod';
import { acquisitionKinds, deviceTypes, fundingSources } from './device-types';
import { deviceStates, initialDeviceStates, sanitisationMethods } from './lifecycle';

/** The contracts of the ICT park's endpoints: devices, their models and lifecycle, import and export. */

export { boardParamsSchema, schoolIdParamsSchema } from '../school/schools';

/** A calendar day, `YYYY-MM-DD`, that exists. */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'is not a date in the calendar');

const shortText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  shortText(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const deviceParamsSchema = z.object({ deviceId: z.string().min(1).max(100) });

export const deviceModelSchema = z
  .object({
    id: z.string(),
    manufacturer: z.string(),
    name: z.string(),
    type: z.enum(deviceTypes),
    expectedLifeMonths: z.number().int(),
  })
  .meta({ id: 'DeviceModel' });

export const deviceInputSchema = z
  .object({
    assetTag: shortText(64).min(1, 'must not be empty'),
    serial: optionalText(100),
    manufacturer: shortText(100).min(1, 'must not be empty'),
    modelName: shortText(150).min(1, 'must not be empty'),
    type: z.enum(deviceTypes),
    /** The model's expected life; left out: the model's own, or the type's default for a new model. */
    expectedLifeMonths: z.number().int().min(1).max(360).nullable().optional(),
    purchaseDate: isoDaySchema
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    priceCents: z
      .number()
      .int()
      .min(0)
      .max(100_000_000)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    supplier: optionalText(150),
    orderNumber: optionalText(100),
    fundingSource: z
      .enum(fundingSources)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    acquisition: z.enum(acquisitionKinds).default('bought'),
    /** The end of a rental or lease; required for those, refused for a device bought. */
    leaseEndsOn: isoDaySchema
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    warrantyMonths: z
      .number()
      .int()
      .min(0)
      .max(240)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    campus: optionalText(100),
    room: optionalText(100),
    notes: optionalText(2000),
  })
  .superRefine((input, ctx) => {
    if (input.acquisition !== 'bought' && input.leaseEndsOn === null)
      ctx.addIssue({ code: 'custom', path: ['leaseEndsOn'], message: 'a rented or leased device needs the end date of its contract' });
    if (input.acquisition === 'bought' && input.leaseEndsOn !== null)
      ctx.addIssue({ code: 'custom', path: ['leaseEndsOn'], message: 'a device that was bought has no contract end date' });
    if (input.warrantyMonths !== null && input.purchaseDate === null)
      ctx.addIssue({ code: 'custom', path: ['purchaseDate'], message: 'a warranty in months needs the purchase date it runs from' });
  });
export type DeviceInput = z.output<typeof deviceInputSchema>;

export const createDeviceBodySchema = z.object({
  device: deviceInputSchema,
  state: z.enum(initialDeviceStates).default('in_stock'),
});

export const updateDeviceBodySchema = z.object({ device: deviceInputSchema });

export const sanitisationSchema = z.object({
  method: z.enum(sanitisationMethods),
  performedBy: shortText(150).min(1, 'must not be empty'),
  performedOn: isoDaySchema,
});

export const changeDeviceStateBodySchema = z.object({
  to: z.enum(deviceStates),
  note: optionalText(500),
  /** Required to move to decommissioned or donated (NIST SP 800-88 method, who, when). */
  sanitisation: sanitisationSchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

export const deviceSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    assetTag: z.string(),
    serial: z.string().nullable(),
    model: deviceModelSchema,
    purchaseDate: z.string().nullable(),
    priceCents: z.number().int().nullable(),
    supplier: z.string().nullable(),
    orderNumber: z.string().nullable(),
    fundingSource: z.enum(fundingSources).nullable(),
    acquisition: z.enum(acquisitionKinds),
    leaseEndsOn: z.string().nullable(),
    warrantyMonths: z.number().int().nullable(),
    warrantyEndsOn: z.string().nullable().describe('Purchase date plus the warranty months'),
    endOfLifeOn: z.string().nullable().describe('Purchase date plus the model’s expected life'),
    campus: z.string().nullable(),
    room: z.string().nullable(),
    notes: z.string().nullable(),
    state: z.enum(deviceStates),
    nextStates: z.array(z.enum(deviceStates)).describe('The states the device may move to now'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Device' });
export type DeviceDto = z.infer<typeof deviceSchema>;

export const deviceEventSchema = z
  .object({
    at: z.string(),
    actorName: z.string().nullable(),
    from: z.enum(deviceStates).nullable().describe('null when the device was added'),
    to: z.enum(deviceStates),
    note: z.string().nullable(),
  })
  .meta({ id: 'DeviceEvent' });

export const deviceDetailSchema = z
  .object({
    device: deviceSchema,
    history: z.array(deviceEventSchema).describe('Every change of state, oldest first'),
    sanitisation: sanitisationSchema.extend({ recordedAt: z.string() }).nullable(),
    canManage: z.boolean().describe('Whether the caller may change the device'),
  })
  .meta({ id: 'DeviceDetail' });

export const deviceSortKeys = ['assetTag', 'purchaseDate', 'model', 'state', 'updatedAt'] as const;

export const deviceListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('Words in the asset tag, serial, model or notes'),
  type: z.enum(deviceTypes).optional(),
  state: z.enum(deviceStates).optional(),
  fundingSource: z.enum(fundingSources).optional(),
  campus: z.string().trim().max(100).optional(),
  room: z.string().trim().max(100).optional(),
  purchaseYear: z.coerce.number().int().min(1990).max(2100).optional(),
  sort: z.enum(deviceSortKeys).default('assetTag'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeviceListQuery = z.output<typeof deviceListQuerySchema>;

/**
 * A device as a list shows it: what the table and the picking lists use. The details and the moves
 * it may make come from `getDevice`, the whole record from `exportDevices`: the list's opening page
 * is a third of the bytes a full record each would take.
 */
export const deviceListItemSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    assetTag: z.string(),
    model: deviceModelSchema.pick({ manufacturer: true, name: true, type: true }),
    state: z.enum(deviceStates),
    purchaseDate: z.string().nullable(),
    fundingSource: z.enum(fundingSources).nullable(),
    campus: z.string().nullable(),
    room: z.string().nullable(),
    schoolName: z.string().optional().describe('In a board’s list: the school the device belongs to'),
  })
  .meta({ id: 'DeviceListItem' });
export type DeviceListItem = z.infer<typeof deviceListItemSchema>;

export const deviceListSchema = z
  .object({
    items: z.array(deviceListItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    canManage: z.boolean(),
  })
  .meta({ id: 'DeviceList' });

export const deviceImportFormats = ['digisprong', 'snipe-it'] as const;

export const deviceImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  format: z.enum(deviceImportFormats).optional().describe('Left out: detected from the header'),
});

export const deviceImportReportSchema = z
  .object({
    imported: z.number().int(),
    format: z.enum(deviceImportFormats),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'DeviceImportReport' });

export const deviceExportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
