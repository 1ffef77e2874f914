import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, digisprong, useCliDatabase } from '../support/cli';
import { login } from '../support/test-app';

describe('digisprong boards add, schools add --board --network', { timeout: CLI_TEST_TIMEOUT }, () => {
  const database = useCliDatabase();

  it('adds a board with two schools; its board admin manages both', async () => {
    const board = await digisprong(database.url, 'boards', 'add', '--name', 'Scholengroep Rivierenland', '--number', '1234');
    expect(board.code).toBe(0);
    const boardId = board.stdout;
    expect(boardId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await digisprong(database.url, 'boards', 'list')).stdout).toBe(`${boardId}  1234        Scholengroep Rivierenland`);

    const add = (name: string, number: string) =>
      digisprong(database.url, 'schools', 'add', '--name', name, '--number', number, '--level', 'secondary', '--province', 'limburg', '--board', boardId, '--network', 'go');
    const first = (await add('GO! Atheneum Hasselt', '100001')).stdout;
    const second = (await add('GO! Atheneum Genk', '100002')).stdout;
    const admin = await digisprong(database.url, 'users', 'add', '--email', 'bestuur@go.test', '--password', 'a-long-password', '--role', 'board_admin', '--school', first);
    expect(admin.code).toBe(0);

    const app = await database.openApp();
    try {
      const client = await login(app, 'bestuur@go.test', 'a-long-password');
      const shown = (await client.request({ method: 'GET', url: `/api/boards/${boardId}` })).json();
      expect(shown).toMatchObject({ name: 'Scholengroep Rivierenland', number: '1234' });
      expect(shown.schools.map((s: { id: string; network: string }) => [s.id, s.network])).toEqual([
        [second, 'go'],
        [first, 'go'],
      ]);
      expect((await client.request({ method: 'GET', url: `/api/schools/${second}` })).json().myRoles).toEqual(['board_admin']);
    } finally {
      await app.close();
    }
  });

  it('reports bad input with the error id and the option at fault', async () => {
    expect(await digisprong(database.url, 'boards', 'add', '--name', 'Dubbel', '--number', '1234')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error conflict \(number\)/),
    });
    expect(await digisprong(database.url, 'boards', 'add', '--name', ' ')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error validation_error \(name\)/) });
    expect(await digisprong(database.url, 'schools', 'add', '--name', 'X', '--board', 'nope')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error not_found \(board\)/) });
    const network = await digisprong(database.url, 'schools', 'add', '--name', 'X', '--network', 'private');
    expect(network.code).not.toBe(0);
    expect(network.stderr).toMatch(/--network <network>' argument 'private' is invalid/);
  });
});
