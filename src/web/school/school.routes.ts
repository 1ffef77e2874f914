import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';
import { reflectionRoutes } from './reflection/reflection.routes';

/** A school's pages under /school/:schoolId, and the invitation and join links. */
export const schoolWeb: WebModule = {
  name: 'school',
  routes: (root) => [
    // The links in invitation mails and join links open with or without a session.
    pageRoute(root, {
      path: '/uitnodiging/$token',
      access: 'public',
      page: () => import('./InvitationPage'),
      component: 'InvitationPage',
      props: ({ token }) => ({ token }),
    }),
    pageRoute(root, {
      path: '/aansluiten/$code',
      access: 'public',
      page: () => import('./JoinPage'),
      component: 'JoinPage',
      props: ({ code }) => ({ code }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId',
      page: () => import('./SchoolPage'),
      component: 'SchoolPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/digisnap',
      page: () => import('./campaign/CampaignsPage'),
      component: 'CampaignsPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/digisnap/$campaignId/rapport',
      page: () => import('./campaign/ReportPage'),
      component: 'ReportPage',
      props: ({ schoolId, campaignId }) => ({ schoolId, campaignId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/opleidingsplan',
      page: () => import('./training-plan/TrainingPlanPage'),
      component: 'TrainingPlanPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/budget',
      page: () => import('./training-budget/TrainingBudgetPage'),
      component: 'TrainingBudgetPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ict-beleidsplan',
      page: () => import('./policy-plan/PolicyPlanPage'),
      component: 'PolicyPlanPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/ict-team',
      page: () => import('./ict-team/IctTeamPage'),
      component: 'IctTeamPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/cybercheck',
      page: () => import('./cyber-check/CyberCheckPage'),
      component: 'CyberCheckPage',
      props: ({ schoolId }) => ({ schoolId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/cybercheck/$checkId',
      page: () => import('./cyber-check/CyberCheckAnswerPage'),
      component: 'CyberCheckAnswerPage',
      props: ({ schoolId, checkId }) => ({ schoolId, checkId }),
    }),
    pageRoute(root, {
      path: '/school/$schoolId/cybercheck/$checkId/resultaat',
      page: () => import('./cyber-check/CyberCheckResultPage'),
      component: 'CyberCheckResultPage',
      props: ({ schoolId, checkId }) => ({ schoolId, checkId }),
    }),
    pageRoute(root, {
      path: '/bestuur/$boardId/overzicht',
      page: () => import('./board-overview/BoardOverviewPage'),
      component: 'BoardOverviewPage',
      props: ({ boardId }) => ({ boardId }),
    }),
    ...reflectionRoutes(root),
  ],
};
