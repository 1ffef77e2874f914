import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schoolRoleList } from '../../shared/platform/capabilities';
import { schoolRolesOf } from './school.service';

describe('schoolRolesOf: the roles at a school that access checks see', () => {
  it('adds board_admin for a board admin of the board, keeps each role once in the list order, drops others', () => {
    expect(schoolRolesOf([], false)).toEqual([]);
    expect(schoolRolesOf([], true)).toEqual(['board_admin']);
    expect(schoolRolesOf(['principal', 'teacher', 'teacher'], false)).toEqual(['teacher', 'principal']);
    expect(schoolRolesOf(['board_admin'], true)).toEqual(['board_admin']);
    expect(schoolRolesOf(['admin', 'provider', 'principal'], false)).toEqual(['principal']);
  });

  it('for any memberships: exactly the school roles held, or board_admin from the board, in schoolRoleList order', () => {
    const anyRole = fc.constantFrom(...schoolRoleList, 'admin', 'provider', 'centre_analyst');
    fc.assert(
      fc.property(fc.array(anyRole, { maxLength: 8 }), fc.boolean(), (own, boardAdmin) => {
        const roles = schoolRolesOf(own, boardAdmin);
        const expected = schoolRoleList.filter((role) => own.includes(role) || (boardAdmin && role === 'board_admin'));
        expect(roles).toEqual(expected);
      }),
    );
  });
});
