import { type AnyRouter, useRouterState } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, type FocusEvent, type MouseEvent, useMemo } from 'react';

/**
 * The pages' small routing API, on the app's TanStack router: read the address with
 * `useLocation`, move with `navigate` or `Link`. Which page an address shows is decided by the
 * modules' route lists (`webModules.ts`).
 */

let appRouter: AnyRouter | null = null;
let navigations = 0;

/** Called once by the app with its router; back and forward count as moving between pages. */
export function attachRouter(router: AnyRouter): void {
  appRouter = router;
  window.addEventListener('popstate', () => {
    navigations += 1;
  });
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** The address of the page on screen (not of one still loading); re-renders on every navigation. */
export function useLocation(): Location {
  const href = useRouterState({ select: (state) => (state.resolvedLocation ?? state.location).href });
  return useMemo(() => {
    const url = new URL(href, 'http://app.invalid');
    return { path: url.pathname, query: url.searchParams };
  }, [href]);
}

const currentHref = () => window.location.pathname + window.location.search;

/**
 * Go to an in-app address; `replace` keeps the history entry (redirects, URL bookkeeping),
 * `keepScroll` stays where the reader is (a filter ticked halfway down a page).
 */
export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  if (to === currentHref()) return;
  if (!appRouter) throw new Error('navigate before the app has a router');
  if (!options.replace) navigations += 1;
  void appRouter.navigate({ href: to, replace: options.replace, resetScroll: !options.replace && !options.keepScroll });
}

/** True once the user has moved between pages, so a new page may take the focus. */
export function hasNavigated(): boolean {
  return navigations > 0;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** Load the page's code for an in-app address ahead of the click (on hover or keyboard focus). */
function preload(href: string): void {
  if (!appRouter || !href.startsWith('/') || href.startsWith('//')) return;
  // A whole address, as `navigate` passes it; the type asks for `to`, which `href` stands in for.
  const target = { href } as Parameters<AnyRouter['preloadRoute']>[0];
  appRouter.preloadRoute(target).catch(() => undefined);
}

/** An `<a>` that navigates in-app on a plain left click and behaves normally otherwise. */
export function Link({ href, onClick, onMouseEnter, onFocus, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  const handleMouseEnter = (event: MouseEvent<HTMLAnchorElement>) => {
    onMouseEnter?.(event);
    preload(href);
  };
  const handleFocus = (event: FocusEvent<HTMLAnchorElement>) => {
    onFocus?.(event);
    preload(href);
  };
  return <a href={href} onClick={handleClick} onMouseEnter={handleMouseEnter} onFocus={handleFocus} {...rest} />;
}
