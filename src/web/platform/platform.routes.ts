import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';

/** The start page, the login page (`?next=` says where to go after logging in), changing or resetting a password, and the administrator's pages. */
export const platformWeb: WebModule = {
  name: 'platform',
  routes: (root) => [
    pageRoute(root, { path: '/', page: () => import('./HomePage'), component: 'HomePage' }),
    pageRoute(root, { path: '/login', access: 'guest', page: () => import('./LoginPage'), component: 'LoginPage' }),
    pageRoute(root, { path: '/wachtwoord', page: () => import('./ChangePasswordPage'), component: 'ChangePasswordPage' }),
    // The administrator's pages.
    pageRoute(root, { path: '/beheer', page: () => import('./admin/AdminAccountsPage'), component: 'AdminAccountsPage' }),
    pageRoute(root, { path: '/beheer/scholen', page: () => import('./admin/AdminSchoolsPage'), component: 'AdminSchoolsPage' }),
    pageRoute(root, { path: '/beheer/aanbieders', page: () => import('./admin/AdminProvidersPage'), component: 'AdminProvidersPage' }),
    pageRoute(root, { path: '/beheer/mails', page: () => import('./admin/AdminOutboxPage'), component: 'AdminOutboxPage' }),
    pageRoute(root, { path: '/beheer/audit', page: () => import('./admin/AdminAuditPage'), component: 'AdminAuditPage' }),
    // Forgetting a password, and the link of the reset mail, open with or without a session.
    pageRoute(root, { path: '/wachtwoord-vergeten', access: 'public', page: () => import('./ForgotPasswordPage'), component: 'ForgotPasswordPage' }),
    pageRoute(root, {
      path: '/wachtwoord-herstellen/$token',
      access: 'public',
      page: () => import('./ResetPasswordPage'),
      component: 'ResetPasswordPage',
      props: ({ token }) => ({ token }),
    }),
  ],
};
