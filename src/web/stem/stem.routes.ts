import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';

/** The public STEM monitor: open to everyone, with or without an account; its counts upload needs an account. */
export const stemWeb: WebModule = {
  name: 'stem',
  routes: (root) => [
    pageRoute(root, { path: '/stem', access: 'public', page: () => import('./StemMonitorPage'), component: 'StemMonitorPage' }),
    pageRoute(root, { path: '/stem/importeren', page: () => import('./StemImportPage'), component: 'StemImportPage' }),
    pageRoute(root, {
      path: '/stem/$indicator',
      access: 'public',
      page: () => import('./StemIndicatorPage'),
      component: 'StemIndicatorPage',
      props: ({ indicator }) => ({ indicator }),
    }),
  ],
};
