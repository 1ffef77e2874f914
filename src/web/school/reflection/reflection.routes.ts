import type { AnyRoute } from '@tanstack/react-router';
import { pageRoute } from '../../routing/webModule';

/** The school self-reflection: the managers' pages under /school, the respondents' under /reflectie. */
export const reflectionRoutes = (root: AnyRoute): AnyRoute[] => [
  pageRoute(root, {
    path: '/school/$schoolId/reflectie',
    page: () => import('./ReflectionPage'),
    component: 'ReflectionPage',
    props: ({ schoolId }) => ({ schoolId }),
  }),
  pageRoute(root, {
    path: '/school/$schoolId/reflectie/$roundId/rapport',
    page: () => import('./ReflectionReportPage'),
    component: 'ReflectionReportPage',
    props: ({ schoolId, roundId }) => ({ schoolId, roundId }),
  }),
  // Pupils answer without an account, so these open with or without a session.
  pageRoute(root, { path: '/reflectie', access: 'public', page: () => import('./ClassCodeEntryPage'), component: 'ClassCodeEntryPage' }),
  pageRoute(root, {
    path: '/reflectie/antwoorden/$token',
    access: 'public',
    page: () => import('./ReflectionAnswerPage'),
    component: 'ReflectionAnswerPage',
    props: ({ token }) => ({ token }),
  }),
  pageRoute(root, {
    path: '/reflectie/$code',
    access: 'public',
    page: () => import('./ClassCodePage'),
    component: 'ClassCodePage',
    props: ({ code }) => ({ code }),
  }),
];
