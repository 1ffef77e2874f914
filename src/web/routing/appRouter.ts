import { createRootRoute, createRouter, type ErrorRouteComponent, type RouteComponent, type RouterHistory } from '@tanstack/react-router';
import type { PageAccess, WebModule } from './webModule';

export interface AppShell {
  /** The frame around every page; renders `<Outlet />` where the page goes. */
  layout: RouteComponent;
  /** Shown for an address no module knows. */
  notFound: RouteComponent;
  /** Shown while a slow page is still loading. */
  pending?: RouteComponent;
  error?: ErrorRouteComponent;
}

/** The app's route tree: one root with the shell, and every module's pages beneath it. */
export function createRouteTree(modules: readonly WebModule[], shell: AppShell) {
  const root = createRootRoute({ component: shell.layout, notFoundComponent: shell.notFound });
  return root.addChildren(modules.flatMap((module) => module.routes(root)));
}

/** The app's router over `modules`; the browser's history unless a test passes a memory history. */
export function createAppRouter(modules: readonly WebModule[], shell: AppShell, history?: RouterHistory) {
  return createRouter({
    routeTree: createRouteTree(modules, shell),
    history,
    // Addresses as the old router took them: `/profile/` is `/profile`, `/Profile` is not.
    caseSensitive: true,
    trailingSlash: 'preserve',
    parseSearch,
    stringifySearch,
    scrollRestoration: true,
    defaultPendingComponent: shell.pending,
    defaultErrorComponent: shell.error,
  });
}

interface ShownMatch {
  routeId: string;
  staticData: { access?: PageAccess };
  _notFound?: boolean;
}

/** The page the matches show: the deepest route's id, or `notFound` for an address no module knows. */
export function shownPage(matches: readonly ShownMatch[]): string {
  return matches.some((match) => match._notFound) ? 'notFound' : (matches.at(-1)?.routeId ?? 'notFound');
}

/** Who may see what the matches show. The not-found page needs a session, like every page that does not say otherwise. */
export function accessOf(matches: readonly ShownMatch[]): PageAccess {
  if (shownPage(matches) === 'notFound') return 'session';
  return matches.at(-1)?.staticData.access ?? 'session';
}

type Search = Record<string, string | string[]>;

/**
 * The query string read as plain text, as the pages read it with `URLSearchParams`: a repeated
 * name (`?kind=a&kind=b`) is a list, and no value is turned into a number or JSON.
 */
export function parseSearch(searchStr: string): Search {
  const search: Search = {};
  for (const [name, value] of new URLSearchParams(searchStr)) {
    const seen = search[name];
    search[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return search;
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== null) params.append(name, String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
