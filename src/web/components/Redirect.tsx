import { useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { navigate } from '../router';

/**
 * Replace the current address with `to` (no extra history entry). A navigation already on its
 * way wins: after logging in, the login page leaves for `?next=` while the session's new user
 * would send it to the start page.
 */
export function Redirect({ to }: { to: string }) {
  const router = useRouter();
  const shown = useRouterState({ select: (state) => (state.resolvedLocation ?? state.location).href });
  useEffect(() => {
    if (router.latestLocation.href === shown) navigate(to, { replace: true });
  }, [router, shown, to]);
  return null;
}
