import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, digisprong, useCliDatabase } from '../support/cli';
import { login } from '../support/test-app';

describe('digisprong users list, schools list, providers verify, users add on an existing account', { timeout: CLI_TEST_TIMEOUT }, () => {
  const database = useCliDatabase();
  const cli = (...args: string[]) => digisprong(database.url, ...args);

  it('lists accounts by role and school, and schools with their members', async () => {
    const schoolId = (await cli('schools', 'add', '--name', 'VBS De Linde', '--number', '012345')).stdout;
    expect((await cli('users', 'add', '--email', 'it@linde.test', '--password', 'a-long-password', '--role', 'ict_coordinator', '--school', schoolId)).stdout).toMatch(
      /^Created account \S+ with role ict_coordinator at school \S+, named it@linde\.test \(give --name to choose a name\)$/,
    );
    await cli('users', 'add', '--email', 'beheer@platform.test', '--password', 'a-long-password', '--role', 'admin', '--name', 'Bea');

    const all = (await cli('users', 'list')).stdout.split('\n');
    expect(all).toHaveLength(2);
    expect((await cli('users', 'list', '--role', 'admin')).stdout).toMatch(/^\S+ {2}beheer@platform\.test {2}Bea {2}admin$/);
    expect((await cli('users', 'list', '--school', schoolId)).stdout).toMatch(new RegExp(`it@linde\\.test {2}it@linde\\.test {2}ict_coordinator@${schoolId}$`));
    expect((await cli('users', 'list', '--role', 'teacher')).stdout).toBe('');
    expect((await cli('schools', 'list')).stdout).toBe(`${schoolId}  012345    VBS De Linde  -  1 members`);
    expect((await cli('schools', 'list', '--search', 'anker')).stdout).toBe('');
  });

  it('users add on an existing account says what it changed, and sets a new password instead of ignoring it', async () => {
    const again = await cli('users', 'add', '--email', 'it@linde.test', '--role', 'admin', '--password', 'een-ander-lang-wachtwoord', '--name', 'Ilse');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Account \S+ existed: added role admin; set the new password and ended every session; renamed it Ilse$/);
    const same = await cli('users', 'add', '--email', 'it@linde.test', '--role', 'admin');
    expect(same.stdout).toMatch(/existed: already had role admin$/);
    const weak = await cli('users', 'add', '--email', 'it@linde.test', '--role', 'admin', '--password', 'kort');
    expect(weak).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error weak_password/) });
    const app = await database.openApp();
    try {
      const client = await login(app, 'it@linde.test', 'een-ander-lang-wachtwoord');
      expect((await client.request({ method: 'GET', url: '/api/auth/me' })).json().user).toMatchObject({ displayName: 'Ilse', globalRoles: ['admin'] });
    } finally {
      await app.close();
    }
  });

  it('verifies a provider, and does not know an unknown one', async () => {
    const providerId = (await cli('providers', 'add', '--name', 'CVO De Brug', '--email', 'info@brug.test')).stdout;
    expect((await cli('providers', 'list')).stdout).toContain('unverified');
    expect((await cli('providers', 'verify', providerId)).stdout).toBe(`Provider ${providerId} is verified`);
    expect((await cli('providers', 'list')).stdout).toBe(`${providerId}  verified    CVO De Brug`);
    expect(await cli('providers', 'verify', 'nope')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error not_found \(id\)/) });
  });
});
