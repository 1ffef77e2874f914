/**
 * The pure rules of school membership: which address an invitation is bound to, and when a change
 * would leave a school without a principal. Shared so the server and the tests apply the very same.
 */

/** An address as the platform stores it: without surrounding spaces, in lower case. */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** Whether two addresses are the same account's address, as the platform compares them. */
export function sameAddress(a: string, b: string): boolean {
  return normaliseAddress(a) === normaliseAddress(b);
}

/**
 * Whether changing one person's roles from `current` to `next` leaves the school without a
 * principal: they are a principal now, will not be one after, and `principals` (everyone holding
 * the role now, them included) holds nobody else.
 */
export function leavesWithoutPrincipal(change: { userId: string; current: readonly string[]; next: readonly string[]; principals: readonly string[] }): boolean {
  if (!change.current.includes('principal') || change.next.includes('principal')) return false;
  return change.principals.every((id) => id === change.userId);
}
