import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../../test/support/xlsx-reader';
import { competenceList } from '../../../shared/digisnap/framework';
import { drawNoise, protectTeam } from '../../../shared/digisnap/protected-team';
import { scoreAnswers } from '../../../shared/digisnap/scoring';
import { seededUniform } from '../../../shared/platform/differential-privacy';
import { buildSchoolReport, type SchoolReport } from '../../../shared/school/campaign/report';
import { schoolReportCsv } from '../../../shared/school/campaign/report-csv';
import { HIDDEN, type ReportLine, schoolReportTables } from '../../../shared/school/campaign/report-table';
import { loadFrameworkFile } from '../../digisnap/framework.registry';
import { countTeam } from '../../digisnap/team-aggregate';
import { schoolReportXlsx } from './report-xlsx';

const framework = loadFrameworkFile(new URL('../../../../content/frameworks/digcompedu-2017.json', import.meta.url).pathname);
const codes = competenceList(framework).map((c) => c.code);

/** A team's published tables from per-teacher answer patterns, through the real counting and noise (seeded). */
function teamOf(members: Array<{ options: number[]; experience?: string }>, threshold = 5) {
  const scans = members.map((m, i) => ({
    userId: `u${i}`,
    submittedAt: '2026-03-01T10:00:00.000Z',
    result: scoreAnswers(framework, Object.fromEntries(codes.map((code, j) => [code, m.options[j % m.options.length]]))),
    background: m.experience ? { experience: m.experience } : {},
  }));
  return protectTeam(drawNoise(countTeam(scans, framework), framework, 1, seededUniform(members.length)), framework, threshold);
}

const campaign = { id: 'c2', schoolId: 's', schoolName: 'VBS De Linde', frameworkId: 'digcompedu', frameworkVersion: '2017.1', opensOn: '2026-03-01', closesOn: '2026-03-14' };

function reportOf(members: Array<{ options: number[]; experience?: string }>, withContext: boolean): SchoolReport {
  const team = teamOf(members);
  const other = teamOf(members.map((m) => ({ options: m.options.map((o) => 4 - o) })));
  return buildSchoolReport({
    campaign,
    framework,
    team,
    publishedAt: '2026-03-15T10:00:00.000Z',
    previous: withContext ? { campaignId: 'c1', opensOn: '2025-03-01', report: { overall: other.overall, areas: other.areas.map((a) => ({ ...a, name: { nl: '', en: '' } })) } } : null,
    flanders: withContext ? { schools: 40, team: other } : null,
    sameLevel: withContext ? { schools: 12, educationLevel: 'primary', team: other } : null,
  });
}

const member = fc.record({
  options: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 22 }),
  experience: fc.constantFrom('0_5', '6_10', '11_20', undefined),
});
const reports = fc.tuple(fc.array(member, { minLength: 5, maxLength: 25 }), fc.boolean()).map(([members, withContext]) => reportOf(members, withContext));

const allLines = (report: SchoolReport) => schoolReportTables(report).flatMap((t) => t.lines);

describe('schoolReportTables', () => {
  it('holds noisy counts and shares only: no mean, small counts shown, the note on the noise first', () => {
    fc.assert(
      fc.property(reports, (report) => {
        const lines = allLines(report);
        for (const l of lines) {
          expect(Object.keys(l)).not.toContain('mean');
          expect(l.suppressed).toBe([l.count, l.share].includes(HIDDEN));
          if (typeof l.count === 'number') expect(Number.isInteger(l.count) && l.count >= 0).toBe(true);
        }
        // Only growth can lack a number now; every count of the team's own tables is there.
        expect(lines.filter((l) => l.suppressed).every((l) => l.table.startsWith('groei'))).toBe(true);
        expect(String(lines.find((l) => l.part === 'ruis')?.category)).toMatch(/ruis/);
      }),
      { numRuns: 40 },
    );
  });

  it('gives growth and comparison tables only when the report has them', () => {
    const members = Array.from({ length: 10 }, (_, i) => ({ options: [i % 5] }));
    expect(schoolReportTables(reportOf(members, false)).map((t) => t.id)).toEqual(['team', 'areas', 'competences', 'breakdowns']);
    expect(schoolReportTables(reportOf(members, true), 'en').map((t) => t.title)).toEqual(['Team', 'Areas', 'Competences', 'Growth', 'Comparison', 'Background']);
  });

  it('is what the CSV holds, line for line', () => {
    fc.assert(
      fc.property(reports, (report) => {
        const csvLines = schoolReportCsv(report).slice(1).trim().split('\r\n').slice(1);
        expect(csvLines).toHaveLength(allLines(report).length);
        expect(csvLines.filter((l) => l.endsWith(';ja'))).toHaveLength(allLines(report).filter((l) => l.suppressed).length);
      }),
      { numRuns: 20 },
    );
  });
});

describe('schoolReportXlsx', () => {
  it('writes each table to its sheet: numbers as numbers, shares as percentages, a number not shown as a marker', async () => {
    await fc.assert(
      fc.asyncProperty(reports, fc.constantFrom('nl' as const, 'en' as const), async (report, language) => {
        const book = readXlsx(await schoolReportXlsx(report, language));
        const tables = schoolReportTables(report, language);
        expect(book.sheetNames).toEqual(tables.map((t) => t.title));
        const marker = language === 'nl' ? 'niet beschikbaar' : 'not available';
        for (const table of tables) {
          const [header, ...rows] = book.sheets[table.title];
          expect(header.map((c) => c?.value)).toEqual(
            language === 'nl' ? ['tabel', 'onderdeel', 'categorie', 'aantal', 'aandeel_pct', 'verborgen'] : ['table', 'part', 'category', 'count', 'share_pct', 'suppressed'],
          );
          expect(rows).toHaveLength(table.lines.length);
          table.lines.forEach((l, i) => {
            const [count, share] = [rows[i][3], rows[i][4]];
            const expectCell = (cell: typeof count, value: ReportLine['count'], percent = false) => {
              if (value === HIDDEN) expect(cell).toEqual({ value: marker, format: null });
              else if (typeof value === 'number') expect(cell).toEqual({ value: percent ? expect.closeTo(value / 100, 6) : value, format: expect.any(String) });
              else if (value === null) expect(cell ?? null).toBeNull();
            };
            expectCell(count, l.count);
            expectCell(share, l.share, true);
            if (typeof l.share === 'number') expect(share?.format).toBe('0.0%');
          });
        }
      }),
      { numRuns: 8 },
    );
  });
});
