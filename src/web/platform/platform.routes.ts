import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';

/** The start page and the login page (`?next=` says where to go after logging in). */
export const platformWeb: WebModule = {
  name: 'platform',
  routes: (root) => [
    pageRoute(root, { path: '/', page: () => import('./HomePage'), component: 'HomePage' }),
    pageRoute(root, { path: '/login', access: 'guest', page: () => import('./LoginPage'), component: 'LoginPage' }),
  ],
};
