import type { CyberCheckFront } from '../../../shared/centre/fronts';
import { AppError, conflict, notFound, validationError } from '../../../shared/errors';
import { answerProblem, missingItems, progressOf } from '../../../shared/scan/engine';
import { type Instrument, questionnaireFor } from '../../../shared/scan/instrument';
import { brusselsDate } from '../../../shared/school/campaign/campaign';
import { type CyberPicture, compareChecks, cyberPicture, flandersTopicMaturity } from '../../../shared/school/cyber-check/cyber-check';
import type { CyberCheckDto, CyberCheckParkFacts, CyberCheckResultDto, CyberCheckSummaryDto } from '../../../shared/school/cyber-check/cyber-check-api';
import { cyberCheckResult, suggestedActionsOf } from '../../../shared/school/cyber-check/cyber-check-result';
import type { SuggestedAction } from '../../../shared/school/policy-plan/suggested-action';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import type { AuthService } from '../../platform/auth/auth.service';
import { newId } from '../../platform/ids';
import type { InstrumentRegistry } from '../instrument.registry';
import type { ActionSource, SourceResult } from '../policy-plan/action-sources';
import type { IctParkFacts } from '../school.needs';
import type { SchoolService } from '../school.service';
import type { Answers, CyberCheckRepository, CyberCheckRow } from './cyber-check.repository';

/** The CyberFundamentals measures the ICT park has facts for. */
export const PARK_MEASURES = { inventory: 'ID.AM-01.1', disposal: 'PR.DS-01.9' } as const;

/** The content file's id: content/instruments/cyber-check-<version>.json. */
export const CYBER_CHECK_INSTRUMENT = 'cyber-check';

export interface CyberCheckDeps {
  /** The access check every use case starts with. */
  access: AccessPolicy;
  schools: SchoolService;
  auth: AuthService;
  audit: AuditRepository;
  instruments: InstrumentRegistry;
  /** What the ICT park knows for the inventory and disposal measures. */
  ictPark: IctParkFacts;
  /** The clock; tests may fix it. */
  now?: () => Date;
}

/**
 * The school's cybersecurity check on the scan engine: one check in progress per school,
 * answered measure by measure by any of its principals and ICT coordinators (each change is
 * in the audit log with who made it), submitted once, and kept so the next check shows the
 * progress. Every public method checks access first: a school the caller has no role in is not
 * found (404), a teacher gets 403, a check of another school is not found.
 */
export class CyberCheckService implements ActionSource {
  readonly kind = 'cyber_check' as const;
  private readonly now: () => Date;

  constructor(
    private readonly repo: CyberCheckRepository,
    private readonly deps: CyberCheckDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Flanders-wide, for the knowledge centre: per topic of the latest version, `flandersTopicMaturity` over each school's latest check. */
  async flandersFront(): Promise<CyberCheckFront> {
    const checks = await this.repo.latestSubmittedOfEachSchool();
    const answers = await this.repo.answersOfChecks(checks.map((check) => check.id));
    const sections = this.deps.instruments.latest(CYBER_CHECK_INSTRUMENT)?.sections ?? [];
    const maturity = flandersTopicMaturity(
      checks.map((check) => this.pictureOf(check, answers.get(check.id)!)),
      sections.map((section) => section.id),
    );
    const asOf = checks.reduce<string | null>((newest, check) => (newest === null || check.submitted_at! > newest ? check.submitted_at! : newest), null);
    return {
      source: { module: 'school', asOf: asOf && brusselsDate(new Date(asOf)) },
      schools: checks.length,
      topics: sections.map((section, i) => ({ ...maturity[i], name: section.name })),
    };
  }

  /** A version of the check's content: measures, maturity scale with descriptions, target. */
  instrument(version: string): Instrument {
    const instrument = this.deps.instruments.get(CYBER_CHECK_INSTRUMENT, version);
    if (!instrument) throw notFound(`Cyber check version ${version}`, 'params.version');
    return instrument;
  }

  /** Resumes the school's check in progress, or starts one on the latest version. */
  async start(userId: string, schoolId: string): Promise<{ check: CyberCheckDto; created: boolean }> {
    await this.deps.access.require(userId, 'runCyberChecks', schoolId);
    const open = await this.repo.findOpen(schoolId);
    if (open) return { check: await this.toDto(open), created: false };
    const instrument = this.deps.instruments.latest(CYBER_CHECK_INSTRUMENT);
    if (!instrument) throw new Error(`No ${CYBER_CHECK_INSTRUMENT} instrument is loaded`);
    const at = this.now().toISOString();
    const row: CyberCheckRow = {
      id: newId(),
      school_id: schoolId,
      instrument_id: instrument.id,
      instrument_version: instrument.version,
      status: 'in_progress',
      started_at: at,
      started_by: userId,
      updated_at: at,
      updated_by: userId,
      submitted_at: null,
      submitted_by: null,
    };
    const created = await this.repo.insertOpen(row, (trx) =>
      this.deps.audit.record({ actorId: userId, action: 'cyber_check_started', subject: row.id, details: { schoolId, version: instrument.version } }, trx),
    );
    // Another manager started one a moment earlier: join that one.
    const check = created ? row : await this.repo.findOpen(schoolId);
    return { check: await this.toDto(check!), created };
  }

  /** The ICT park's counts for the inventory and disposal measures, to show beside the school's answer. */
  async parkFacts(userId: string, schoolId: string): Promise<CyberCheckParkFacts> {
    await this.deps.access.require(userId, 'readCyberChecks', schoolId);
    const facts = await this.deps.ictPark.cyberFacts(schoolId);
    return {
      inventory: { reference: PARK_MEASURES.inventory, devices: facts.devices, complete: facts.complete },
      disposal: { reference: PARK_MEASURES.disposal, leftSchool: facts.leftSchool, sanitised: facts.sanitised },
    };
  }

  async get(userId: string, schoolId: string, checkId: string): Promise<CyberCheckDto> {
    await this.deps.access.require(userId, 'readCyberChecks', schoolId);
    return this.toDto(await this.checkOf(schoolId, checkId));
  }

  async answer(userId: string, schoolId: string, checkId: string, itemId: string, option: number): Promise<CyberCheckDto> {
    await this.deps.access.require(userId, 'runCyberChecks', schoolId);
    const check = await this.checkOf(schoolId, checkId);
    const problem = answerProblem(this.questionnaireOf(check), itemId, option, { item: 'params.itemId', option: 'body.option' });
    if (problem) throw validationError(problem.field, problem.message);
    const saved = await this.repo.saveAnswer(check.id, { itemId, option, by: userId, at: this.now().toISOString() }, (trx) =>
      this.deps.audit.record({ actorId: userId, action: 'cyber_check_answered', subject: check.id, details: { schoolId, itemId, option } }, trx),
    );
    if (!saved) throw submittedError();
    return this.toDto((await this.repo.find(schoolId, checkId))!);
  }

  /** Idempotent: a retry or a second manager's click returns the check as it was submitted. */
  async submit(userId: string, schoolId: string, checkId: string): Promise<CyberCheckDto> {
    await this.deps.access.require(userId, 'runCyberChecks', schoolId);
    const check = await this.checkOf(schoolId, checkId);
    if (check.status === 'submitted') return this.toDto(check);
    const missing = missingItems(this.questionnaireOf(check), await this.repo.answersOf(check.id));
    if (missing.length > 0) {
      throw new AppError(
        'scan_incomplete',
        `${missing.length} measure(s) still need an answer`,
        `answers.${missing[0]}`,
        missing.map((itemId) => ({ field: `answers.${itemId}`, message: `Measure ${itemId} has no answer yet` })),
      );
    }
    await this.repo.submit(check.id, userId, this.now().toISOString(), (trx) =>
      this.deps.audit.record({ actorId: userId, action: 'cyber_check_submitted', subject: check.id, details: { schoolId } }, trx),
    );
    return this.toDto((await this.repo.find(schoolId, checkId))!);
  }

  async list(userId: string, schoolId: string): Promise<CyberCheckSummaryDto[]> {
    await this.deps.access.require(userId, 'readCyberChecks', schoolId);
    return this.listAsOperator(schoolId);
  }

  /** The school's checks without an access check: a platform admin's support read of a board's overview. */
  async listAsOperator(schoolId: string): Promise<CyberCheckSummaryDto[]> {
    const rows = await this.repo.listOfSchool(schoolId);
    const answers = await this.repo.answersOfChecks(rows.map((row) => row.id));
    return rows.map((row) => {
      const given = answers.get(row.id)!;
      const picture = row.status === 'submitted' ? this.pictureOf(row, given) : null;
      return {
        id: row.id,
        instrumentVersion: row.instrument_version,
        status: row.status,
        startedAt: row.started_at,
        updatedAt: row.updated_at,
        submittedAt: row.submitted_at,
        progress: progressOf(this.questionnaireOf(row), given),
        overall: picture && { meanMaturity: picture.overall.meanMaturity, shareAtTarget: picture.overall.shareAtTarget, actions: picture.actions.length },
      };
    });
  }

  /** The result of a submitted check beside the one before it; a check in progress has none yet (409). */
  async result(userId: string, schoolId: string, checkId: string): Promise<CyberCheckResultDto> {
    await this.deps.access.require(userId, 'readCyberChecks', schoolId);
    const check = await this.checkOf(schoolId, checkId);
    if (check.status !== 'submitted') throw conflict('This check is not submitted yet; submit it to see its result', 'params.checkId');
    const previousRow = await this.repo.previousSubmitted(schoolId, check.submitted_at!);
    const answers = await this.repo.answersOfChecks(previousRow ? [check.id, previousRow.id] : [check.id]);
    const picture = this.pictureOf(check, answers.get(check.id)!);
    const previous = previousRow ? { row: previousRow, picture: this.pictureOf(previousRow, answers.get(previousRow.id)!) } : null;
    return cyberCheckResult({
      check: await this.dtoOf(check, answers.get(check.id)!),
      instrument: this.instrumentOf(check),
      picture,
      changes: compareChecks(picture, previous?.picture ?? null),
      previous: previous && { id: previous.row.id, submittedAt: previous.row.submitted_at!, instrumentVersion: previous.row.instrument_version, overall: previous.picture.overall },
    });
  }

  /** For the ICT policy plan's panel: the newest submitted check (checks are listed newest first). */
  async latestResult(userId: string, schoolId: string): Promise<SourceResult | null> {
    await this.deps.access.require(userId, 'readCyberChecks', schoolId);
    const latest = (await this.repo.listOfSchool(schoolId)).find((row) => row.status === 'submitted');
    if (!latest) return null;
    const name = this.instrumentOf(latest).name;
    return { id: latest.id, date: brusselsDate(new Date(latest.submitted_at!)), label: name };
  }

  /** For the ICT policy plan: the prioritised actions of a submitted check, most urgent first. */
  async suggestedActions(userId: string, schoolId: string, sourceId: string): Promise<SuggestedAction[]> {
    return suggestedActionsOf(await this.result(userId, schoolId, sourceId));
  }

  private async checkOf(schoolId: string, checkId: string): Promise<CyberCheckRow> {
    const check = await this.repo.find(schoolId, checkId);
    if (!check) throw notFound('Cyber check', 'params.checkId');
    return check;
  }

  private instrumentOf(check: CyberCheckRow): Instrument {
    const instrument = this.deps.instruments.get(check.instrument_id, check.instrument_version);
    if (!instrument) throw new Error(`Instrument ${check.instrument_id}@${check.instrument_version} of cyber check ${check.id} is not loaded`);
    return instrument;
  }

  private questionnaireOf(check: CyberCheckRow) {
    return questionnaireFor(this.instrumentOf(check), 'school');
  }

  private pictureOf(check: CyberCheckRow, answers: Answers): CyberPicture {
    return cyberPicture(this.instrumentOf(check), answers);
  }

  private async toDto(check: CyberCheckRow): Promise<CyberCheckDto> {
    return this.dtoOf(check, await this.repo.answersOf(check.id));
  }

  private async dtoOf(check: CyberCheckRow, answers: Answers): Promise<CyberCheckDto> {
    const ids = [check.started_by, check.updated_by, check.submitted_by].filter((id): id is string => id !== null);
    const names = new Map(ids.length === 0 ? [] : (await this.deps.auth.usersByIds(ids)).map((user) => [user.id, user.displayName]));
    const person = (id: string | null) => (id !== null && names.has(id) ? { id, name: names.get(id)! } : null);
    return {
      id: check.id,
      schoolId: check.school_id,
      instrumentId: check.instrument_id,
      instrumentVersion: check.instrument_version,
      status: check.status,
      startedAt: check.started_at,
      startedBy: person(check.started_by),
      updatedAt: check.updated_at,
      lastChangedBy: person(check.updated_by),
      submittedAt: check.submitted_at,
      submittedBy: person(check.submitted_by),
      answers,
      progress: progressOf(this.questionnaireOf(check), answers),
    };
  }
}

const submittedError = () => new AppError('scan_submitted', 'This check is submitted and can no longer change', 'params.checkId');
