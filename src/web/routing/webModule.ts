import { type AnyRoute, createRoute, lazyRouteComponent, type ResolveParams, useParams } from '@tanstack/react-router';
import { createElement, type ReactNode } from 'react';

/**
 * Who may open a page: `session` needs a logged-in user (the default), `public` opens with or
 * without one (invitation and join links, the pupils' reflection), `guest` is for the logged-out
 * only (the login page).
 */
export type PageAccess = 'session' | 'public' | 'guest';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    access?: PageAccess;
  }
}

/**
 * A web module's share of the app: its pages, as children of the app's root route. The app
 * composes the modules in `webModules.ts` and knows none of their pages by name.
 */
export interface WebModule {
  name: string;
  routes(root: AnyRoute): AnyRoute[];
}

type PropsOf<TComponent> = TComponent extends (props: infer TProps) => ReactNode ? TProps : never;

interface PageRouteOptions<TPath extends string, TModule, TName extends keyof TModule> {
  /** The address, with `$name` for a parameter: `/opleidingen/$trainingId`. */
  path: TPath;
  /** The page's source file, loaded when the page is first opened, so each page is its own chunk. */
  page: () => Promise<TModule>;
  /** The page component's name among the file's exports. */
  component: TName;
  /** The page's props from the address's parameters, typed by `path`. */
  props?: (params: ResolveParams<TPath>) => PropsOf<TModule[TName]>;
  access?: PageAccess;
}

/** A route under `parent` to one lazily loaded page; the page starts afresh when its parameters change. */
export function pageRoute<const TPath extends string, TModule extends Record<string, unknown>, TName extends keyof TModule & string>(
  parent: AnyRoute,
  { path, page, component, props, access = 'session' }: PageRouteOptions<TPath, TModule, TName>,
): AnyRoute {
  const Page = lazyRouteComponent(async () => ({ default: (await page())[component] as (props: object) => ReactNode }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per route when the route tree is built, never during a render
  function RoutedPage() {
    const params = useParams({ strict: false }) as ResolveParams<TPath>;
    const key = Object.values(params as Record<string, string>).join('/');
    return createElement(Page, { key, ...(props?.(params) as object | undefined) });
  }
  // The router loads the page's chunk before it shows the page (and on preload).
  RoutedPage.preload = () => Page.preload?.();
  return createRoute({ getParentRoute: () => parent, path, component: RoutedPage, staticData: { access } });
}
