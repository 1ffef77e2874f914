import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, digisprong, useCliDatabase } from '../support/cli';
import { createTestDatabase } from '../support/dialects';
import { login } from '../support/test-app';

describe('digisprong command line', { timeout: CLI_TEST_TIMEOUT }, () => {
  const database = useCliDatabase();

  it('migrates, adds a school and accounts that can then log in to the server', async () => {
    expect((await digisprong(database.url, 'migrate')).stdout).toMatch(/Applied: .*platform_accounts/);
    expect((await digisprong(database.url, 'migrate')).stdout).toBe('The database is up to date.');

    const school = await digisprong(database.url, 'schools', 'add', '--name', 'VBS De Linde', '--number', '012345', '--level', 'primary', '--province', 'antwerpen');
    expect(school.code).toBe(0);
    const schoolId = school.stdout;
    expect(schoolId).toMatch(/^[0-9a-f-]{36}$/);

    const added = await digisprong(database.url, 'users', 'add', '--email', 'Coord@School.be', '--password', 'a-long-password', '--role', 'ict_coordinator', '--school', schoolId);
    expect(added.stdout).toMatch(/^Created account /);
    const again = await digisprong(database.url, 'users', 'add', '--email', 'coord@school.be', '--role', 'teacher', '--school', schoolId);
    expect(again.stdout).toMatch(/^Account \S+ existed: added role teacher at school /);

    const app = await database.openApp();
    try {
      const client = await login(app, 'coord@school.be', 'a-long-password');
      const me = (await client.request({ method: 'GET', url: '/api/auth/me' })).json();
      expect(me.user.memberships).toEqual([
        { schoolId, schoolName: 'VBS De Linde', role: 'ict_coordinator' },
        { schoolId, schoolName: 'VBS De Linde', role: 'teacher' },
      ]);
    } finally {
      await app.close();
    }
  });

  it('reports bad input with the error id and the option at fault, and exits non-zero', async () => {
    const short = await digisprong(database.url, 'users', 'add', '--email', 'x@school.be', '--password', 'short', '--role', 'teacher');
    expect(short.code).toBe(2);
    expect(short.stderr).toBe('error weak_password (password): password: Choose a password of at least 12 characters.');

    const noSchool = await digisprong(database.url, 'users', 'add', '--email', 'p@school.be', '--password', 'a-long-password', '--role', 'principal');
    expect(noSchool.stderr).toMatch(/^error validation_error \(school\)/);

    const unknownSchool = await digisprong(database.url, 'users', 'add', '--email', 'p@school.be', '--password', 'a-long-password', '--role', 'principal', '--school', 'nope');
    expect(unknownSchool.stderr).toMatch(/^error not_found \(school\)/);

    const badRole = await digisprong(database.url, 'users', 'add', '--email', 'x@school.be', '--password', 'a-long-password', '--role', 'wizard');
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/--role <role>' argument 'wizard' is invalid/);

    const duplicate = await digisprong(database.url, 'schools', 'add', '--name', 'Another', '--number', '012345');
    expect(duplicate.stderr).toMatch(/^error conflict \(number\)/);
  });

  it('resets a password for an administrator: given or generated, printed once, every session ended', async () => {
    const email = 'vergeten@school.be';
    await digisprong(database.url, 'users', 'add', '--email', email, '--password', 'a-long-password', '--role', 'teacher');
    const app = await database.openApp();
    try {
      const before = await login(app, email, 'a-long-password');
      const given = await digisprong(database.url, 'users', 'reset-password', '--email', 'Vergeten@School.be', '--password', 'Rode-kraan-fluit-zacht-31');
      expect(given.code).toBe(0);
      expect(given.stdout).toMatch(/^New password of account [0-9a-f-]{36}: Rode-kraan-fluit-zacht-31\nEvery session of the account has ended\.$/);
      expect((await before.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      await login(app, email, 'Rode-kraan-fluit-zacht-31');

      const generated = await digisprong(database.url, 'users', 'reset-password', '--email', email);
      const password = generated.stdout.match(/\(generated; shown only now\): (\S+)/)?.[1];
      expect(password).toMatch(/^[\w-]{5}(-[\w-]{5}){3}$/);
      await login(app, email, password!);
    } finally {
      await app.close();
    }

    const weak = await digisprong(database.url, 'users', 'reset-password', '--email', email, '--password', 'wachtwoord123');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/^error weak_password \(password\): password: This password is too easy to guess\./);
    const unknown = await digisprong(database.url, 'users', 'reset-password', '--email', 'niemand@school.be');
    expect(unknown.stderr).toBe('error not_found (email): No account with the email niemand@school.be');
  });

  it("refuses a session the server just served once another process's reset-password ended it", async () => {
    const email = 'net-gebruikt@school.be';
    await digisprong(database.url, 'users', 'add', '--email', email, '--password', 'a-long-password', '--role', 'teacher');
    const app = await database.openApp();
    try {
      const session = await login(app, email, 'a-long-password');
      expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
      expect((await digisprong(database.url, 'users', 'reset-password', '--email', email, '--password', 'Rode-kraan-fluit-zacht-31')).code).toBe(0);
      expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      if (!database.url.startsWith('sqlite:')) return;
      // As fast as another process can end it: another connection to the file, right after a request served the session.
      const again = await login(app, email, 'Rode-kraan-fluit-zacht-31');
      expect((await again.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
      const other = new SQLite(database.url.slice('sqlite:'.length));
      other.prepare('DELETE FROM sessions WHERE user_id = ?').run(again.userId);
      other.close();
      expect((await again.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('seeds demo data only into an empty database', async () => {
    const fresh = await createTestDatabase({ file: true });
    try {
      const seeded = await digisprong(fresh.url, 'seed');
      expect(seeded.stdout).toMatch(/leerkracht@demo\.digisprong\.be/);
      const twice = await digisprong(fresh.url, 'seed');
      expect(twice.stderr).toMatch(/^error conflict/);
    } finally {
      await fresh.drop();
    }
  });
});
