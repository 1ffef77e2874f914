import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, digisprong, useCliDatabase } from '../support/cli';
import { login } from '../support/test-app';

const snipe = [
  'Company,Name,Asset Tag,Category,Manufacturer,Model,Serial Number,Purchase Date,Purchase Cost,Status',
  'School,Laptop,CLI-1,Laptops,Lenovo,ThinkPad L13,PF1,2023-08-21,"1,049.00",Deployed',
  'School,Tablet,CLI-2,Tablets,Apple,iPad 10,DMP1,2024-09-02,389,Ready to Deploy',
].join('\n');

describe('digisprong devices import', { timeout: CLI_TEST_TIMEOUT }, () => {
  const database = useCliDatabase();
  const folder = mkdtempSync(join(tmpdir(), 'devices-'));
  const file = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  it('checks with --dry-run, imports a Snipe-IT file, and prints every problem of a bad one with its line', async () => {
    const schoolId = (await digisprong(database.url, 'schools', 'add', '--name', 'BS Het Park', '--level', 'primary')).stdout;
    const good = file('snipe.csv', snipe);
    expect(await digisprong(database.url, 'devices', 'import', '--school', schoolId, '--dry-run', good)).toMatchObject({
      code: 0,
      stdout: '2 devices would be imported (snipe-it); nothing was written',
    });
    expect(await digisprong(database.url, 'devices', 'import', '--school', schoolId, good)).toMatchObject({ code: 0, stdout: '2 devices imported (snipe-it)' });

    const bad = file('bad.csv', `${snipe.split('\n')[0]}\nSchool,Laptop,CLI-3,Laptops,,ThinkPad,PF3,2023-02-30,veel,Deployed\n`);
    const refused = await digisprong(database.url, 'devices', 'import', '--school', schoolId, bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 2: manufacturer:');
    expect(refused.stderr).toContain('line 2: purchase date:');
    expect(refused.stderr).toContain('line 2: purchase cost:');
    expect(refused.stderr).toMatch(/error import_rejected/);
    expect(await digisprong(database.url, 'devices', 'import', '--school', 'no-such-school', good)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error not_found \(school\)/),
    });

    const app = await database.openApp();
    try {
      await app.services.auth.createAccount({ email: 'ict@park.test', password: 'a-long-password', role: 'ict_coordinator', schoolId });
      const client = await login(app, 'ict@park.test', 'a-long-password');
      const list = (await client.request({ method: 'GET', url: `/api/schools/${schoolId}/devices` })).json();
      expect(list.items.map((d: { assetTag: string; state: string }) => [d.assetTag, d.state])).toEqual([
        ['CLI-1', 'in_use'],
        ['CLI-2', 'in_stock'],
      ]);
    } finally {
      await app.close();
    }
  });
});
