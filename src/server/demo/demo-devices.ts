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
 * A primary school's park as the monitor describes one: Chromebooks for the 5th and 6th year
 * bought with Digisprong money and older ones shared by the 3rd and 4th, iPads of two generations,
 * teacher laptops of two generations, old desktops in the computer room, interactive panels,
 * projectors that are being replaced, the wifi and the printers.
 */
const batches: DemoBatch[] = [
  {
    prefix: 'CB',
    count: 56,
    manufacturer: 'Lenovo',
    modelName: '300e Chromebook Gen 3',
    type: 'chromebook',
    purchaseDate: '2021-08-23',
    priceCents: 32_900,
    supplier: 'Signpost',
    orderNumber: 'DS-2021-014',
    fundingSource: 'digisprong',
    warrantyMonths: 36,
    room: (i) => (i < 28 ? 'Klas 5A' : 'Klas 6A'),
    // The others of the first 54 are lent to their class below; the last two are spares.
    state: (i) => (i === 3 ? 'in_repair' : i === 17 ? 'lost_or_stolen' : 'in_stock'),
    notes: (i) => (i === 3 ? 'Scharnier gebroken, bij leverancier' : i === 17 ? 'Niet teruggebracht na de zomer' : null),
  },
  {
    prefix: 'CBO',
    count: 24,
    manufacturer: 'Acer',
    modelName: 'Chromebook 11 C732',
    type: 'chromebook',
    purchaseDate: '2019-02-11',
    priceCents: 27_900,
    supplier: 'Signpost',
    orderNumber: 'EM-2019-001',
    fundingSource: 'own_means',
    warrantyMonths: 24,
    room: () => 'Laptopkar 3de-4de leerjaar',
    state: (i) => (i < 4 ? 'to_refurbish' : i === 4 ? 'in_repair' : 'in_use'),
    notes: (i) => (i < 4 ? 'Batterij houdt geen lesuur meer' : null),
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
    prefix: 'IPO',
    count: 16,
    manufacturer: 'Apple',
    modelName: 'iPad (7e generatie)',
    type: 'tablet',
    purchaseDate: '2020-01-20',
    priceCents: 34_900,
    supplier: 'Switch',
    orderNumber: 'EM-2020-002',
    fundingSource: 'parents',
    warrantyMonths: 12,
    room: (i) => (i < 8 ? 'Klas 1A' : 'Klas 2A'),
    state: () => 'in_use',
  },
  {
    prefix: 'LT',
    count: 20,
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
    prefix: 'LTO',
    count: 8,
    manufacturer: 'HP',
    modelName: 'ProBook 430 G5',
    type: 'laptop',
    purchaseDate: '2018-08-27',
    priceCents: 69_900,
    supplier: 'Signpost',
    orderNumber: 'EM-2018-005',
    fundingSource: 'own_means',
    warrantyMonths: 36,
    room: () => 'Zorgklas',
    state: (i) => (i < 2 ? 'to_refurbish' : 'in_use'),
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
    count: 10,
    manufacturer: 'Promethean',
    modelName: 'ActivPanel 9 75"',
    type: 'interactive_whiteboard',
    purchaseDate: '2020-08-31',
    priceCents: 420_000,
    supplier: 'Avecto',
    orderNumber: 'EM-2020-011',
    fundingSource: 'own_means',
    warrantyMonths: 60,
    room: (i) => `Klas ${Math.floor(i / 2) + 1}${i % 2 === 0 ? 'A' : 'B'}`,
    state: () => 'in_use',
  },
  {
    prefix: 'WIFI',
    count: 8,
    manufacturer: 'Ubiquiti',
    modelName: 'UniFi U6 Lite',
    type: 'network',
    purchaseDate: '2022-01-10',
    priceCents: 11_900,
    supplier: 'Netwerkbedrijf Dendermonde',
    orderNumber: 'DS-2022-002',
    fundingSource: 'digisprong',
    warrantyMonths: 24,
    room: (i) => (i < 4 ? 'Gang gelijkvloers' : 'Gang eerste verdieping'),
    state: () => 'in_use',
  },
  {
    prefix: 'PRN',
    count: 2,
    manufacturer: 'Brother',
    modelName: 'MFC-L8900CDW',
    type: 'printer',
    purchaseDate: '2024-02-14',
    priceCents: 68_900,
    supplier: 'Signpost',
    orderNumber: 'EM-2024-003',
    fundingSource: 'own_means',
    warrantyMonths: 24,
    room: (i) => ['Secretariaat', 'Leraarskamer'][i],
    state: () => 'in_use',
  },
  {
    prefix: 'PRJ',
    count: 4,
    manufacturer: 'Epson',
    modelName: 'EB-W06',
    type: 'projector',
    purchaseDate: '2016-09-05',
    priceCents: 44_900,
    supplier: 'Avecto',
    orderNumber: 'EM-2016-004',
    fundingSource: 'own_means',
    warrantyMonths: 24,
    room: (i) => ['Turnzaal', 'Refter', 'Klas 6B', 'Klas 5B'][i],
    state: (i) => (i === 3 ? 'to_refurbish' : 'in_use'),
  },
];

/**
 * The board's second school, smaller: laptops for its 5th and 6th year (its Digisprong invoice),
 * Android tablets for the younger classes, older desktops, panels, wifi and a printer.
 */
const kouterBatches: DemoBatch[] = [
  {
    prefix: 'KO-LT',
    count: 26,
    manufacturer: 'Dell',
    modelName: 'Latitude 3120',
    type: 'laptop',
    purchaseDate: '2021-09-13',
    priceCents: 27_900,
    supplier: 'Signpost',
    orderNumber: 'OZB-2021-04',
    fundingSource: 'digisprong',
    warrantyMonths: 36,
    room: (i) => (i < 13 ? 'Klas 5K' : 'Klas 6K'),
    state: (i) => (i === 25 ? 'in_repair' : 'in_use'),
  },
  {
    prefix: 'KO-TAB',
    count: 30,
    manufacturer: 'Samsung',
    modelName: 'Galaxy Tab A8',
    type: 'tablet',
    purchaseDate: '2022-10-03',
    priceCents: 21_900,
    supplier: 'Switch',
    orderNumber: 'DS-2022-044',
    fundingSource: 'digisprong',
    warrantyMonths: 24,
    room: (i) => (i < 15 ? 'Tabletkar kleuters' : 'Tabletkar 1ste-4de'),
    state: (i) => (i === 7 ? 'lost_or_stolen' : 'in_use'),
  },
  {
    prefix: 'KO-LK',
    count: 8,
    manufacturer: 'Lenovo',
    modelName: 'ThinkPad E14 Gen 5',
    type: 'laptop',
    purchaseDate: '2024-08-26',
    priceCents: 82_900,
    supplier: 'Signpost',
    orderNumber: 'EM-2024-011',
    fundingSource: 'own_means',
    warrantyMonths: 36,
    room: () => 'Leraarskamer',
    state: () => 'in_use',
  },
  {
    prefix: 'KO-PC',
    count: 12,
    manufacturer: 'Fujitsu',
    modelName: 'Esprimo P557',
    type: 'desktop',
    purchaseDate: '2017-09-04',
    priceCents: 58_000,
    supplier: 'Fujitsu',
    orderNumber: 'EM-2017-006',
    fundingSource: 'own_means',
    warrantyMonths: 36,
    room: () => 'Computerklas',
    state: (i) => (i < 6 ? 'to_refurbish' : 'in_use'),
  },
  {
    prefix: 'KO-BORD',
    count: 6,
    manufacturer: 'Clevertouch',
    modelName: 'UX Pro 65"',
    type: 'interactive_whiteboard',
    purchaseDate: '2023-08-21',
    priceCents: 310_000,
    supplier: 'Avecto',
    orderNumber: 'EM-2023-015',
    fundingSource: 'own_means',
    warrantyMonths: 60,
    room: (i) => `Klas ${i + 1}K`,
    state: () => 'in_use',
  },
  {
    prefix: 'KO-WIFI',
    count: 4,
    manufacturer: 'Ubiquiti',
    modelName: 'UniFi U6 Lite',
    type: 'network',
    purchaseDate: '2022-01-10',
    priceCents: 11_900,
    supplier: 'Netwerkbedrijf Dendermonde',
    orderNumber: 'DS-2022-002',
    fundingSource: 'digisprong',
    warrantyMonths: 24,
    room: () => 'Gang',
    state: () => 'in_use',
  },
  {
    prefix: 'KO-PRN',
    count: 1,
    manufacturer: 'Brother',
    modelName: 'MFC-L8900CDW',
    type: 'printer',
    purchaseDate: '2020-03-02',
    priceCents: 64_900,
    supplier: 'Signpost',
    orderNumber: 'EM-2020-004',
    fundingSource: 'own_means',
    warrantyMonths: 24,
    room: () => 'Secretariaat',
    state: () => 'in_use',
  },
];

type DemoItem = { device: DeviceInput; state: InitialDeviceState };

/** The devices of `batches` at one campus, tagged by batch prefix and number, with made-up serials. */
function parkOf(batches: readonly DemoBatch[], campus: string, random: () => number): DemoItem[] {
  return batches.flatMap((batch) =>
    Array.from({ length: batch.count }, (_, i) => ({
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
        acquisition: 'bought' as const,
        leaseEndsOn: null,
        warrantyMonths: batch.warrantyMonths,
        campus,
        room: batch.room(i),
        notes: batch.notes?.(i) ?? null,
      },
    })),
  );
}

/** The second school of the demo board: 87 devices. Returns how many. */
export async function seedDemoSecondPark(services: Services, schoolId: string): Promise<number> {
  return (await services.devices.seedDevices(schoolId, parkOf(kouterBatches, 'Kouter', seededRandom(13)))).length;
}

/**
 * The demo school's park: 168 devices; two old desktops already wiped, one of them disposed of;
 * the Chromebooks of the 5th and 6th year lent to their pupils (a class each, by the school's own
 * numbers) and the spare laptop to a substitute teacher, past its due date. Returns how many devices.
 */
export async function seedDemoDevices(services: Services, schoolId: string, ictUserId: string): Promise<number> {
  const items = parkOf(batches, 'Hoofdgebouw', seededRandom(12));
  const ids = await services.devices.seedDevices(schoolId, items);
  // Two desktops of the computer room reached the end: wiped and decommissioned, one of them taken away.
  const desktops = ids.filter((_, index) => items[index].device.assetTag.startsWith('PC-')).slice(0, 2);
  const wipe = { method: 'purge' as const, performedBy: 'Ilias ICT', performedOn: '2025-06-27' };
  for (const [n, deviceId] of desktops.entries()) {
    await services.devices.changeState(ictUserId, deviceId, { to: 'decommissioned', note: 'Te traag voor de toetsen', sanitisation: wipe });
    if (n === 0) await services.devices.changeState(ictUserId, deviceId, { to: 'disposed', note: 'Opgehaald door Recupel', sanitisation: null });
  }
  // 26 pupils a class: 5A the first 28 Chromebooks but the one in repair and the one lost, 6A the next 26.
  const tag = (n: number) => `CB-${String(n).padStart(3, '0')}`;
  const fifth = Array.from({ length: 28 }, (_, i) => tag(i + 1)).filter((t) => t !== 'CB-004' && t !== 'CB-018');
  const sixth = Array.from({ length: 26 }, (_, i) => tag(i + 29));
  const terms = { identifiedBy: 'number' as const, lentOn: '2026-09-01', dueOn: '2027-06-30', depositCents: 5_000, contributionCents: 2_500, conditions: null };
  for (const [className, tags] of [
    ['5A', fifth],
    ['6A', sixth],
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
