import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';

/** The knowledge centre's pages, for its analysts and the admins (the server refuses everyone else). */
export const centreWeb: WebModule = {
  name: 'centre',
  routes: (root) => [
    pageRoute(root, { path: '/kenniscentrum', page: () => import('./CentreOverviewPage'), component: 'CentreOverviewPage' }),
    pageRoute(root, { path: '/kenniscentrum/ict-teams', page: () => import('./CentreIctTeamsPage'), component: 'CentreIctTeamsPage' }),
  ],
};
