import type { AnyRoute } from '@tanstack/react-router';
import { pageRoute } from '../routing/webModule';

/** The register of actions and the IT bootcamps, for the knowledge centre's web module to list among its pages. */
export const centreActionPages = (root: AnyRoute) => [
  pageRoute(root, { path: '/kenniscentrum/acties', page: () => import('./CentreActionsPage'), component: 'CentreActionsPage' }),
  pageRoute(root, {
    path: '/kenniscentrum/acties/$centreActionId',
    page: () => import('./CentreActionPage'),
    component: 'CentreActionPage',
    props: ({ centreActionId }) => ({ centreActionId }),
  }),
  pageRoute(root, { path: '/kenniscentrum/bootcamps', page: () => import('./BootcampsPage'), component: 'BootcampsPage' }),
];
