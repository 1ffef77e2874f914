import { parseEuroInput } from '../../shared/i18n/format';
import type { AcquisitionKind, DeviceType, FundingSource } from '../../shared/infra/device-types';

/** A device as the form holds it: every field as typed. */
export interface DeviceFormValues {
  assetTag: string;
  serial: string;
  manufacturer: string;
  modelName: string;
  type: DeviceType;
  expectedLifeMonths: string;
  purchaseDate: string;
  price: string;
  supplier: string;
  orderNumber: string;
  fundingSource: FundingSource | '';
  acquisition: AcquisitionKind;
  leaseEndsOn: string;
  warrantyMonths: string;
  campus: string;
  room: string;
  notes: string;
}

/** What the API takes (`DeviceInput` as sent). */
export interface DeviceInputBody {
  assetTag: string;
  serial: string | null;
  manufacturer: string;
  modelName: string;
  type: DeviceType;
  expectedLifeMonths: number | null;
  purchaseDate: string | null;
  priceCents: number | null;
  supplier: string | null;
  orderNumber: string | null;
  fundingSource: FundingSource | null;
  acquisition: AcquisitionKind;
  leaseEndsOn: string | null;
  warrantyMonths: number | null;
  campus: string | null;
  room: string | null;
  notes: string | null;
}

export const emptyDeviceForm: DeviceFormValues = {
  assetTag: '',
  serial: '',
  manufacturer: '',
  modelName: '',
  type: 'laptop',
  expectedLifeMonths: '',
  purchaseDate: '',
  price: '',
  supplier: '',
  orderNumber: '',
  fundingSource: '',
  acquisition: 'bought',
  leaseEndsOn: '',
  warrantyMonths: '',
  campus: '',
  room: '',
  notes: '',
};

/** Cents → the amount field's text, `649,00`. */
export function centsToField(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

const wholeNumber = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null);
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export type DeviceFormProblems = Partial<Record<keyof DeviceFormValues, 'required' | 'invalidAmount' | 'invalidNumber'>>;

/** The form's values as the API takes them, or the fields the browser can already tell are wrong. */
export function toDeviceInput(values: DeviceFormValues): { input: DeviceInputBody } | { problems: DeviceFormProblems } {
  const problems: DeviceFormProblems = {};
  for (const key of ['assetTag', 'manufacturer', 'modelName'] as const) if (values[key].trim() === '') problems[key] = 'required';
  const priceCents = values.price.trim() === '' ? null : parseEuroInput(values.price);
  if (values.price.trim() !== '' && priceCents === null) problems.price = 'invalidAmount';
  const numberOf = (key: 'expectedLifeMonths' | 'warrantyMonths') => {
    if (values[key].trim() === '') return null;
    const value = wholeNumber(values[key]);
    if (value === null) problems[key] = 'invalidNumber';
    return value;
  };
  const expectedLifeMonths = numberOf('expectedLifeMonths');
  const warrantyMonths = numberOf('warrantyMonths');
  if (Object.keys(problems).length > 0) return { problems };
  return {
    input: {
      assetTag: values.assetTag.trim(),
      serial: orNull(values.serial),
      manufacturer: values.manufacturer.trim(),
      modelName: values.modelName.trim(),
      type: values.type,
      expectedLifeMonths,
      purchaseDate: orNull(values.purchaseDate),
      priceCents,
      supplier: orNull(values.supplier),
      orderNumber: orNull(values.orderNumber),
      fundingSource: values.fundingSource === '' ? null : values.fundingSource,
      acquisition: values.acquisition,
      leaseEndsOn: values.acquisition === 'bought' ? null : orNull(values.leaseEndsOn),
      warrantyMonths,
      campus: orNull(values.campus),
      room: orNull(values.room),
      notes: orNull(values.notes),
    },
  };
}

/** A device as the API gives it → the form's values, to change it. */
export function formOfDevice(
  device: Omit<DeviceInputBody, 'manufacturer' | 'modelName' | 'type' | 'expectedLifeMonths'> & {
    model: { manufacturer: string; name: string; type: DeviceType; expectedLifeMonths: number };
  },
): DeviceFormValues {
  return {
    assetTag: device.assetTag,
    serial: device.serial ?? '',
    manufacturer: device.model.manufacturer,
    modelName: device.model.name,
    type: device.model.type,
    expectedLifeMonths: String(device.model.expectedLifeMonths),
    purchaseDate: device.purchaseDate ?? '',
    price: device.priceCents === null ? '' : centsToField(device.priceCents),
    supplier: device.supplier ?? '',
    orderNumber: device.orderNumber ?? '',
    fundingSource: device.fundingSource ?? '',
    acquisition: device.acquisition,
    leaseEndsOn: device.leaseEndsOn ?? '',
    warrantyMonths: device.warrantyMonths === null ? '' : String(device.warrantyMonths),
    campus: device.campus ?? '',
    room: device.room ?? '',
    notes: device.notes ?? '',
  };
}

/** The field of the form a server problem names (`body.device.assetTag` → `assetTag`; `priceCents` → `price`). */
export function formFieldOf(path: string | undefined): keyof DeviceFormValues | null {
  const last = path?.split('.').at(-1);
  if (!last) return null;
  if (last === 'priceCents') return 'price';
  return last in emptyDeviceForm ? (last as keyof DeviceFormValues) : null;
}
