import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, digisprong, useCliDatabase } from '../support/cli';
import { knownCounts, stemCsv } from './stem-fixtures';

const pagesFolder = new URL('../fixtures/education-api/', import.meta.url).pathname;

describe('digisprong stem import and stem indicators', { timeout: CLI_TEST_TIMEOUT }, () => {
  const database = useCliDatabase();
  const folder = mkdtempSync(join(tmpdir(), 'stem-'));
  const file = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  it('checks with --dry-run, imports a counts CSV, refuses a bad one with every line, and reads a folder of the education API’s pages', async () => {
    const good = file('counts.csv', stemCsv(knownCounts));
    expect(await digisprong(database.url, 'stem', 'import', '--dry-run', good)).toMatchObject({
      code: 0,
      stdout: '2010-2011: 4 lines, 1000 pupils\n2018-2019: 6 lines, 1000 pupils\n10 lines would be imported; nothing was written',
    });
    expect(await digisprong(database.url, 'stem', 'import', good)).toMatchObject({ code: 0, stdout: expect.stringMatching(/10 lines imported$/) });

    const refused = await digisprong(database.url, 'stem', 'import', file('bad.csv', stemCsv(['2018/19;secondary;year3_inflow;aso;antwerpen;stem;f;-2'])));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 2: school_year: “2018/19” is not a school year');
    expect(refused.stderr).toContain('line 2: count: -2 is negative');
    expect(refused.stderr).toMatch(/error import_rejected/);

    expect(await digisprong(database.url, 'stem', 'import', pagesFolder)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^2022-2023: \d+ lines, 518 pupils\n\d+ lines imported$/),
    });
  });

  it('prints the same numbers as getStemIndicators, as JSON and as a table', async () => {
    const app = await database.openApp();
    try {
      for (const [year, breakdown] of [
        ['2018-2019', 'province'],
        ['2022-2023', 'programme_type'],
        ['2010-2011', 'none'],
      ]) {
        const cli = await digisprong(database.url, 'stem', 'indicators', '--year', year, '--breakdown', breakdown, '--json');
        const api = await app.inject({ method: 'GET', url: `/api/stem/indicators?year=${year}&breakdown=${breakdown}` });
        expect(cli.code).toBe(0);
        expect(JSON.parse(cli.stdout)).toEqual(api.json());
      }
      const grade23 = (await app.inject({ method: 'GET', url: '/api/stem/indicators?year=2022-2023' }))
        .json()
        .indicators.find((v: { indicator: string }) => v.indicator === 'secondary_grade23_stem_share');
      expect(grade23).toMatchObject({ definition: 'domain_2', total: { numerator: 173, denominator: 315 }, groups: null });
    } finally {
      await app.close();
    }
    const table = await digisprong(database.url, 'stem', 'indicators', '--year', '2018-2019', '--breakdown', 'province');
    expect(table.stdout).toContain('secondary_year3_stem_share           36.10% (361 of 1000)  [categories_2012]');
    expect(table.stdout).toContain('  limburg                            < 5');
    expect(await digisprong(database.url, 'stem', 'indicators', '--year', '2018/19')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error validation_error \(year\)/) });
  });
});
