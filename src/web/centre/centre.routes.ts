import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';
import { centreActionPages } from './actions.pages';

/** The knowledge centre's pages, for its analysts and the admins (the server refuses everyone else). */
export const centreWeb: WebModule = {
  name: 'centre',
  routes: (root) => [
    pageRoute(root, { path: '/kenniscentrum', page: () => import('./CentreOverviewPage'), component: 'CentreOverviewPage' }),
    // The open data is for everyone, without an account.
    pageRoute(root, { path: '/open-data', access: 'public', page: () => import('./OpenDataPage'), component: 'OpenDataPage' }),
    pageRoute(root, { path: '/kenniscentrum/noden', page: () => import('./NeedsOfferPage'), component: 'NeedsOfferPage' }),
    ...centreActionPages(root),
    pageRoute(root, { path: '/kenniscentrum/ict-teams', page: () => import('./CentreIctTeamsPage'), component: 'CentreIctTeamsPage' }),
    pageRoute(root, { path: '/kenniscentrum/opvolging', page: () => import('./FollowUpPage'), component: 'FollowUpPage' }),
  ],
};
