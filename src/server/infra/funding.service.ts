import { randomInt } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { z } from 'zod';
import type { FundingFront } from '../../shared/centre/fronts';
import { toCsv } from '../../shared/csv';
import { AppError, notFound, validationError } from '../../shared/errors';
import { auditChecks, deviceGoal, drawSample, fundingLedger, measureBudgets, type ProcurementProcedure, spendingDeadline, spendingRefusals } from '../../shared/infra/funding';
import type {
  addSpendingEvidenceBodySchema,
  BoardFundingSummary,
  evidenceExportQuerySchema,
  FundingSummary,
  recordSpendingBodySchema,
  SpendingLineDto,
  setFundingTermsBodySchema,
  setPupilCountsBodySchema,
} from '../../shared/infra/funding-api';
import { type FundingScheme, fundingParts } from '../../shared/infra/funding-scheme';
import type { PupilCount } from '../../shared/infra/pupil-groups';
import { brusselsDate } from '../../shared/platform/brussels-time';
import { grants } from '../../shared/platform/capabilities';
import type { TableBody } from '../../shared/platform/endpoint';
import type { IctParkPolicyFacts } from '../../shared/school/policy-plan/ict-park-actions';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import { newId } from '../platform/ids';
import { type ImportRejection, importRejected } from '../platform/import/import-problems';
import type { InfraFileService } from './file.service';
import type { FundingRepository, SpendingRow, TermsRow } from './funding.repository';
import type { FundingSchemes } from './funding-schemes';
import type { BoardSchools } from './infra.needs';
import type { PupilCountRepository } from './pupil-count.repository';
import { COUNTS_FILE_FIELD, readPupilCountTable } from './pupil-count-csv';

export type RecordBody = z.output<typeof recordSpendingBodySchema>;

export interface FundingDeps {
  access: AccessPolicy;
  audit: AuditRepository;
  boards: BoardSchools;
  files: InfraFileService;
  schemes: FundingSchemes;
  /** 0 ≤ i < n; the operating system's CSPRNG unless a test passes its own. */
  randomInt?: (n: number) => number;
  now?: () => Date;
}

/** What one school's funding adds up to under a scheme, before it is shaped for the school's or the board's page. */
interface SchoolFunding {
  counts: PupilCount[];
  terms: { rentScheme: boolean; deductionBases: Record<string, number> };
  measures: ReturnType<typeof measureBudgets>;
  deviceGoal: ReturnType<typeof deviceGoal>;
  ledger: ReturnType<typeof fundingLedger>;
  deadline: string | null;
  spending: SpendingLineDto[];
}

/**
 * A school's funding under a scheme of content/funding: its pupil counts and terms give each
 * measure's budget (the pure rules of `shared/infra/funding.ts`), its spending lines are charged
 * against it, each with the auditor's three checks and its invoice files from the file store.
 * The board reads every school's and exports the evidence of a sample as one ZIP.
 */
export class FundingService {
  private readonly now: () => Date;
  private readonly randomInt: (n: number) => number;

  constructor(
    private readonly repo: FundingRepository,
    private readonly counts: PupilCountRepository,
    private readonly deps: FundingDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    this.randomInt = deps.randomInt ?? ((n) => randomInt(n));
  }

  async summary(userId: string, schoolId: string, schemeId: string): Promise<FundingSummary> {
    const roles = await this.deps.access.require(userId, 'readFunding', schoolId);
    const scheme = this.scheme(schemeId, 'query.scheme');
    const funding = (await this.fundingOf([schoolId], scheme)).get(schoolId)!;
    return { schemes: this.schemeChoices(), scheme, ...funding, canManage: grants(roles, 'manageFunding') };
  }

  /** Each sourced scheme's device goal, deadline and what is left of each part: what the school's policy plan may act on. */
  async standings(userId: string, schoolId: string): Promise<IctParkPolicyFacts['funding']> {
    await this.deps.access.require(userId, 'readFunding', schoolId);
    const schemes = this.deps.schemes.latestAll().filter((scheme) => scheme.verified);
    return Promise.all(
      schemes.map(async (scheme) => {
        const funding = (await this.fundingOf([schoolId], scheme)).get(schoolId)!;
        const left = fundingParts.map((part) => ({ part, leftCents: funding.ledger.parts[part].leftCents }));
        return { scheme: scheme.id, name: scheme.name, deadline: funding.deadline, deviceGoal: funding.deviceGoal, left };
      }),
    );
  }

  async setPupilCounts(userId: string, schoolId: string, body: z.output<typeof setPupilCountsBodySchema>): Promise<FundingSummary> {
    await this.deps.access.require(userId, 'manageFunding', schoolId);
    await this.counts.setCounts(schoolId, body.counts, userId, this.now().toISOString());
    await this.deps.audit.record({ actorId: userId, action: 'pupil_counts_set', subject: schoolId, details: { count: body.counts.length } });
    return this.summary(userId, schoolId, 'digisprong');
  }

  /** A table of counts, all or nothing: 422 import_rejected names every bad line and column. */
  async importPupilCounts(userId: string, schoolId: string, body: TableBody): Promise<FundingSummary> {
    await this.deps.access.require(userId, 'manageFunding', schoolId);
    const read = await readPupilCountTable(body);
    if (read.problems.length > 0) throw importRejected(read.problems, countsRejection);
    await this.counts.setCounts(schoolId, read.counts, userId, this.now().toISOString());
    await this.deps.audit.record({ actorId: userId, action: 'pupil_counts_imported', subject: schoolId, details: { count: read.counts.length } });
    return this.summary(userId, schoolId, 'digisprong');
  }

  async setTerms(userId: string, schoolId: string, body: z.output<typeof setFundingTermsBodySchema>): Promise<FundingSummary> {
    await this.deps.access.require(userId, 'manageFunding', schoolId);
    const scheme = this.scheme(body.scheme, 'body.scheme');
    const unknown = Object.keys(body.deductionBases).find((code) => !scheme.deductions.some((d) => d.code === code));
    if (unknown) throw validationError(`body.deductionBases.${unknown}`, `The scheme has no deduction ${unknown}`);
    await this.repo.setTerms({
      school_id: schoolId,
      scheme_id: scheme.id,
      rent_scheme: body.rentScheme ? 1 : 0,
      deduction_bases: JSON.stringify(body.deductionBases),
      updated_by: userId,
      updated_at: this.now().toISOString(),
    });
    await this.deps.audit.record({ actorId: userId, action: 'funding_terms_set', subject: schoolId, details: { scheme: scheme.id, rentScheme: body.rentScheme } });
    return this.summary(userId, schoolId, scheme.id);
  }

  /**
   * Records a line when the scheme accepts it: a refused category (with the scheme's reason) or
   * an invoice outside the window is 422 spending_refused on its field; a file that is not the
   * school's 400 on its place in the list. The line and its files are written together.
   */
  async recordSpending(userId: string, schoolId: string, body: RecordBody): Promise<{ line: SpendingLineDto }> {
    await this.deps.access.require(userId, 'manageFunding', schoolId);
    return { line: await this.record(userId, schoolId, body) };
  }

  async addEvidence(userId: string, spendingId: string, body: z.output<typeof addSpendingEvidenceBodySchema>): Promise<{ line: SpendingLineDto }> {
    const row = await this.repo.findSpending(spendingId);
    if (!row) throw notFound('Spending line', 'spendingId');
    await this.deps.access.require(userId, 'manageFunding', row.school_id).catch((error: unknown) => {
      if (error instanceof AppError && error.id === 'not_found') throw notFound('Spending line', 'spendingId');
      throw error;
    });
    await this.checkFiles(row.school_id, body.fileIds, 'body.fileIds');
    await this.repo.attachEvidence(spendingId, body.fileIds, this.now().toISOString());
    await this.deps.audit.record({ actorId: userId, action: 'funding_evidence_attached', subject: row.school_id, details: { spendingId, files: body.fileIds.length } });
    const scheme = this.scheme(row.scheme_id, 'spendingId');
    return { line: (await this.lines(scheme, [row]))[0] };
  }

  async boardSummary(userId: string, boardId: string, schemeId: string): Promise<BoardFundingSummary> {
    return this.boardSummaryOf(await this.deps.boards.schoolsOfBoard(userId, boardId), schemeId);
  }

  /** The same for the board's schools as the school module read them, without an access check: a platform admin's support read of the board's overview. */
  async boardSummaryOf(schools: ReadonlyArray<{ id: string; name: string }>, schemeId: string): Promise<BoardFundingSummary> {
    const scheme = this.scheme(schemeId, 'query.scheme');
    const funding = await this.fundingOf(
      schools.map((s) => s.id),
      scheme,
    );
    const names = new Map(schools.map((school) => [school.id, school.name]));
    const rows = schools.map((school) => {
      const one = funding.get(school.id)!;
      return {
        schoolId: school.id,
        schoolName: school.name,
        budgetCents: one.ledger.budgetCents,
        spentCents: one.ledger.spentCents,
        leftCents: one.ledger.leftCents,
        beyondBudgetCents: one.ledger.beyondBudgetCents,
        deadline: one.deadline,
        deviceGoal: one.deviceGoal,
        lines: one.spending.length,
        auditReady: one.spending.filter((line) => Object.values(line.checks).every(Boolean)).length,
      };
    });
    const sum = (pick: (row: (typeof rows)[number]) => number | null) => (rows.some((row) => pick(row) === null) ? null : rows.reduce((total, row) => total + (pick(row) ?? 0), 0));
    return {
      schemes: this.schemeChoices(),
      scheme: choiceOf(scheme),
      schools: rows,
      totals: { budgetCents: sum((r) => r.budgetCents), spentCents: sum((r) => r.spentCents) ?? 0, leftCents: sum((r) => r.leftCents) },
      spending: [...funding.values()].flatMap((one) => one.spending.map((line) => ({ ...line, schoolName: names.get(line.schoolId)! }))),
    };
  }

  /**
   * Flanders-wide, for the knowledge centre: per scheme, the budget of the schools that have one
   * and what they spent of it. Sums only, so no access check.
   */
  async flandersFront(): Promise<FundingFront> {
    const schemes = [];
    for (const scheme of this.deps.schemes.latestAll()) {
      const funding = await this.fundingOf(await this.repo.schoolsOfScheme(scheme.id), scheme);
      const budgeted = [...funding.values()].filter((one) => one.ledger.budgetCents !== null && one.ledger.budgetCents > 0);
      const budgetCents = budgeted.reduce((sum, one) => sum + one.ledger.budgetCents!, 0);
      const spentCents = budgeted.reduce((sum, one) => sum + one.ledger.spentCents, 0);
      schemes.push({ scheme: scheme.id, name: scheme.name, schools: budgeted.length, budgetCents, spentCents, spentShare: budgetCents > 0 ? spentCents / budgetCents : null });
    }
    return { source: { module: 'infra', asOf: brusselsDate(this.now()) }, schemes };
  }

  /**
   * The evidence of a sample of the board's lines as one ZIP: `index.csv` (each line, its school,
   * checks and the files' names) and the files under `bewijsstukken/`. The sample is drawn with the
   * CSPRNG across the board's schools, or picked by hand (an id that is not the board's: 400).
   */
  async evidenceExport(userId: string, boardId: string, query: z.output<typeof evidenceExportQuerySchema>): Promise<{ fileName: string; zip: Buffer }> {
    const summary = await this.boardSummary(userId, boardId, query.scheme);
    const lines = summary.spending;
    let sample: typeof lines;
    if (query.ids) {
      const byId = new Map(lines.map((line) => [line.id, line]));
      const unknown = query.ids.findIndex((id) => !byId.has(id));
      if (unknown >= 0) throw validationError(`query.ids.${unknown}`, 'Not a spending line of this board under this scheme');
      sample = [...new Set(query.ids)].map((id) => byId.get(id)!);
    } else sample = drawSample(lines, query.size ?? 0, this.randomInt);
    const entries: Record<string, Uint8Array> = {};
    const fileNames = new Map<string, string>();
    for (const line of sample)
      for (const file of line.evidence) {
        const name = `bewijsstukken/${line.id}/${file.name.replace(/[/\\]/g, '_')}`;
        entries[name] = (await this.deps.files.download(userId, file.id)).content;
        fileNames.set(`${line.id}${file.id}`, name);
      }
    const yesNo = (value: boolean) => (value ? 'ja' : 'nee');
    const index = toCsv(
      [
        'school',
        'lijn',
        'categorie',
        'omschrijving',
        'leverancier',
        'bedrag (EUR)',
        'factuur',
        'factuurdatum',
        'in aanmerking',
        'geen dubbele financiering',
        'gunningsprocedure',
        'referentie gunning',
        'bewijsstukken',
      ],
      sample.map((line) => [
        line.schoolName,
        line.id,
        line.category,
        line.description,
        line.supplier,
        (line.amountCents / 100).toFixed(2).replace('.', ','),
        line.invoiceReference,
        line.invoiceDate,
        yesNo(line.checks.eligible),
        yesNo(line.checks.noDoubleFinancing),
        line.procurementProcedure,
        line.procurementReference,
        line.evidence.map((file) => fileNames.get(`${line.id}${file.id}`)).join(' | '),
      ]),
    );
    entries['index.csv'] = strToU8(`\uFEFF${index}`);
    await this.deps.audit.record({
      actorId: userId,
      action: 'funding_evidence_exported',
      subject: boardId,
      details: { scheme: query.scheme, lines: sample.length, drawn: !query.ids },
    });
    return { fileName: `bewijsstukken-${query.scheme}-${this.now().toISOString().slice(0, 10)}.zip`, zip: Buffer.from(zipSync(entries, { level: 6 })) };
  }

  /** Records a line without an access check: demo data. */
  async seedSpending(userId: string, schoolId: string, body: RecordBody): Promise<SpendingLineDto> {
    return this.record(userId, schoolId, body);
  }

  /** Writes counts and terms without an access check: demo data. */
  async seedCountsAndTerms(schoolId: string, counts: readonly Omit<PupilCount, 'schoolId'>[], terms: { scheme: string; rentScheme: boolean; deductionBases: Record<string, number> }) {
    const at = this.now().toISOString();
    await this.counts.setCounts(schoolId, counts, null, at);
    await this.repo.setTerms({
      school_id: schoolId,
      scheme_id: terms.scheme,
      rent_scheme: terms.rentScheme ? 1 : 0,
      deduction_bases: JSON.stringify(terms.deductionBases),
      updated_by: null,
      updated_at: at,
    });
  }

  private async record(userId: string, schoolId: string, body: RecordBody): Promise<SpendingLineDto> {
    const scheme = this.scheme(body.scheme, 'body.scheme');
    const [terms] = await this.repo.terms([schoolId], scheme.id);
    const refusals = spendingRefusals(scheme, body, terms?.rent_scheme === 1);
    if (refusals.length > 0)
      throw new AppError(
        'spending_refused',
        refusals.map(refusalMessage).join('; '),
        `body.${refusals[0].field}`,
        refusals.map((refusal) => ({ field: `body.${refusal.field}`, message: refusalMessage(refusal) })),
      );
    await this.checkFiles(schoolId, body.evidenceFileIds, 'body.evidenceFileIds');
    const row = {
      id: newId(),
      school_id: schoolId,
      scheme_id: scheme.id,
      category: body.category,
      description: body.description,
      supplier: body.supplier,
      amount_cents: body.amountCents,
      invoice_reference: body.invoiceReference,
      invoice_date: body.invoiceDate,
      not_double_financed: body.notDoubleFinanced ? 1 : 0,
      procurement_procedure: body.procurementProcedure,
      procurement_reference: body.procurementReference,
      recorded_by: userId,
      recorded_at: this.now().toISOString(),
    };
    await this.repo.recordSpending(row, [...new Set(body.evidenceFileIds)]);
    await this.deps.audit.record({
      actorId: userId,
      action: 'spending_recorded',
      subject: schoolId,
      details: { spendingId: row.id, scheme: scheme.id, amountCents: row.amount_cents },
    });
    return (await this.lines(scheme, [row]))[0];
  }

  /** Each file must be the school's own: another school's or an unknown id is 400 on its place in the list. */
  private async checkFiles(schoolId: string, fileIds: readonly string[], field: string): Promise<void> {
    if (fileIds.length === 0) return;
    const found = await this.deps.files.filesOfSchool(schoolId, fileIds);
    const missing = fileIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw validationError(`${field}.${missing}`, 'No such file of this school');
  }

  private scheme(schemeId: string, field: string): FundingScheme {
    const scheme = this.deps.schemes.latest(schemeId);
    if (!scheme) throw validationError(field, `No funding scheme ${schemeId}`);
    return scheme;
  }

  private schemeChoices() {
    return this.deps.schemes.latestAll().map(choiceOf);
  }

  /** Counts, terms, budgets, device goal, ledger and lines of each school, read a few queries for all of them at once. */
  private async fundingOf(schoolIds: readonly string[], scheme: FundingScheme): Promise<Map<string, SchoolFunding>> {
    const [counts, terms, spending, bought] = await Promise.all([
      this.allCountsOf(schoolIds),
      this.repo.terms(schoolIds, scheme.id),
      this.repo.spending(schoolIds, scheme.id),
      this.repo.devicesBought(schoolIds, scheme.id),
    ]);
    const lines = await this.lines(scheme, spending);
    const termsOf = new Map(terms.map((row) => [row.school_id, termsOfRow(row)]));
    // By school first: Flanders' figure asks for thousands of schools at once.
    const countsOf = bySchool(counts);
    const linesOf = bySchool(lines);
    const result = new Map<string, SchoolFunding>();
    for (const schoolId of schoolIds) {
      const ofSchool = countsOf.get(schoolId) ?? [];
      const schoolTerms = termsOf.get(schoolId) ?? { rentScheme: false, deductionBases: {} };
      const measures = measureBudgets(scheme, ofSchool, schoolTerms.deductionBases);
      const goal = deviceGoal(measures, scheme, bought.get(schoolId) ?? 0);
      const schoolLines = linesOf.get(schoolId) ?? [];
      const charged = schoolLines.flatMap((line) => (line.part && line.checks.eligible ? [{ part: line.part, amountCents: line.amountCents }] : []));
      result.set(schoolId, {
        counts: ofSchool,
        terms: schoolTerms,
        measures,
        deviceGoal: goal,
        ledger: fundingLedger(scheme, measures, charged, goal),
        deadline: spendingDeadline(scheme, schoolTerms.rentScheme),
        spending: schoolLines,
      });
    }
    return result;
  }

  /** Every count of every school: a measure reads the day of its tranche. */
  private async allCountsOf(schoolIds: readonly string[]): Promise<PupilCount[]> {
    return (await Promise.all(schoolIds.map((id) => this.counts.allCounts(id)))).flat();
  }

  private async lines(scheme: FundingScheme, rows: readonly SpendingRow[]): Promise<SpendingLineDto[]> {
    const evidence = await this.repo.evidence(rows.map((row) => row.id));
    const filesBySchool = new Map<string, Awaited<ReturnType<InfraFileService['filesOfSchool']>>>();
    for (const schoolId of new Set(rows.map((row) => row.school_id)))
      filesBySchool.set(
        schoolId,
        await this.deps.files.filesOfSchool(
          schoolId,
          rows.filter((row) => row.school_id === schoolId).flatMap((row) => evidence.get(row.id) ?? []),
        ),
      );
    return rows.map((row) => {
      const files = (evidence.get(row.id) ?? []).flatMap((id) => filesBySchool.get(row.school_id)?.get(id) ?? []);
      const category = scheme.categories.find((c) => c.code === row.category);
      const line = {
        category: row.category,
        notDoubleFinanced: row.not_double_financed === 1,
        procurementProcedure: row.procurement_procedure,
        procurementReference: row.procurement_reference,
        evidenceFiles: files.length,
      };
      return {
        id: row.id,
        schoolId: row.school_id,
        scheme: row.scheme_id,
        category: row.category,
        part: category?.eligible ? (category.part ?? null) : null,
        description: row.description,
        supplier: row.supplier,
        amountCents: row.amount_cents,
        invoiceReference: row.invoice_reference,
        invoiceDate: row.invoice_date,
        notDoubleFinanced: line.notDoubleFinanced,
        procurementProcedure: row.procurement_procedure as ProcurementProcedure,
        procurementReference: row.procurement_reference,
        evidence: files,
        checks: auditChecks(scheme, line),
        recordedAt: row.recorded_at,
      };
    });
  }
}

const countsRejection: ImportRejection = { unit: 'line', outcome: 'nothing was imported', where: (p) => `line ${p.line}: ${p.field}`, fileField: COUNTS_FILE_FIELD };

/** Rows grouped by their school, in the order they came. */
function bySchool<T extends { schoolId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.schoolId);
    if (group) group.push(row);
    else groups.set(row.schoolId, [row]);
  }
  return groups;
}

const choiceOf = (scheme: FundingScheme) => ({ id: scheme.id, version: scheme.version, name: scheme.name, verified: scheme.verified });

function termsOfRow(row: TermsRow): SchoolFunding['terms'] {
  return { rentScheme: Number(row.rent_scheme) === 1, deductionBases: JSON.parse(row.deduction_bases) as Record<string, number> };
}

function refusalMessage(refusal: ReturnType<typeof spendingRefusals>[number]): string {
  switch (refusal.kind) {
    case 'unknown_category':
      return 'The scheme has no such spending category';
    case 'ineligible':
      return `The scheme refuses this category: ${refusal.reason.en}`;
    case 'before_window':
      return `The invoice is dated before the scheme's window opens on ${refusal.from}`;
    case 'after_deadline':
      return `The invoice is dated after the school's spending deadline, ${refusal.deadline}`;
  }
}
