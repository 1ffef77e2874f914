import { grantableRoles as grantable, schoolRoleList } from '../../shared/platform/capabilities';
import type { SchoolRole } from './types';

export const schoolRoleOrder: readonly SchoolRole[] = schoolRoleList;

/** The roles someone with these roles may give, in list order. */
export function rolesGrantableBy(myRoles: readonly SchoolRole[]): SchoolRole[] {
  const all = new Set(myRoles.flatMap((role) => grantable[role]));
  return schoolRoleOrder.filter((role) => all.has(role));
}
