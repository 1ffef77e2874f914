import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, Outlet, RouterProvider } from '@tanstack/react-router';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { modules } from '../src/server/app';
import { ownMigrations } from '../src/server/platform/db/migrations';
import { call } from '../src/web/api';
import { createAppRouter, shownPage } from '../src/web/routing/appRouter';
import type { WebModule } from '../src/web/routing/webModule';
import { endpointKey } from '../src/web/serverState';
import { webModules } from '../src/web/webModules';
import { exampleModule } from './example/server/example.module';
import type { ExampleTables } from './example/server/example.tables';
import { exampleEndpoints } from './example/shared/endpoints';
import { exampleWeb } from './example/web/example.routes';
import { startTestApp, type TestApp, type TestClient } from './support/test-app';

/**
 * A module is a folder under server/, shared/ and web/ and one line in each module list. The
 * example in test/example/ is one the app has never heard of: this test adds it to the lists.
 */
describe('a module registered only in a test', () => {
  let t: TestApp;
  let teacher: TestClient;
  beforeAll(async () => {
    t = await startTestApp({ modules: [...modules, exampleModule] });
    teacher = await t.user('teacher');
    await t.app.db.kysely.withTables<ExampleTables>().insertInto('example_notes').values({ id: 'n1', text: 'Hallo vanuit een module die het platform niet kent' }).execute();
  });
  afterAll(() => t.close());

  describe('on the server', () => {
    it('is migrated beside the real modules, and its route reads its table for a logged-in user', async () => {
      const migrated = await t.app.db.kysely.withTables<{ kysely_migration: { name: string } }>().selectFrom('kysely_migration').select('name').execute();
      expect(migrated.map((m) => m.name)).toEqual(expect.arrayContaining(['20261129_01_platform_accounts', '20261129_04_catalogue_trainings', '20270101_01_example_notes']));
      const res = await teacher.request({ method: 'GET', url: '/api/example/notes' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ notes: [{ id: 'n1', text: 'Hallo vanuit een module die het platform niet kent' }] });
    });

    it('gets the platform’s login check and error body, and its operation in the API document', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/example/notes' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.id).toBe('unauthenticated');
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(doc.paths['/api/example/notes'].get).toMatchObject({ operationId: 'listExampleNotes', tags: ['example'], summary: 'The example notes' });
    });

    it('leaves the real modules as they were', async () => {
      expect((await teacher.request({ method: 'GET', url: '/api/me/scans' })).statusCode).toBe(200);
      expect((await teacher.request({ method: 'GET', url: '/api/trainings' })).statusCode).toBe(200);
    });
  });

  describe('in the web app', () => {
    const shell = { layout: () => createElement(Outlet), notFound: () => createElement('p', null, 'niet gevonden') };

    async function openAt(moduleList: readonly WebModule[], href: string) {
      const router = createAppRouter(moduleList, shell, createMemoryHistory({ initialEntries: [href] }));
      await router.load();
      return router;
    }

    beforeAll(async () => {
      // The app's i18n sets the page language when it loads; a stand-in document lets it load without a DOM.
      vi.stubGlobal('document', { documentElement: {} });
      await import('../src/web/i18n');
      vi.unstubAllGlobals();
    });
    afterEach(() => vi.unstubAllGlobals());

    it('resolves its path to its page, which shows what the server answers through the shared declaration', async () => {
      // The page's fetch goes to the test server, as the logged-in teacher.
      vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
        const res = await teacher.request({ method: init.method as 'GET', url, headers: init.headers as Record<string, string> });
        return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type']) } });
      });
      const router = await openAt([...webModules, exampleWeb], '/voorbeeld');
      expect(shownPage(router.state.matches)).toBe('/voorbeeld');

      const queryClient = new QueryClient();
      const render = () => renderToString(createElement(QueryClientProvider, { client: queryClient }, createElement(RouterProvider, { router })));
      expect(render()).toContain('Laden…');
      // Without a DOM the page's query does not run, so the test loads it, as a server render would, under the key the page asks for.
      await queryClient.fetchQuery({ queryKey: endpointKey(exampleEndpoints.listExampleNotes), queryFn: () => call(exampleEndpoints.listExampleNotes) });
      const html = render();
      expect(html).toContain('<h1>Notities</h1>');
      expect(html).toContain('<li>Hallo vanuit een module die het platform niet kent</li>');
    });

    it('leaves the app’s own pages where they were', async () => {
      expect(shownPage((await openAt([...webModules, exampleWeb], '/opleidingen/t-1')).state.matches)).toBe('/opleidingen/$trainingId');
      expect(shownPage((await openAt(webModules, '/voorbeeld')).state.matches)).toBe('notFound');
    });
  });

  it('is unknown to the platform and to the module lists', () => {
    expect(modules.map((m) => m.name)).not.toContain('example');
    expect(webModules.map((m) => m.name)).not.toContain('example');
    expect(Object.keys(ownMigrations).some((name) => name.includes('example'))).toBe(false);
    const src = join(import.meta.dirname, '../src');
    const platformCode = ['server/platform', 'shared/platform', 'web/routing'].flatMap((dir) =>
      readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => join(src, dir, file)),
    );
    expect(platformCode.length).toBeGreaterThan(20);
    for (const file of platformCode) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/example_notes|exampleModule|exampleWeb|exampleEndpoints|\/api\/example|\/voorbeeld/);
    }
  });
});
