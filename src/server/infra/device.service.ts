import type { z } from 'zod';
import { AppError, notFound, validationError } from '../../shared/errors';
import {
  type changeDeviceStateBodySchema,
  type createDeviceBodySchema,
  type DeviceDto,
  type DeviceInput,
  type DeviceListItem,
  type DeviceListQuery,
  type deviceDetailSchema,
  deviceListQuerySchema,
  deviceListSchema,
} from '../../shared/infra/api';
import { addMonths, type DeviceType, defaultExpectedLifeMonths } from '../../shared/infra/device-types';
import { checkTransition, type DeviceState, type InitialDeviceState, inChainOrder, nextStates } from '../../shared/infra/lifecycle';
import { handMovesWhileOnLoan } from '../../shared/infra/loans';
import { grants } from '../../shared/platform/capabilities';
import type { TableBody } from '../../shared/platform/endpoint';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthService } from '../platform/auth/auth.service';
import { newId } from '../platform/ids';
import { type ImportRejection, importRejected } from '../platform/import/import-problems';
import { boardSchoolsKey } from './board-schools';
import { AssetTagTaken, type DeviceModelRow, type DeviceRepository, type DeviceWithModelRow, type StoredPage } from './device.repository';
import { type DeviceImportFormat, FILE_FIELD, readDeviceTable } from './device-csv';
import type { InfraNeeds } from './infra.needs';
import { KeptPages } from './kept-pages';
import type { PageCopies } from './page-copies';
import type { ParkVersions } from './park-versions';

type DeviceDetail = z.infer<typeof deviceDetailSchema>;
type DeviceList = z.infer<typeof deviceListSchema>;
export type DeviceImportResult = { imported: number; format: DeviceImportFormat; errors: [] };

export interface DeviceDeps {
  access: AccessPolicy;
  audit: AuditRepository;
  auth: Pick<AuthService, 'usersByIds'>;
  needs: InfraNeeds;
  /** The parks' versions, which the stored opening pages are compared with. */
  versions: Pick<ParkVersions, 'version'>;
  /** On PostgreSQL: this process's copy of the schools' stored opening pages. */
  copies?: PageCopies;
  now?: () => Date;
}

/**
 * A school's ICT park: its devices and their models, the lifecycle each device moves through
 * (every move kept with who, when and why), and the import and export. The principal and the
 * ICT coordinator manage it; the board's admins read it across their schools; teachers do not see it.
 */
export class DeviceService {
  private readonly now: () => Date;
  private readonly pages = new KeptPages(KEPT_PAGE_BYTES);

  constructor(
    private readonly repo: DeviceRepository,
    private readonly deps: DeviceDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async listDevices(userId: string, schoolId: string, query: DeviceListQuery): Promise<DeviceList> {
    const roles = await this.deps.access.require(userId, 'readDevices', schoolId);
    return { ...(await this.pageOf([{ id: schoolId }], query)), canManage: grants(roles, 'manageDevices') };
  }

  /** `listDevices` as JSON bytes: the opening page as stored (see `listJson`). */
  async listDevicesJson(userId: string, schoolId: string, query: DeviceListQuery): Promise<Buffer> {
    const roles = await this.deps.access.require(userId, 'readDevices', schoolId);
    return this.listJson(schoolId, [{ id: schoolId }], '', query, grants(roles, 'manageDevices'));
  }

  /** A board's view as JSON bytes: every school it runs, read only, each device with its school's name. */
  async listBoardDevicesJson(userId: string, boardId: string, query: DeviceListQuery): Promise<Buffer> {
    const schools = await this.deps.needs.boards.schoolsOfBoard(userId, boardId);
    return this.listJson(boardId, schools, boardSchoolsKey(schools), query, false);
  }

  /**
   * A list as the bytes the response serializer would write. The opening page, which nearly every
   * view asks for, is stored per school and board (`infra_device_pages`) with the park's version
   * (bumped by triggers on every device write, in any process) and the board's schools it was read
   * for; a board's is kept in memory too, and on PostgreSQL a school's in the process's copy
   * (`PageCopies`). A request sends the page while both are current, so a write anywhere shows in
   * the next request.
   */
  private async listJson(scopeId: string, schools: ReadonlyArray<{ id: string; name?: string }>, schoolsKey: string, query: DeviceListQuery, canManage: boolean): Promise<Buffer> {
    if (!isOpeningPage(query)) return Buffer.from(JSON.stringify(deviceListSchema.encode({ ...(await this.pageOf(schools, query)), canManage })));
    const version = await this.deps.versions.version(scopeId);
    const current = (page: StoredPage | undefined): page is StoredPage => page !== undefined && page.version === version && page.schools === schoolsKey;
    // A board's page (a board's list has a key of its schools) is kept in memory: see KEPT_PAGE_BYTES.
    const board = schoolsKey !== '';
    let page = board ? this.pages.get(scopeId) : this.deps.copies?.get(scopeId);
    if (!current(page)) {
      page = await this.repo.storedPage(scopeId);
      if (!current(page)) {
        // Read after the version, so the page is at least as new as the version it is stored with.
        const body = Buffer.from(JSON.stringify(deviceListSchema.encode({ ...(await this.pageOf(schools, query)), canManage: false })));
        page = { version, schools: schoolsKey, body };
        await this.repo.storePage({ scopeId, ...page });
      }
      if (board) this.pages.keep(scopeId, page);
      else this.deps.copies?.keep(scopeId, page);
    }
    return canManage ? managersPage(page.body) : Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength);
  }

  /** A page of the schools' devices, each with its school's name when the school has one here (a board's view). */
  private async pageOf(schools: ReadonlyArray<{ id: string; name?: string }>, query: DeviceListQuery): Promise<Omit<DeviceList, 'canManage'>> {
    const names = new Map(schools.map((school) => [school.id, school.name]));
    const { rows, total } = await this.repo.search([...names.keys()], query);
    const items = rows.map((row) => toListItem(row, names.get(row.school_id)));
    return { items, total, page: query.page, limit: query.limit };
  }

  /** Closes what the service keeps outside the database (the process's copy of the pages). */
  close(): void {
    this.deps.copies?.close();
  }

  async getDevice(userId: string, deviceId: string): Promise<DeviceDetail> {
    const device = await this.deviceInView(userId, deviceId, 'readDevices');
    return this.detailOf(device.row, device.canManage);
  }

  async createDevice(userId: string, schoolId: string, body: z.output<typeof createDeviceBodySchema>): Promise<DeviceDetail> {
    await this.deps.access.require(userId, 'manageDevices', schoolId);
    if (await this.repo.tagTaken(schoolId, body.device.assetTag, null)) throw tagTaken(body.device.assetTag, 'body.device.assetTag');
    const [id] = await this.insert(userId, schoolId, [{ device: body.device, state: body.state }], 'device_created').catch((error: unknown) => {
      throw error instanceof AssetTagTaken ? tagTaken(body.device.assetTag, 'body.device.assetTag') : error;
    });
    return this.detailOf((await this.repo.find(id))!, true);
  }

  async updateDevice(userId: string, deviceId: string, input: DeviceInput): Promise<DeviceDetail> {
    const { row } = await this.deviceInView(userId, deviceId, 'manageDevices');
    if (await this.repo.tagTaken(row.school_id, input.assetTag, deviceId)) throw tagTaken(input.assetTag, 'body.device.assetTag');
    const models = await this.repo.modelsOfSchool(row.school_id);
    const { modelId, newModel } = this.modelFor(row.school_id, input, models);
    await this.repo.updateDevice(deviceId, { ...deviceColumns(input, modelId), updated_at: this.nowIso() }, newModel).catch((error: unknown) => {
      throw error instanceof AssetTagTaken ? tagTaken(input.assetTag, 'body.device.assetTag') : error;
    });
    await this.deps.audit.record({ actorId: userId, action: 'device_updated', subject: deviceId, details: { assetTag: input.assetTag } });
    return this.detailOf((await this.repo.find(deviceId))!, true);
  }

  async changeState(userId: string, deviceId: string, body: z.output<typeof changeDeviceStateBodySchema>): Promise<DeviceDetail> {
    const { row } = await this.deviceInView(userId, deviceId, 'manageDevices');
    const from = row.state as DeviceState;
    const check = checkTransition(from, body.to, body.sanitisation);
    if (!check.ok && check.reason === 'not_allowed') throw transitionNotAllowed(from, body.to, check.allowed);
    if (!check.ok) throw validationError('body.sanitisation', `A move to ${body.to} needs the sanitisation record: method (clear, purge or destroy), who did it and when`);
    if (from === 'on_loan' && !handMovesWhileOnLoan.includes(body.to) && (await this.repo.hasOpenLoan(deviceId))) throw onOpenLoan(body.to);
    const at = this.nowIso();
    const event = { id: newId(), device_id: deviceId, at, actor_id: userId, from_state: from, to_state: body.to, note: body.note };
    const sanitisation = body.sanitisation && {
      device_id: deviceId,
      method: body.sanitisation.method,
      performed_by: body.sanitisation.performedBy,
      performed_on: body.sanitisation.performedOn,
      recorded_by: userId,
      recorded_at: at,
    };
    // Another manager moved it first: the move is judged again from where it is now.
    if (!(await this.repo.changeState(deviceId, from, event, sanitisation))) return this.changeState(userId, deviceId, body);
    await this.deps.audit.record({ actorId: userId, action: 'device_state_changed', subject: deviceId, details: { from, to: body.to } });
    return this.detailOf((await this.repo.find(deviceId))!, true);
  }

  /** All or nothing: every bad line and column reported (422 import_rejected), else every device added. */
  async importDevices(userId: string, schoolId: string, body: TableBody, options: { dryRun: boolean; format?: DeviceImportFormat }): Promise<DeviceImportResult> {
    await this.deps.access.require(userId, 'manageDevices', schoolId);
    return this.importInto(userId, schoolId, body, options);
  }

  /** The same import for the operator's command line (`digisprong devices import`), without a session. */
  async importDevicesAsOperator(schoolId: string, body: TableBody, options: { dryRun: boolean; format?: DeviceImportFormat }): Promise<DeviceImportResult> {
    if (!(await this.deps.needs.schools.schoolExists(schoolId))) throw notFound('School', 'school');
    return this.importInto(null, schoolId, body, options);
  }

  private async importInto(userId: string | null, schoolId: string, body: TableBody, options: { dryRun: boolean; format?: DeviceImportFormat }): Promise<DeviceImportResult> {
    const read = await readDeviceTable(body, options.format);
    const problems = [...read.problems];
    if (read.lines.length > 0) {
      const taken = await this.repo.tagsOfSchool(schoolId);
      for (const line of read.lines) {
        if (taken.has(line.device.assetTag)) {
          problems.push({
            line: line.line,
            field: read.format === 'snipe-it' ? 'asset tag' : 'inventarisnummer',
            message: `The school has a device with asset tag ${line.device.assetTag} already`,
            code: 'duplicate',
            params: { value: line.device.assetTag },
          });
        }
      }
    } else if (problems.length === 0) {
      problems.push({ line: 1, field: FILE_FIELD, message: 'The file has no devices', code: 'no_rows' });
    }
    if (problems.length > 0) throw importRejected(problems, rejection);
    if (!options.dryRun) {
      await this.insert(userId, schoolId, read.lines, 'devices_imported').catch((error: unknown) => {
        if (!(error instanceof AssetTagTaken)) throw error;
        throw importRejected(
          [{ line: 1, field: FILE_FIELD, message: 'Another import or form added one of these asset tags meanwhile; check the file again', code: 'duplicate' }],
          rejection,
        );
      });
    }
    return { imported: read.lines.length, format: read.format, errors: [] };
  }

  async exportDevices(userId: string, schoolId: string): Promise<DeviceDto[]> {
    await this.deps.access.require(userId, 'readDevices', schoolId);
    return (await this.repo.allOfSchool(schoolId)).map(toDeviceDto);
  }

  /** Adds devices without access checks: demo data. */
  async seedDevices(schoolId: string, items: ReadonlyArray<{ device: DeviceInput; state: InitialDeviceState }>): Promise<string[]> {
    return this.insert(null, schoolId, items, 'devices_seeded');
  }

  private async insert(userId: string | null, schoolId: string, items: ReadonlyArray<{ device: DeviceInput; state: InitialDeviceState }>, action: string): Promise<string[]> {
    const models = await this.repo.modelsOfSchool(schoolId);
    const at = this.nowIso();
    const newModels: DeviceModelRow[] = [];
    const devices = items.map((item) => {
      const { modelId, newModel } = this.modelFor(schoolId, item.device, [...models, ...newModels]);
      if (newModel) newModels.push(newModel);
      return { id: newId(), school_id: schoolId, state: item.state, created_at: at, updated_at: at, ...deviceColumns(item.device, modelId) };
    });
    const events = devices.map((device) => ({ id: newId(), device_id: device.id, at, actor_id: userId, from_state: null, to_state: device.state, note: null }));
    await this.repo.insertDevices({ schoolId, models: newModels, devices, events });
    await this.deps.audit.record({ actorId: userId, action, subject: schoolId, details: { count: devices.length } });
    return devices.map((device) => device.id);
  }

  /** The school's model of this manufacturer and name, or a new one; a given expected life updates nothing, it only sets a new model's. */
  private modelFor(schoolId: string, input: DeviceInput, models: readonly DeviceModelRow[]): { modelId: string; newModel: DeviceModelRow | null } {
    const key = (manufacturer: string, name: string) => `${manufacturer.toLowerCase()}\u0000${name.toLowerCase()}`;
    const wanted = key(input.manufacturer, input.modelName);
    const existing = models.find((model) => key(model.manufacturer, model.name) === wanted);
    if (existing) return { modelId: existing.id, newModel: null };
    const newModel: DeviceModelRow = {
      id: newId(),
      school_id: schoolId,
      manufacturer: input.manufacturer,
      name: input.modelName,
      type: input.type,
      expected_life_months: input.expectedLifeMonths ?? defaultExpectedLifeMonths[input.type as DeviceType],
      created_at: this.nowIso(),
    };
    return { modelId: newModel.id, newModel };
  }

  /** The device, when the caller's roles at its school grant the capability; a device of a school the caller has no role in is not found. */
  private async deviceInView(userId: string, deviceId: string, capability: 'readDevices' | 'manageDevices'): Promise<{ row: DeviceWithModelRow; canManage: boolean }> {
    const row = await this.repo.find(deviceId);
    if (!row) throw notFound('Device', 'deviceId');
    const roles = await this.deps.access.require(userId, capability, row.school_id).catch((error: unknown) => {
      if (error instanceof AppError && error.id === 'not_found') throw notFound('Device', 'deviceId');
      throw error;
    });
    return { row, canManage: grants(roles, 'manageDevices') };
  }

  private async detailOf(row: DeviceWithModelRow, canManage: boolean): Promise<DeviceDetail> {
    const [events, sanitisation, onOpenLoan] = await Promise.all([
      this.repo.events(row.id),
      this.repo.sanitisation(row.id),
      row.state === 'on_loan' ? this.repo.hasOpenLoan(row.id) : false,
    ]);
    const device = toDeviceDto(row);
    const actorIds = [...new Set(events.flatMap((event) => (event.actor_id ? [event.actor_id] : [])))];
    const names = new Map((await this.deps.auth.usersByIds(actorIds)).map((user) => [user.id, user.displayName]));
    return {
      device: offeredMoves(device, onOpenLoan),
      history: inChainOrder(
        events.map((event) => ({
          at: event.at,
          actorName: event.actor_id ? (names.get(event.actor_id) ?? null) : null,
          from: event.from_state as DeviceState | null,
          to: event.to_state as DeviceState,
          note: event.note,
        })),
      ),
      sanitisation: sanitisation
        ? {
            method: sanitisation.method as 'clear' | 'purge' | 'destroy',
            performedBy: sanitisation.performed_by,
            performedOn: sanitisation.performed_on,
            recordedAt: sanitisation.recorded_at,
          }
        : null,
      canManage,
    };
  }

  private nowIso(): string {
    return this.now().toISOString();
  }
}

/**
 * Boards' opening pages kept in memory, about 18 KB each: every board's of a few hundred. The
 * schools' are read from `infra_device_pages` (on PostgreSQL from the process's `PageCopies`):
 * Flanders' 3,900 would take 60 MB of a server's 200, and keeping the most recent few hundred of
 * them cost more than it saved when requests spread over all schools (each kept page lived long
 * enough for the old generation).
 */
const KEPT_PAGE_BYTES = 16 * 1024 * 1024;

/** What the ICT park page asks when it opens: no words or filters, by asset tag, the first page of the usual size. */
const opening = deviceListQuerySchema.parse({});

function isOpeningPage(query: DeviceListQuery): boolean {
  const unfiltered =
    !query.q && query.type === undefined && query.state === undefined && query.fundingSource === undefined && !query.campus && !query.room && query.purchaseYear === undefined;
  return unfiltered && query.sort === opening.sort && query.order === opening.order && query.page === opening.page && query.limit === opening.limit;
}

/**
 * A stored page (written for a reader who cannot manage) for one who can: `canManage` comes last in
 * deviceListSchema, so its closing `false}` becomes `true}`, in a copy (the page may be kept).
 */
function managersPage(body: Uint8Array): Buffer {
  return Buffer.concat([body.subarray(0, body.byteLength - 'false}'.length), MANAGERS_END]);
}

const MANAGERS_END = Buffer.from('true}');

const rejection: ImportRejection = { unit: 'line', outcome: 'nothing was imported', where: (p) => `line ${p.line}: ${p.field}`, fileField: FILE_FIELD };

function tagTaken(tag: string, field: string): AppError {
  const message = `The school has a device with asset tag ${tag} already`;
  return new AppError('conflict', message, field, [{ field, message, code: 'duplicate', params: { value: tag } }]);
}

function transitionNotAllowed(from: DeviceState, to: DeviceState, allowed: readonly DeviceState[]): AppError {
  const next = allowed.length === 0 ? `no state: ${from} is final` : allowed.join(', ');
  return new AppError(
    'transition_not_allowed',
    `A device in ${from} cannot move to ${to}; it may move to ${next}`,
    'body.to',
    allowed.map((state) => ({ field: 'body.to', message: state })),
  );
}

function onOpenLoan(to: DeviceState): AppError {
  return new AppError(
    'transition_not_allowed',
    `The device is on an open loan and cannot move to ${to} by hand; take it back through the loan return, which records the date and its condition`,
    'body.to',
    handMovesWhileOnLoan.map((state) => ({ field: 'body.to', message: state })),
  );
}

/** On an open loan the return is the way out (changeState refuses the rest): offer only what a hand move may do. */
function offeredMoves(device: DeviceDto, onOpenLoan: boolean): DeviceDto {
  return onOpenLoan ? { ...device, nextStates: device.nextStates.filter((state) => handMovesWhileOnLoan.includes(state)) } : device;
}

function deviceColumns(input: DeviceInput, modelId: string) {
  return {
    asset_tag: input.assetTag,
    serial: input.serial,
    model_id: modelId,
    purchase_date: input.purchaseDate,
    price_cents: input.priceCents,
    supplier: input.supplier,
    order_number: input.orderNumber,
    funding_source: input.fundingSource,
    acquisition: input.acquisition,
    lease_ends_on: input.leaseEndsOn,
    warranty_months: input.warrantyMonths,
    campus: input.campus,
    room: input.room,
    notes: input.notes,
    search_text: [input.assetTag, input.serial, input.manufacturer, input.modelName, input.notes].filter(Boolean).join(' ').toLowerCase(),
  };
}

function toListItem(row: DeviceWithModelRow, schoolName: string | undefined): DeviceListItem {
  return {
    id: row.id,
    schoolId: row.school_id,
    assetTag: row.asset_tag,
    model: { manufacturer: row.model_manufacturer, name: row.model_name, type: row.model_type as DeviceType },
    state: row.state as DeviceState,
    purchaseDate: row.purchase_date,
    fundingSource: row.funding_source as DeviceListItem['fundingSource'],
    campus: row.campus,
    room: row.room,
    ...(schoolName === undefined ? {} : { schoolName }),
  };
}

export function toDeviceDto(row: DeviceWithModelRow): DeviceDto {
  const state = row.state as DeviceState;
  return {
    id: row.id,
    schoolId: row.school_id,
    assetTag: row.asset_tag,
    serial: row.serial,
    model: {
      id: row.model_id,
      manufacturer: row.model_manufacturer,
      name: row.model_name,
      type: row.model_type as DeviceType,
      expectedLifeMonths: Number(row.model_expected_life_months),
    },
    purchaseDate: row.purchase_date,
    priceCents: row.price_cents === null ? null : Number(row.price_cents),
    supplier: row.supplier,
    orderNumber: row.order_number,
    fundingSource: row.funding_source as DeviceDto['fundingSource'],
    acquisition: row.acquisition as DeviceDto['acquisition'],
    leaseEndsOn: row.lease_ends_on,
    warrantyMonths: row.warranty_months === null ? null : Number(row.warranty_months),
    warrantyEndsOn: row.purchase_date && row.warranty_months !== null ? addMonths(row.purchase_date, Number(row.warranty_months)) : null,
    endOfLifeOn: row.purchase_date ? addMonths(row.purchase_date, Number(row.model_expected_life_months)) : null,
    campus: row.campus,
    room: row.room,
    notes: row.notes,
    state,
    nextStates: [...nextStates(state)],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
