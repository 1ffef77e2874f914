import { pageRoute, type WebModule } from '../../../src/web/routing/webModule';

/** The example module's pages: one, loaded on its first visit as a chunk of its own. */
export const exampleWeb: WebModule = {
  name: 'example',
  routes: (root) => [pageRoute(root, { path: '/voorbeeld', page: () => import('./ExampleNotesPage'), component: 'ExampleNotesPage' })],
};
