import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryHistory, Outlet, RouterProvider } from '@tanstack/react-router';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createAppRouter, shownPage } from './routing/appRouter';
import { pageRoute, type WebModule } from './routing/webModule';
import { webModules } from './webModules';

// A ten-line example web module, registered only in this test: one page on one path.
function GreenhousePage({ bedId }: { bedId: string }) {
  return createElement('h1', null, `Serre, bed ${bedId}`);
}
const greenhouseWeb: WebModule = {
  name: 'greenhouse',
  routes: (root) => [pageRoute(root, { path: '/serre/$bedId', page: async () => ({ GreenhousePage }), component: 'GreenhousePage', props: ({ bedId }) => ({ bedId }) })],
};

// The page's props are typed by the path: a parameter the path does not have is an error.
const _misnamed: WebModule = {
  name: 'misnamed',
  routes: (root) => [
    // @ts-expect-error the path names its parameter `bedId`
    pageRoute(root, { path: '/serre/$bedId', page: async () => ({ GreenhousePage }), component: 'GreenhousePage', props: ({ id }) => ({ bedId: id }) }),
  ],
};

const shell = { layout: () => createElement(Outlet), notFound: () => createElement('p', null, 'not found') };

async function openAt(modules: readonly WebModule[], href: string) {
  const router = createAppRouter(modules, shell, createMemoryHistory({ initialEntries: [href] }));
  await router.load();
  return router;
}

describe('a web module is one line in the module list', () => {
  it('the app route tree with one more module resolves its path to its page', async () => {
    const router = await openAt([...webModules, greenhouseWeb], '/serre/7');
    const page = router.state.matches.at(-1);
    expect(page?.routeId).toBe('/serre/$bedId');
    expect(page?.params).toEqual({ bedId: '7' });
    expect(renderToString(createElement(RouterProvider, { router }))).toContain('Serre, bed 7');
  });

  it('the app alone knows no such page', async () => {
    const router = await openAt(webModules, '/serre/7');
    expect(shownPage(router.state.matches)).toBe('notFound');
    expect(renderToString(createElement(RouterProvider, { router }))).toContain('not found');
  });

  it("the app's own pages still resolve beside it", async () => {
    const router = await openAt([...webModules, greenhouseWeb], '/opleidingen/t-1');
    expect(router.state.matches.at(-1)?.routeId).toBe('/opleidingen/$trainingId');
  });
});

describe('the app knows its modules only through the list', () => {
  const webDir = fileURLToPath(new URL('.', import.meta.url));
  const staticImports = (file: string) => [...readFileSync(join(webDir, file), 'utf8').matchAll(/^import [^;]*? from '([^']+)';/gms)].map((m) => m[1]);

  it('App.tsx imports no page and no module folder but the platform session', () => {
    expect(staticImports('App.tsx')).toContain('./webModules');
    expect(staticImports('App.tsx').filter((path) => /^\.\/(catalogue|digisnap|school)\/|Page$/.test(path) && !path.endsWith('NotFoundPage'))).toEqual([]);
  });

  it('route lists load every page with import(), so each page is its own chunk', () => {
    const routeFiles = readdirSync(webDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.routes.ts'));
    expect(routeFiles.length).toBeGreaterThanOrEqual(webModules.length);
    expect(staticImports('school/school.routes.ts')).toContain('./reflection/reflection.routes');
    for (const file of routeFiles) expect(staticImports(file).filter((path) => path.endsWith('Page'))).toEqual([]);
  });
});
