import { type ErrorComponentProps, Outlet, RouterProvider, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Loading } from './components/Loading';
import { NotFoundPage } from './components/NotFoundPage';
import { PageHeading } from './components/PageHeading';
import { Redirect } from './components/Redirect';
import { TopBar } from './components/TopBar';
import { useI18n } from './i18n';
import { useSession } from './platform/session';
import { attachRouter } from './router';
import { accessOf, createAppRouter } from './routing/appRouter';
import { webModules } from './webModules';

function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <TopBar />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/**
 * The frame around every page, and the door: a page needs a session unless its route says
 * `public` (with or without one) or `guest` (the login page, only without one). An address
 * no module knows needs a session too, so the not-found page is for logged-in users.
 */
function AppShell() {
  const { status, user } = useSession();
  const access = useRouterState({ select: (state) => accessOf(state.matches) });

  if (status === 'loading') {
    return (
      <Layout>
        <Loading />
      </Layout>
    );
  }
  if (access === 'session' && !user) return <Redirect to="/login" />;
  if (access === 'guest' && user) return <Redirect to="/" />;
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

/** A page that failed to load or to show (its code could not be fetched, say); the rest of the app stays. */
function PageError({ error, reset }: ErrorComponentProps) {
  const { t } = useI18n();
  const offline = error instanceof TypeError && /import|fetch/i.test(error.message);
  const title = t(offline ? 'errors.network_error' : 'errors.internal_error');
  return (
    <section className="page page-narrow">
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <button type="button" className="button button-primary" onClick={reset}>
          {t('app.retry')}
        </button>
      </p>
    </section>
  );
}

const router = createAppRouter(webModules, { layout: AppShell, notFound: NotFoundPage, pending: Loading, error: PageError });
attachRouter(router);

export function App() {
  return <RouterProvider router={router} />;
}
