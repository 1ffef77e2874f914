import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from './api';
import { type Capability, grants, platformCapabilities, platformRoleList, rolesGranting, schoolCapabilities, schoolRoleList } from './capabilities';

const schoolCapabilityNames = Object.keys(schoolCapabilities) as Array<keyof typeof schoolCapabilities>;
const platformCapabilityNames = Object.keys(platformCapabilities) as Array<keyof typeof platformCapabilities>;
const capabilityNames: Capability[] = [...schoolCapabilityNames, ...platformCapabilityNames];

const capability = fc.constantFrom(...capabilityNames);
const role = fc.constantFrom(...roles);
/** Known roles, and now and then a string that is no role at all. */
const roleList = fc.array(fc.oneof({ arbitrary: role, weight: 4 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 }), { maxLength: 8 });

describe('grants', () => {
  it('a single role grants a capability exactly when it is in that capability’s set', () => {
    fc.assert(fc.property(role, capability, (r, c) => grants([r], c) === rolesGranting(c).includes(r)));
  });

  it('a list of roles grants a capability exactly when one of them does on its own', () => {
    fc.assert(fc.property(roleList, capability, (list, c) => grants(list, c) === list.some((r) => grants([r], c))));
  });

  it('grants nothing to an empty role list, nor to roles that do not exist', () => {
    fc.assert(fc.property(capability, (c) => !grants([], c) && !grants(new Set(), c)));
    fc.assert(fc.property(fc.array(fc.string().filter((s) => !(roles as readonly string[]).includes(s))), capability, (list, c) => !grants(list, c)));
  });

  it('answers the same for a set as for a list, in any order', () => {
    fc.assert(fc.property(roleList, capability, (list, c) => grants(new Set(list), c) === grants([...list].reverse(), c)));
  });
});

describe('the capability sets', () => {
  it('grant a school capability only by school roles, a platform capability only by platform roles', () => {
    for (const c of schoolCapabilityNames) for (const r of schoolCapabilities[c]) expect(schoolRoleList).toContain(r);
    for (const c of platformCapabilityNames) for (const r of platformCapabilities[c]) expect(platformRoleList).toContain(r);
    expect([...schoolRoleList, ...platformRoleList].sort()).toEqual([...roles].sort());
  });

  it('name each capability in one scope only, and give every capability at least one role', () => {
    expect(schoolCapabilityNames.filter((c) => (platformCapabilityNames as string[]).includes(c))).toEqual([]);
    for (const c of capabilityNames) expect(rolesGranting(c).length).toBeGreaterThan(0);
  });
});
