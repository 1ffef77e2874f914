import type { SchoolRole } from './types';

// Mirrors grantableRoles in src/shared/school/schools.ts (not imported: it would pull Zod into the bundle).
const grantable: Record<SchoolRole, readonly SchoolRole[]> = {
  teacher: [],
  ict_coordinator: ['teacher', 'ict_coordinator'],
  principal: ['teacher', 'ict_coordinator', 'principal'],
  board_admin: ['teacher', 'ict_coordinator', 'principal', 'board_admin'],
};

export const schoolRoleOrder: readonly SchoolRole[] = ['teacher', 'ict_coordinator', 'principal', 'board_admin'];

/** The roles someone with these roles may give, in list order. */
export function rolesGrantableBy(myRoles: readonly SchoolRole[]): SchoolRole[] {
  const all = new Set(myRoles.flatMap((role) => grantable[role]));
  return schoolRoleOrder.filter((role) => all.has(role));
}
