import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export { matchPath } from './paths';

/** A tiny router on the History API: the app renders a page from `location.pathname`. */

const listeners = new Set<() => void>();
let navigations = 0;

function notify(): void {
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', () => {
  navigations += 1;
  notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** The current path and query; re-renders on every navigation. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams };
}

/**
 * Go to an in-app address; `replace` keeps the history entry (redirects, URL bookkeeping),
 * `keepScroll` stays where the reader is (a filter ticked halfway down a page).
 */
export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else {
    window.history.pushState(null, '', to);
    if (!options.keepScroll) window.scrollTo(0, 0);
    navigations += 1;
  }
  notify();
}

/** True once the user has moved between pages, so a new page may take the focus. */
export function hasNavigated(): boolean {
  return navigations > 0;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An `<a>` that navigates in-app on a plain left click and behaves normally otherwise. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
