import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageRoute, type WebModule } from './routing/webModule';
import { webModules } from './webModules';

// A page's props are typed by its path: a parameter the path does not have is an error. (The
// example module registered in a test, with its page, is test/example-module.test.ts.)
const _misnamed: WebModule = {
  name: 'misnamed',
  routes: (root) => [
    // @ts-expect-error the path names its parameter `trainingId`
    pageRoute(root, { path: '/opleidingen/$trainingId', page: () => import('./catalogue/TrainingPage'), component: 'TrainingPage', props: ({ id }) => ({ trainingId: id }) }),
  ],
};

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
