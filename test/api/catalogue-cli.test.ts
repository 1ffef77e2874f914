import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, digisprong, useCliDatabase } from '../support/cli';
import { login } from '../support/test-app';

describe('digisprong providers add, users add --provider', { timeout: CLI_TEST_TIMEOUT }, () => {
  const database = useCliDatabase();

  it('adds a verified provider and an account working for it, which then manages trainings', async () => {
    const added = await digisprong(database.url, 'providers', 'add', '--name', 'CVO De Brug', '--email', 'info@cvo.test', '--website', 'https://cvo.test', '--verified');
    expect(added.code).toBe(0);
    const providerId = added.stdout;
    expect(providerId).toMatch(/^[0-9a-f-]{36}$/);
    const account = await digisprong(database.url, 'users', 'add', '--email', 'opleidingen@cvo.test', '--password', 'a-long-password', '--role', 'provider', '--provider', providerId);
    expect(account.stdout).toMatch(/^Created account /);
    const missing = await digisprong(database.url, 'users', 'add', '--email', 'x@cvo.test', '--password', 'a-long-password', '--role', 'provider', '--provider', 'nope');
    expect(missing).toMatchObject({ code: 2, stderr: 'error not_found (provider): No provider with id nope' });

    const app = await database.openApp();
    try {
      const client = await login(app, 'opleidingen@cvo.test', 'a-long-password');
      expect((await client.request({ method: 'GET', url: '/api/auth/me' })).json().user.providers).toEqual([{ providerId, providerName: 'CVO De Brug' }]);
      expect((await app.inject({ method: 'GET', url: '/api/providers' })).json().items).toEqual([expect.objectContaining({ id: providerId, verified: true })]);
      expect((await client.request({ method: 'GET', url: '/api/provider/trainings' })).json()).toEqual({ items: [] });
    } finally {
      await app.close();
    }
  });
});
