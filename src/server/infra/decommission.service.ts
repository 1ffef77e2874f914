import type { z } from 'zod';
import { AppError, conflict, notFound, validationError } from '../../shared/errors';
import { type BatchProblem, batchMoves, batchProblems, disposalRoutes } from '../../shared/infra/decommission';
import type {
  attachCertificateBodySchema,
  createDecommissionBatchBodySchema,
  DecommissionBatchDto,
  decommissionBatchListSchema,
  ReusePartner,
  replacementForecastSchema,
  reusePartnersSchema,
} from '../../shared/infra/decommission-api';
import type { InfraFileDto } from '../../shared/infra/file-api';
import { type DeviceState, type SanitisationMethod, statesNeedingSanitisation } from '../../shared/infra/lifecycle';
import { dueReason, endOfLife, replacementForecast, statesInService } from '../../shared/infra/replacement';
import { brusselsDate } from '../../shared/platform/brussels-time';
import { grants } from '../../shared/platform/capabilities';
import type { IctParkPolicyFacts } from '../../shared/school/policy-plan/ict-park-actions';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthService } from '../platform/auth/auth.service';
import { newId } from '../platform/ids';
import type { DecommissionRepository } from './decommission.repository';
import type { InfraFileService } from './file.service';
import type { FundingService } from './funding.service';
import { LoanRace, type LoanRepository } from './loan.repository';

type CreateBody = z.output<typeof createDecommissionBatchBodySchema>;

/** The states of a device that left the school's hands: reached only with a wipe record, or after one. */
const statesOutOfSchool = [...statesNeedingSanitisation, 'disposed'];

export interface DecommissionDeps {
  access: AccessPolicy;
  audit: AuditRepository;
  auth: Pick<AuthService, 'usersByIds'>;
  files: Pick<InfraFileService, 'filesOfSchool'>;
  /** Reads the school's devices by tag with their open loans. */
  loans: Pick<LoanRepository, 'devicesByTags'>;
  partners: readonly ReusePartner[];
  /** The funding's standing per scheme, for the policy plan's facts. */
  funding: Pick<FundingService, 'standings'>;
  now?: () => Date;
}

/**
 * The end of devices' lives at a school: batches handed to a reuse or recycling partner, each
 * device with its wipe record and certificate, and the forecast of what is due for replacement.
 * A batch moves every device through the lifecycle's rules in one transaction or none, so no
 * device reaches donated or disposed without its wipe record.
 */
export class DecommissionService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: DecommissionRepository,
    private readonly deps: DecommissionDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  reusePartners(): z.infer<typeof reusePartnersSchema> {
    return { routes: [...disposalRoutes], partners: [...this.deps.partners] };
  }

  async listBatches(userId: string, schoolId: string): Promise<z.infer<typeof decommissionBatchListSchema>> {
    const roles = await this.deps.access.require(userId, 'readDevices', schoolId);
    const rows = await this.repo.list(schoolId);
    return {
      items: rows.map((row) => ({
        id: row.id,
        partner: this.partner(row.partner_id),
        handedOverOn: row.handed_over_on,
        devices: Number(row.devices),
        certified: row.certificate_file_id !== null || Number(row.without_own_certificate ?? 0) === 0,
        createdAt: row.created_at,
      })),
      canManage: grants(roles, 'manageDevices'),
    };
  }

  async getBatch(userId: string, batchId: string): Promise<DecommissionBatchDto> {
    const { roles } = await this.batchInView(userId, batchId, 'readDevices');
    return this.detailOf(batchId, grants(roles, 'manageDevices'));
  }

  /**
   * The certificate a batch was handed over without, for the whole batch or one device's wipe
   * record. One given stays (409): the evidence an auditor saw does not change under them.
   */
  async attachCertificate(userId: string, batchId: string, body: z.output<typeof attachCertificateBodySchema>): Promise<DecommissionBatchDto> {
    const { batch } = await this.batchInView(userId, batchId, 'manageDevices');
    if ((await this.deps.files.filesOfSchool(batch.school_id, [body.fileId])).size === 0) throw validationError('body.fileId', 'The school has no such file; upload it first');
    if (body.deviceId === undefined) {
      if (!(await this.repo.certifyBatch(batchId, body.fileId))) throw conflict('The batch has its certificate already', 'body.fileId');
    } else if (!(await this.repo.certifyDevice(batchId, body.deviceId, body.fileId))) {
      const inBatch = (await this.repo.devicesOf(batchId)).some((device) => device.id === body.deviceId);
      throw inBatch ? conflict('This device’s wipe record has its own certificate already', 'body.deviceId') : validationError('body.deviceId', 'No device of this batch');
    }
    await this.deps.audit.record({
      actorId: userId,
      action: 'decommission_certificate_attached',
      subject: batch.school_id,
      details: { batchId, fileId: body.fileId, deviceId: body.deviceId ?? null },
    });
    return this.detailOf(batchId, true);
  }

  /** The batch, when the caller's roles at its school grant the capability; one of a school the caller has no role in is not found. */
  private async batchInView(userId: string, batchId: string, capability: 'readDevices' | 'manageDevices') {
    const batch = await this.repo.find(batchId);
    if (!batch) throw notFound('Decommission batch', 'batchId');
    const roles = await this.deps.access.require(userId, capability, batch.school_id).catch((error: unknown) => {
      if (error instanceof AppError && error.id === 'not_found') throw notFound('Decommission batch', 'batchId');
      throw error;
    });
    return { batch, roles };
  }

  async createBatch(userId: string, schoolId: string, body: CreateBody): Promise<DecommissionBatchDto> {
    await this.deps.access.require(userId, 'manageDevices', schoolId);
    const partner = this.deps.partners.find((p) => p.id === body.partnerId);
    if (!partner) throw validationError('body.partnerId', `No reuse partner ${body.partnerId}; see listReusePartners`);
    await this.checkFiles(schoolId, body);
    const tags = body.devices.map((device) => device.assetTag);
    const found = new Map((await this.deps.loans.devicesByTags(schoolId, [...new Set(tags)])).map((row) => [row.asset_tag, row]));
    const sanitisationOf = (line: number) => {
      const device = body.devices[line - 1];
      return { ...body.sanitisation, method: (device.method ?? body.sanitisation.method) as SanitisationMethod };
    };
    const problems = batchProblems(
      tags,
      new Map([...found].map(([tag, row]) => [tag, { state: row.state as DeviceState, onOpenLoan: row.open_loan_id !== null }])),
      partner.route,
      sanitisationOf,
    );
    if (problems.length > 0) throw batchRejected(problems);

    const at = this.now().toISOString();
    const batchId = newId();
    const note = `${partner.route === 'reuse' ? 'Handed over for reuse to' : 'Handed over for recycling to'} ${partner.name}`;
    const plans = body.devices.map((device, index) => {
      const row = found.get(device.assetTag)!;
      const moves = batchMoves(row.state as DeviceState, partner.route, sanitisationOf(index + 1));
      if (!moves.ok) throw new Error('checked above');
      return { device, row, moves: moves.moves };
    });
    try {
      await this.repo.create(
        {
          id: batchId,
          school_id: schoolId,
          partner_id: partner.id,
          handed_over_on: body.handedOverOn,
          note: body.note,
          certificate_file_id: body.sanitisation.certificateFileId,
          created_by: userId,
          created_at: at,
        },
        plans.map(({ row, moves }) => ({ batch_id: batchId, device_id: row.id, from_state: row.state, to_state: moves.at(-1)!.to })),
        plans.flatMap(({ row, moves }) => moves.map((move) => ({ id: newId(), device_id: row.id, at, actor_id: userId, from_state: move.from, to_state: move.to, note }))),
        plans.map(({ device, row }) => ({
          device_id: row.id,
          method: device.method ?? body.sanitisation.method,
          performed_by: body.sanitisation.performedBy,
          performed_on: body.sanitisation.performedOn,
          recorded_by: userId,
          recorded_at: at,
          verification: body.sanitisation.verification,
          certificate_ref: device.certificateRef ?? body.sanitisation.certificateRef,
          certificate_file_id: device.certificateFileId,
          batch_id: batchId,
        })),
      );
    } catch (error) {
      // A device moved meanwhile: the batch is judged again from where things are now.
      if (error instanceof LoanRace) return this.createBatch(userId, schoolId, body);
      throw error;
    }
    await this.deps.audit.record({ actorId: userId, action: 'decommission_batch_created', subject: schoolId, details: { batchId, partnerId: partner.id, count: plans.length } });
    return this.detailOf(batchId, true);
  }

  async replacementForecast(userId: string, schoolId: string): Promise<z.infer<typeof replacementForecastSchema>> {
    const roles = await this.deps.access.require(userId, 'readDevices', schoolId);
    const today = brusselsDate(this.now());
    const rows = await this.repo.replacementRows(schoolId, statesInService);
    const devices = rows.map((row) => ({
      id: row.id,
      state: row.state as DeviceState,
      modelId: row.model_id,
      purchaseDate: row.purchase_date,
      priceCents: row.price_cents === null ? null : Number(row.price_cents),
      warrantyMonths: row.warranty_months === null ? null : Number(row.warranty_months),
      expectedLifeMonths: Number(row.expected_life_months),
      repairs: Number(row.repairs),
    }));
    const due = rows.flatMap((row, i) => {
      const reason = dueReason(devices[i], today);
      if (!reason) return [];
      const { purchaseDate, priceCents, repairs, state } = devices[i];
      return [
        {
          id: row.id,
          assetTag: row.asset_tag,
          manufacturer: row.manufacturer,
          model: row.model_name,
          state,
          purchaseDate,
          endOfLifeOn: endOfLife(devices[i]),
          repairs,
          reason,
          priceCents,
        },
      ];
    });
    due.sort((a, b) => (a.endOfLifeOn ?? '').localeCompare(b.endOfLifeOn ?? '') || a.assetTag.localeCompare(b.assetTag));
    return { today, due, years: replacementForecast(devices, today), canManage: grants(roles, 'manageDevices') };
  }

  /**
   * What the cyber check shows beside its inventory and disposal measures: how many devices carry
   * serial and location, and how many of those that left have a wipe record. No access check: the
   * cyber check made its own.
   */
  async cyberFacts(schoolId: string): Promise<{ devices: number; complete: number; leftSchool: number; sanitised: number }> {
    return this.repo.cyberFacts(schoolId, statesOutOfSchool);
  }

  /** What the school's policy plan may act on: the park's forecast and its funding, each read under its own capability. */
  async policyFacts(userId: string, schoolId: string): Promise<IctParkPolicyFacts> {
    const [forecast, standings] = await Promise.all([this.replacementForecast(userId, schoolId), this.deps.funding.standings(userId, schoolId)]);
    return { today: forecast.today, replacement: forecast.years, funding: standings };
  }

  /** Every certificate named must be a file of this school, or the batch would point at another school's evidence. */
  private async checkFiles(schoolId: string, body: CreateBody): Promise<void> {
    const named = [
      { field: 'body.sanitisation.certificateFileId', id: body.sanitisation.certificateFileId },
      ...body.devices.map((device, i) => ({ field: `body.devices.${i}.certificateFileId`, id: device.certificateFileId })),
    ].filter((item): item is { field: string; id: string } => item.id !== null);
    const files = await this.deps.files.filesOfSchool(
      schoolId,
      named.map((item) => item.id),
    );
    const missing = named.find((item) => !files.has(item.id));
    if (missing) throw validationError(missing.field, 'The school has no such file; upload it first');
  }

  private async detailOf(batchId: string, canManage: boolean): Promise<DecommissionBatchDto> {
    const [batch, devices] = await Promise.all([this.repo.find(batchId), this.repo.devicesOf(batchId)]);
    const fileIds = [batch!.certificate_file_id, ...devices.map((device) => device.certificate_file_id)].filter((id): id is string => id !== null);
    const files: Map<string, InfraFileDto> = await this.deps.files.filesOfSchool(batch!.school_id, fileIds);
    const creator = batch!.created_by ? (await this.deps.auth.usersByIds([batch!.created_by]))[0] : undefined;
    const certificate = batch!.certificate_file_id ? (files.get(batch!.certificate_file_id) ?? null) : null;
    return {
      id: batch!.id,
      schoolId: batch!.school_id,
      partner: this.partner(batch!.partner_id),
      handedOverOn: batch!.handed_over_on,
      note: batch!.note,
      certificate,
      devices: devices.map((device) => ({
        id: device.id,
        assetTag: device.asset_tag,
        serial: device.serial,
        manufacturer: device.manufacturer,
        model: device.model_name,
        from: device.from_state as DeviceState,
        state: device.state as DeviceState,
        sanitisation: {
          method: (device.method ?? 'clear') as SanitisationMethod,
          performedBy: device.performed_by ?? '',
          performedOn: device.performed_on ?? '',
          verification: device.verification ?? '',
          certificateRef: device.certificate_ref,
          certificate: device.certificate_file_id ? (files.get(device.certificate_file_id) ?? null) : certificate,
        },
      })),
      createdBy: creator?.displayName ?? null,
      createdAt: batch!.created_at,
      canManage,
    };
  }

  /** A partner by id; one taken out of the content file since still shows by its id. */
  private partner(id: string): ReusePartner {
    return this.deps.partners.find((p) => p.id === id) ?? { id, name: id, route: 'recycle', takes: { nl: '', en: '' }, website: null };
  }
}

function batchRejected(problems: readonly BatchProblem[]): AppError {
  return new AppError(
    'decommission_rejected',
    `${problems.length} device(s) cannot go with this batch; nothing was changed`,
    `body.devices.${problems[0].line - 1}.assetTag`,
    problems.map((problem) => ({ field: `body.devices.${problem.line - 1}.assetTag`, message: `line ${problem.line}: ${problem.message}` })),
  );
}
