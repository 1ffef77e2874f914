import type SQLite from 'better-sqlite3';
import { Presets, SingleBar } from 'cli-progress';
import { newId } from '../src/server/platform/ids';
import { addMonths, type DeviceType } from '../src/shared/infra/device-types';
import { makeSchools, makeTeacher, type Random, type SchoolRow, type TeacherRows } from './fixtures';

/**
 * The ICT park at Flanders' scale (issue 12 §7): devices over schools of their own, grouped in
 * boards, each board with an admin whose session the scenarios use. Plain rows as the inventory
 * and loan services write them, in large transactions of prepared statements; the devices carry
 * no history events (the scenarios read lists and indicators, which do not read them). Each school
 * has pupil counts of its level (the funding slice's table), so every indicator is computed. The
 * triggers on devices and loans keep each park's version as they would.
 */

/** Schools per board: about the size of a large school group (scholengroep). */
export const SCHOOLS_PER_BOARD = 25;
const ROWS_PER_TRANSACTION = 20_000;
const DAY_MS = 86_400_000;

export interface DeviceDataOptions {
  devices: number;
  schools: number;
  /** Schools and emails made before, so names and addresses stay distinct. */
  firstSchool: number;
  firstUser: number;
  sessionIdleHours: number;
}

/** What the device scenarios read: each board, its admin's session and its schools. */
export interface DeviceManifest {
  devices: number;
  schools: number;
  boards: Array<{ boardId: string; token: string; schoolIds: string[] }>;
  seconds: number;
}

/** Models a school buys, with how often (weight), price in cents and expected life; the mix of a Flemish park after Digisprong. */
const models: ReadonlyArray<{ manufacturer: string; name: string; type: DeviceType; weight: number; priceCents: number; lifeMonths: number }> = [
  { manufacturer: 'Acer', name: 'Chromebook 314', type: 'chromebook', weight: 35, priceCents: 32_900, lifeMonths: 60 },
  { manufacturer: 'Lenovo', name: 'ThinkPad L13 Gen 4', type: 'laptop', weight: 25, priceCents: 74_900, lifeMonths: 60 },
  { manufacturer: 'Apple', name: 'iPad 10.2', type: 'tablet', weight: 15, priceCents: 38_900, lifeMonths: 48 },
  { manufacturer: 'Dell', name: 'OptiPlex 7010', type: 'desktop', weight: 12, priceCents: 69_900, lifeMonths: 72 },
  { manufacturer: 'Samsung', name: 'S24C450', type: 'display', weight: 4, priceCents: 14_900, lifeMonths: 96 },
  { manufacturer: 'Promethean', name: 'ActivPanel 9 75"', type: 'interactive_whiteboard', weight: 3, priceCents: 389_000, lifeMonths: 120 },
  { manufacturer: 'Epson', name: 'EB-L210W', type: 'projector', weight: 2, priceCents: 99_900, lifeMonths: 84 },
  { manufacturer: 'Ubiquiti', name: 'U6 Pro', type: 'network', weight: 2, priceCents: 15_900, lifeMonths: 84 },
  { manufacturer: 'HP', name: 'LaserJet Pro 4002', type: 'printer', weight: 2, priceCents: 29_900, lifeMonths: 72 },
];
const totalWeight = models.reduce((sum, model) => sum + model.weight, 0);

/** Devices of their states: most in use, some lent to pupils, a few on their way out. */
const states: ReadonlyArray<[string, number]> = [
  ['in_use', 0.6],
  ['on_loan', 0.15],
  ['in_stock', 0.1],
  ['in_repair', 0.05],
  ['to_refurbish', 0.05],
  ['decommissioned', 0.03],
  ['disposed', 0.02],
];

function pickWeighted<T>(random: Random, items: ReadonlyArray<T>, weightOf: (item: T) => number, total: number): T {
  let left = random() * total;
  for (const item of items) {
    left -= weightOf(item);
    if (left < 0) return item;
  }
  return items[items.length - 1];
}

export function addDeviceData(
  sqlite: SQLite.Database,
  writeUser: (teacher: TeacherRows) => void,
  writeSchool: (school: SchoolRow) => void,
  random: Random,
  now: number,
  options: DeviceDataOptions,
): DeviceManifest {
  const started = Date.now();
  const nowIso = new Date(now).toISOString();
  const today = nowIso.slice(0, 10);
  const schools = makeSchools(options.schools, random, now, options.firstSchool);
  // Secondary schools keep about three times the devices of a primary school.
  const weights = schools.map((school) => (school.education_level === 'secondary' ? 3 : 1));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const board = sqlite.prepare('insert into boards (id, name, number, created_at) values (?, ?, ?, ?)');
  const schoolBoard = sqlite.prepare('update schools set board_id = ? where id = ?');
  const model = sqlite.prepare('insert into device_models (id, school_id, manufacturer, name, type, expected_life_months, created_at) values (?, ?, ?, ?, ?, ?, ?)');
  const device = sqlite.prepare(
    `insert into devices (id, school_id, asset_tag, serial, model_id, purchase_date, price_cents, supplier, order_number, funding_source, acquisition,
       lease_ends_on, warranty_months, campus, room, notes, state, search_text, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bought', null, ?, ?, ?, null, ?, ?, ?, ?)`,
  );
  const loan = sqlite.prepare(
    `insert into loans (id, school_id, device_id, borrower_kind, identified_by, borrower, class_name, lent_on, due_on, deposit_cents, contribution_cents,
       conditions, lent_by, returned_on, return_condition, return_note, returned_by, created_at)
     values (?, ?, ?, 'pupil', 'number', ?, ?, ?, null, 12500, 2000, null, null, null, null, null, null, ?)`,
  );

  const pupilCount = sqlite.prepare('insert into pupil_counts (school_id, pupil_group, counting_day, pupils, updated_by, updated_at) values (?, ?, ?, ?, null, ?)');
  /** Pupils per group as a school of its level counts them on 1 February, so the indicators per pupil have counts to divide by. */
  const countPupils = (school: SchoolRow) => {
    const size = 0.7 + random() * 0.6;
    const groups: Array<[string, number]> =
      school.education_level === 'secondary'
        ? [
            ['secondary_1_3_5_7', 310],
            ['secondary_2_4_6_other', 300],
          ]
        : [
            ['pre_primary', 100],
            ['primary_1_4', 130],
            ['primary_5_6', 65],
          ];
    for (const [group, pupils] of groups) pupilCount.run(school.id, group, `${today.slice(0, 4)}-02-01`, Math.round(pupils * size), nowIso);
  };

  const manifest: DeviceManifest = { devices: 0, schools: schools.length, boards: [], seconds: 0 };
  sqlite.transaction(() => {
    for (let first = 0; first < schools.length; first += SCHOOLS_PER_BOARD) {
      const members = schools.slice(first, first + SCHOOLS_PER_BOARD);
      const boardId = newId();
      board.run(boardId, `Scholengroep ${first / SCHOOLS_PER_BOARD + 1}`, `BENCH-${first / SCHOOLS_PER_BOARD + 1}`, nowIso);
      for (const school of members) {
        writeSchool(school);
        schoolBoard.run(boardId, school.id);
        countPupils(school);
      }
      const admin = makeTeacher(options.firstUser + first / SCHOOLS_PER_BOARD, [members[0]], random, now, options.sessionIdleHours);
      admin.membership.role = 'board_admin';
      writeUser(admin);
      manifest.boards.push({ boardId, token: admin.session.token, schoolIds: members.map((school) => school.id) });
    }
  })();

  const bar = new SingleBar({ format: 'generating {bar} {value}/{total} devices | {eta}s left', etaBuffer: 50_000 }, Presets.shades_classic);
  bar.start(options.devices, 0);
  let written = 0;
  let inTransaction = 0;
  sqlite.exec('begin');
  schools.forEach((school, s) => {
    const count = s === schools.length - 1 ? options.devices - written : Math.round((options.devices * weights[s]) / weightSum);
    const modelIds = models.map((m) => {
      const id = newId();
      model.run(id, school.id, m.manufacturer, m.name, m.type, m.lifeMonths, nowIso);
      return id;
    });
    const prefix = `S${s + 1}`;
    for (let k = 0; k < count; k++) {
      const m = pickWeighted(random, models, (item) => item.weight, totalWeight);
      const modelId = modelIds[models.indexOf(m)];
      // Bought over the last nine years, most of them in the Digisprong years.
      const monthsAgo = random() < 0.5 ? 36 + Math.floor(random() * 36) : Math.floor(random() * 108);
      const purchaseDate = addMonths(today, -monthsAgo);
      const year = Number(purchaseDate.slice(0, 4));
      const funding = year >= 2021 && year <= 2024 && random() < 0.7 ? 'digisprong' : 'own_means';
      const state = pickWeighted(random, states, (item) => item[1], 1)[0];
      const tag = `${prefix}-${String(k + 1).padStart(5, '0')}`;
      const serial = `SN${Math.floor(random() * 1e10)
        .toString(36)
        .toUpperCase()}`;
      const id = newId();
      const at = new Date(now - monthsAgo * 30 * DAY_MS).toISOString();
      device.run(
        id,
        school.id,
        tag,
        serial,
        modelId,
        purchaseDate,
        m.priceCents,
        'Signpost',
        `PO-${year}-${Math.floor(random() * 900) + 100}`,
        funding,
        36,
        'Hoofdgebouw',
        `${String.fromCharCode(65 + Math.floor(random() * 4))}${Math.floor(random() * 3)}.${String(Math.floor(random() * 20) + 1).padStart(2, '0')}`,
        state,
        [tag, serial, m.manufacturer, m.name].join(' ').toLowerCase(),
        at,
        at,
      );
      if (state === 'on_loan') loan.run(newId(), school.id, id, `L-${String(k + 1).padStart(4, '0')}`, `${5 + Math.floor(random() * 2)}A`, addMonths(today, -3), nowIso);
      written++;
      if (++inTransaction === ROWS_PER_TRANSACTION) {
        sqlite.exec('commit');
        sqlite.exec('begin');
        inTransaction = 0;
        bar.update(written);
      }
    }
  });
  sqlite.exec('commit');
  bar.update(written);
  bar.stop();
  manifest.devices = written;
  manifest.seconds = (Date.now() - started) / 1000;
  return manifest;
}
