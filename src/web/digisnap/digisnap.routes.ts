import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';

/** The teacher's Digisnap scan and personal profile. */
export const digisnapWeb: WebModule = {
  name: 'digisnap',
  routes: (root) => [
    pageRoute(root, { path: '/scan', page: () => import('./ScanStartPage'), component: 'ScanStartPage' }),
    pageRoute(root, {
      path: '/scan/$scanId',
      page: () => import('./ScanPage'),
      component: 'ScanPage',
      props: ({ scanId }) => ({ scanId }),
    }),
    pageRoute(root, { path: '/profile', page: () => import('./ProfilePage'), component: 'ProfilePage' }),
  ],
};
