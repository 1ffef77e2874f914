import type { DeviceInput } from '../../src/shared/infra/api';

/** A device to seed in the ICT park's browser tests: every optional field empty unless the test names it. */
export function seededDevice(fields: Pick<DeviceInput, 'assetTag' | 'manufacturer' | 'modelName' | 'type' | 'purchaseDate' | 'priceCents'> & Partial<DeviceInput>): DeviceInput {
  return {
    serial: null,
    expectedLifeMonths: null,
    supplier: null,
    orderNumber: null,
    fundingSource: null,
    acquisition: 'bought',
    leaseEndsOn: null,
    warrantyMonths: null,
    campus: null,
    room: null,
    notes: null,
    ...fields,
  };
}
