import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schoolRoleList } from '../platform/capabilities';
import { leavesWithoutPrincipal, normaliseAddress, sameAddress } from './membership';

const roles = fc.uniqueArray(fc.constantFrom(...schoolRoleList));
const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'));

describe('sameAddress', () => {
  it('ignores case and surrounding spaces, and nothing else', () => {
    expect(sameAddress('An@School.be', ' an@school.be ')).toBe(true);
    expect(sameAddress('an@school.be', 'an@school.be.')).toBe(false);
    expect(sameAddress('an@school.be', 'an+1@school.be')).toBe(false);
    expect(sameAddress('', ' ')).toBe(true);
  });

  it('is an equivalence: the same as comparing normalised addresses, symmetric, and true for any casing of an address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.emailAddress(), fc.string({ maxLength: 3, unit: fc.constantFrom(' ', '\t') }), (a, b, pad) => {
        expect(sameAddress(a, b)).toBe(normaliseAddress(a) === normaliseAddress(b));
        expect(sameAddress(a, b)).toBe(sameAddress(b, a));
        expect(sameAddress(a, `${pad}${a.toUpperCase()}${pad}`)).toBe(true);
      }),
    );
  });
});

describe('leavesWithoutPrincipal', () => {
  it('holds the boundaries: the only principal leaving, one of two, a non-principal, a principal who stays one', () => {
    expect(leavesWithoutPrincipal({ userId: 'a', current: ['principal'], next: [], principals: ['a'] })).toBe(true);
    expect(leavesWithoutPrincipal({ userId: 'a', current: ['principal', 'teacher'], next: ['teacher'], principals: ['a'] })).toBe(true);
    expect(leavesWithoutPrincipal({ userId: 'a', current: ['principal'], next: [], principals: ['a', 'b'] })).toBe(false);
    expect(leavesWithoutPrincipal({ userId: 'a', current: ['teacher'], next: [], principals: [] })).toBe(false);
    expect(leavesWithoutPrincipal({ userId: 'a', current: ['principal'], next: ['principal'], principals: ['a'] })).toBe(false);
  });

  it('is true exactly when the school had a principal and has none after the change', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', 'b', 'c', 'd'), roles, roles, ids, (userId, current, next, others) => {
        const principals = [...new Set([...others.filter((id) => id !== userId), ...(current.includes('principal') ? [userId] : [])])];
        const after = [...principals.filter((id) => id !== userId), ...(next.includes('principal') ? [userId] : [])];
        const expected = principals.length > 0 && after.length === 0;
        expect(leavesWithoutPrincipal({ userId, current, next, principals })).toBe(expected);
      }),
    );
  });
});
