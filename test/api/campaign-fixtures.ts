import { randomBytes } from 'node:crypto';
import { DigisnapRepository } from '../../src/server/digisnap/digisnap.repository';
import { DigisnapService } from '../../src/server/digisnap/digisnap.service';
import { AuditRepository } from '../../src/server/platform/audit/audit.repository';
import type { Background } from '../../src/shared/digisnap/api';
import { competenceList } from '../../src/shared/digisnap/framework';
import { brusselsDate } from '../../src/shared/school/campaign/campaign';
import { TEST_PASSWORD, type TestApp, type TestClient } from '../support/test-app';

/** Test data for campaigns, made with the real services: schools, teams, and scans submitted at a chosen time. */

export const DAY = 86_400_000;

/** A date (YYYY-MM-DD, Brussels) `days` from today. */
export const dayFromToday = (days: number) => brusselsDate(new Date(Date.now() + days * DAY));
/** An instant `days` from now, ISO-8601 UTC. */
export const instantFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export interface School {
  id: string;
  principal: TestClient;
  ict: TestClient;
  teacherIds: string[];
}

export async function createSchool(t: TestApp, options: { teachers: number; level?: string; name?: string }): Promise<School> {
  const id = await t.app.services.schools.createSchool({
    name: options.name ?? `School ${randomBytes(3).toString('hex')}`,
    educationLevel: options.level ?? 'primary',
    province: 'antwerpen',
  });
  const [principal, ict] = [await t.user('principal', { schoolId: id }), await t.user('ict_coordinator', { schoolId: id })];
  const teacherIds: string[] = [];
  for (let i = 0; i < options.teachers; i += 1) teacherIds.push(await addTeacher(t, id));
  return { id, principal, ict, teacherIds };
}

/** A teacher account in the school, without a session (their scans are made through the service). */
export async function addTeacher(t: TestApp, schoolId: string): Promise<string> {
  const email = `teacher-${randomBytes(5).toString('hex')}@school.test`;
  const { userId } = await t.app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher', schoolId });
  return userId;
}

/** The statement chosen for competence `index` (0–21); 0–5, where 0 = A1, 2 = B1, 4 = C1, 5 = C2 (one statement per level). */
export type AnswerPattern = (index: number) => number;
export const allAnswers =
  (option: number): AnswerPattern =>
  () =>
    option;

/**
 * Takes and submits a whole scan for the teacher, as if at `at`, through DigisnapService with its
 * clock fixed to that time (started, answered and submitted then). Any running app will do: the
 * API tests' and the browser tests'.
 */
export async function submitScanAt(t: Pick<TestApp, 'app'>, userId: string, at: string, answers: AnswerPattern, background: Background = {}): Promise<void> {
  const digisnap = new DigisnapService(new DigisnapRepository(t.app.db.kysely), t.app.services.frameworks, new AuditRepository(t.app.db.kysely), () => at);
  const { scan } = await digisnap.startScan(userId);
  const codes = competenceList(digisnap.currentFramework()).map((c) => c.code);
  for (const [i, code] of codes.entries()) await digisnap.answerItem(userId, scan.id, code, answers(i));
  if (Object.keys(background).length > 0) await digisnap.answerBackground(userId, scan.id, background);
  await digisnap.submitScan(userId, scan.id);
}

/** Starts a scan and leaves it in progress. */
export async function startScanAt(t: TestApp, userId: string, at: string): Promise<void> {
  const digisnap = new DigisnapService(new DigisnapRepository(t.app.db.kysely), t.app.services.frameworks, new AuditRepository(t.app.db.kysely), () => at);
  const { scan } = await digisnap.startScan(userId);
  await digisnap.answerItem(userId, scan.id, '1.1', 1);
}

export const campaignsUrl = (schoolId: string) => `/api/schools/${schoolId}/campaigns`;

/** Opens a campaign through the API as the given manager; returns its body. */
export async function openCampaign(client: TestClient, schoolId: string, body: Record<string, unknown> = { opensOn: dayFromToday(-10), closesOn: dayFromToday(7) }) {
  const response = await client.request({ method: 'POST', url: campaignsUrl(schoolId), payload: body });
  if (response.statusCode !== 201) throw new Error(`openCampaign: ${response.statusCode} ${response.body}`);
  return response.json();
}

export const reportUrl = (schoolId: string, campaignId: string, query = '') => `${campaignsUrl(schoolId)}/${campaignId}/report${query}`;

// ---------------------------------------------------------------- checking a report as an attacker would

interface Cell {
  count: number | null;
  share?: number | null;
  suppressed: boolean;
}
type Total = Cell | number;

const BAND_LEVELS: Record<string, string[]> = { A: ['A1', 'A2'], B: ['B1', 'B2'], C: ['C1', 'C2'] };

/**
 * Everything a reader of the report JSON could work out by subtraction, and every shown count
 * below the threshold: empty when the report is safe. Each line is a total with its parts:
 * bands and levels against the respondents, a band against its levels, B-or-above against B
 * and C, a breakdown group against its bands, and each band of the team against the groups.
 */
export function reportLeaks(report: any): string[] {
  const threshold: number = report.threshold;
  const leaks: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      const cell = value as Partial<Cell>;
      if ('suppressed' in cell && 'count' in cell) {
        if (cell.suppressed && (cell.count !== null || (cell.share ?? null) !== null)) leaks.push(`${path}: suppressed but has a number`);
        if (!cell.suppressed && cell.count !== null && cell.count! < threshold) leaks.push(`${path}: shows ${cell.count} < ${threshold}`);
      }
      for (const [key, v] of Object.entries(value)) visit(v, `${path}.${key}`);
    }
  };
  visit(report, 'report');

  const line = (name: string, total: Total, parts: Cell[]) => {
    const totalValue = typeof total === 'number' ? total : total.count;
    const hidden = parts.filter((p) => p.suppressed);
    if (totalValue === null) {
      if (hidden.length === 0 && parts.length > 0) leaks.push(`${name}: hidden total is the sum of shown parts`);
      return;
    }
    const remainder = totalValue - parts.filter((p) => !p.suppressed).reduce((acc, p) => acc + p.count!, 0);
    if (hidden.length === 0 && remainder !== 0) leaks.push(`${name}: parts do not add up`);
    if (hidden.length === 1) leaks.push(`${name}: one hidden part = ${remainder}`);
    if (hidden.length > 1 && remainder < threshold) leaks.push(`${name}: hidden parts add up to ${remainder} < ${threshold}`);
  };
  const table = (name: string, t: any) => {
    const band = (code: string) => t.bands.find((b: { band: string }) => b.band === code);
    const level = (code: string) => t.levels.find((l: { level: string }) => l.level === code);
    line(`${name} bands`, report.respondents, t.bands);
    line(`${name} levels`, report.respondents, t.levels);
    for (const [code, levels] of Object.entries(BAND_LEVELS)) line(`${name} band ${code}`, band(code), levels.map(level));
    line(`${name} B or above`, t.bOrAbove, [band('B'), band('C')]);
    line(`${name} A vs B or above`, report.respondents, [band('A'), t.bOrAbove]);
  };
  table('overall', report.overall);
  for (const area of report.areas) table(`area ${area.number}`, area);
  for (const competence of report.competences) line(`competence ${competence.code}`, report.respondents, competence.levels);
  for (const breakdown of report.breakdowns) {
    line(
      `${breakdown.question} groups`,
      report.respondents,
      breakdown.groups.map((g: { respondents: Cell }) => g.respondents),
    );
    for (const group of breakdown.groups) line(`${breakdown.question}=${group.value}`, group.respondents, group.bands);
    for (const code of Object.keys(BAND_LEVELS)) {
      const total = report.overall.bands.find((b: { band: string }) => b.band === code);
      line(
        `${breakdown.question} band ${code}`,
        total,
        breakdown.groups.map((g: { bands: Array<Cell & { band: string }> }) => g.bands.find((b) => b.band === code)!),
      );
    }
  }
  return leaks;
}

/** A report without what changes from one request to the next, for comparing two states. */
export function reportTables(report: any) {
  const { campaign: _campaign, state: _state, note: _note, ...tables } = report;
  return tables;
}
