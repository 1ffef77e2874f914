import type { DeviceInput } from '../../shared/infra/api';
import type { DeviceType, FundingSource } from '../../shared/infra/device-types';
import type { InitialDeviceState } from '../../shared/infra/lifecycle';
import type { Services } from '../app';
import { seededRandom } from './simulated-answers';

interface DemoBatch {
  prefix: string;
  count: number;
  manufacturer: string;
  modelName: string;
  type: DeviceType;
  purchaseDate: string;
  priceCents: number;
  supplier: string;
  orderNumber: string;
  fundingSource: FundingSource;
  warrantyMonths: number;
  room: (i: number) => string;
  /** The state of the i-th device. */
  state: (i: number) => InitialDeviceState;
  notes?: (i: number) => string | null;
}

/**
 * A primary school's park as the monitor describes one: old desktops in the computer room,
 * Chromebooks for the 5th and 6th year bought with Digisprong money, shared iPads, teacher
 * laptops, interactive panels, projectors that are being replaced, the wifi and a printer.
 */
const batches: DemoBatch[] = [
  {
    prefix: 'CB',
    count: 24,
    manufacturer: 'Lenovo',
    modelName: '300e Chromebook Gen 3',
    type: 'chromebook',
    purchaseDate: '2021-08-23',
    priceCents: 32_900,
    supplier: 'Signpost',
    orderNumber: 'DS-2021-014',
    fundingSource: 'digisprong',
    warrantyMonths: 36,
    room: (i) => (i < 12 ? 'Klas 5A' : 'Klas 6A'),
    // The others of the first 20 are lent to their class below.
    state: (i) => (i === 3 ? 'in_repair' : i === 17 ? 'lost_or_stolen' : 'in_stock'),
    notes: (i) => (i === 3 ? 'Scharnier gebroken, bij leverancier' : i === 17 ? 'Niet teruggebracht na de zomer' : null),
  },
  {
    prefix: 'IP',
    count: 12,
    manufacturer: 'Apple',
    modelName: 'iPad (9e generatie)',
    type: 'tablet',
    purchaseDate: '2022-09-12',
    priceCents: 36_900,
    supplier: 'Switch',
    orderNumber: 'DS-2022-031',
    fundingSource: 'digisprong',
    warrantyMonths: 24,
    room: () => 'Tabletkar kleuterschool',
    state: () => 'in_use',
  },
  {
    prefix: 'LT',
    count: 10,
    manufacturer: 'HP',
    modelName: 'ProBook 440 G9',
    type: 'laptop',
    purchaseDate: '2023-08-28',
    priceCents: 78_500,
    supplier: 'Signpost',
    orderNumber: 'EM-2023-007',
    fundingSource: 'own_means',
    warrantyMonths: 36,
    room: () => 'Leraarskamer',
    state: (i) => (i === 9 ? 'in_stock' : 'in_use'),
    notes: (i) => (i === 9 ? 'Reserve voor vervangers' : null),
  },
  {
    prefix: 'PC',
    count: 8,
    manufacturer: 'Dell',
    modelName: 'OptiPlex 3070',
    type: 'desktop',
    purchaseDate: '2019-03-18',
    priceCents: 61_000,
    supplier: 'Dell',
    orderNumber: 'EM-2019-002',
    fundingSource: 'own_means',
    warrantyMonths: 36,
    room: () => 'Computerklas',
    state: (i) => (i < 3 ? 'to_refurbish' : 'in_use'),
  },
  {
    prefix: 'BORD',
    count: 3,
    manufacturer: 'Promethean',
    modelName: 'ActivPanel 9 75"',
    type: 'interactive_whiteboard',
    purchaseDate: '2020-08-31',
    priceCents: 420_000,
    supplier: 'Avecto',
    orderNumber: 'EM-2020-011',
    fundingSource: 'own_means',
    warrantyMonths: 60,
    room: (i) => ['Klas 3A', 'Klas 4A', 'Klas 5A'][i],
    state: () => 'in_use',
  },
  {
    prefix: 'WIFI',
    count: 2,
    manufacturer: 'Ubiquiti',
    modelName: 'UniFi U6 Lite',
    type: 'network',
    purchaseDate: '2022-01-10',
    priceCents: 11_900,
    supplier: 'Netwerkbedrijf Dendermonde',
    orderNumber: 'DS-2022-002',
    fundingSource: 'digisprong',
    warrantyMonths: 24,
    room: (i) => ['Gang gelijkvloers', 'Gang eerste verdieping'][i],
    state: () => 'in_use',
  },
  {
    prefix: 'PRJ',
    count: 1,
    manufacturer: 'Epson',
    modelName: 'EB-W06',
    type: 'projector',
    purchaseDate: '2016-09-05',
    priceCents: 44_900,
    supplier: 'Avecto',
    orderNumber: 'EM-2016-004',
    fundingSource: 'own_means',
    warrantyMonths: 24,
    room: () => 'Turnzaal',
    state: () => 'in_use',
  },
];

/**
 * The demo school's park: 60 devices; two old desktops already wiped, one of them disposed of;
 * the Chromebooks of the 5th and 6th year lent to their pupils (by the school's own numbers)
 * and the spare laptop to a substitute teacher, past its due date. Returns how many devices.
 */
export async function seedDemoDevices(services: Services, schoolId: string, ictUserId: string): Promise<number> {
  const random = seededRandom(12);
  const items: Array<{ device: DeviceInput; state: InitialDeviceState }> = [];
  for (const batch of batches) {
    for (let i = 0; i < batch.count; i++) {
      items.push({
        state: batch.state(i),
        device: {
          assetTag: `${batch.prefix}-${String(i + 1).padStart(3, '0')}`,
          serial: `${batch.manufacturer.slice(0, 2).toUpperCase()}${Math.floor(random() * 1e8)
            .toString(36)
            .toUpperCase()}`,
          manufacturer: batch.manufacturer,
          modelName: batch.modelName,
          type: batch.type,
          expectedLifeMonths: null,
          purchaseDate: batch.purchaseDate,
          priceCents: batch.priceCents,
          supplier: batch.supplier,
          orderNumber: batch.orderNumber,
          fundingSource: batch.fundingSource,
          acquisition: 'bought',
          leaseEndsOn: null,
          warrantyMonths: batch.warrantyMonths,
          campus: 'Hoofdgebouw',
          room: batch.room(i),
          notes: batch.notes?.(i) ?? null,
        },
      });
    }
  }
  const ids = await services.devices.seedDevices(schoolId, items);
  // Two desktops of the computer room reached the end: wiped and decommissioned, one of them taken away.
  const desktops = ids.filter((_, index) => items[index].device.assetTag.startsWith('PC-')).slice(0, 2);
  const wipe = { method: 'purge' as const, performedBy: 'Ilias ICT', performedOn: '2025-06-27' };
  for (const [n, deviceId] of desktops.entries()) {
    await services.devices.changeState(ictUserId, deviceId, { to: 'decommissioned', note: 'Te traag voor de toetsen', sanitisation: wipe });
    if (n === 0) await services.devices.changeState(ictUserId, deviceId, { to: 'disposed', note: 'Opgehaald door Recupel', sanitisation: null });
  }
  // The first 20 Chromebooks but the one in repair and the one lost.
  const chromebooks = Array.from({ length: 20 }, (_, i) => `CB-${String(i + 1).padStart(3, '0')}`).filter((tag) => tag !== 'CB-004' && tag !== 'CB-018');
  const terms = { identifiedBy: 'number' as const, lentOn: '2026-09-01', dueOn: '2027-06-30', depositCents: 5_000, contributionCents: 2_500, conditions: null };
  for (const [className, tags] of [
    ['5A', chromebooks.filter((tag) => Number(tag.slice(3)) <= 12)],
    ['6A', chromebooks.filter((tag) => Number(tag.slice(3)) > 12)],
  ] as const) {
    const loans = tags.map((assetTag, n) => ({ assetTag, borrower: `${className}-${String(n + 1).padStart(2, '0')}` }));
    await services.loans.seedLoans(ictUserId, schoolId, 'pupil', { ...terms, className, loans });
  }
  await services.loans.seedLoans(ictUserId, schoolId, 'staff', {
    identifiedBy: 'name',
    className: null,
    lentOn: '2026-10-01',
    dueOn: '2026-11-30',
    depositCents: null,
    contributionCents: null,
    conditions: 'Voor de vervanging van juf Els in 4A.',
    loans: [{ assetTag: 'LT-010', borrower: 'Meester Tom' }],
  });
  return ids.length;
}
