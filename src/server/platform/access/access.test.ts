import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../shared/platform/api';
import { grants, platformCapabilities, type SchoolCapability, schoolCapabilities, schoolRoleList } from '../../../shared/platform/capabilities';
import { AccessPolicy } from './access';

const rolesAt: Record<string, Role[]> = { 'ann@s1': ['principal'], 'tom@s1': ['teacher'], 'bea@s1': ['board_admin'] };
const rolesOf: Record<string, Role[]> = { ada: ['admin'], cas: ['centre_analyst', 'teacher'], pim: ['provider'], tom: ['teacher'] };
const access = new AccessPolicy({
  rolesAt: async (userId, schoolId) => rolesAt[`${userId}@${schoolId}`] ?? [],
  rolesOf: async (userId) => new Set(rolesOf[userId] ?? []),
});

describe('the access policy', () => {
  it('returns the caller’s roles when one grants the capability', async () => {
    expect(await access.require('ann', 'manageCampaigns', 's1')).toEqual(['principal']);
    expect(await access.require('bea', 'readCampaigns', 's1')).toEqual(['board_admin']);
  });

  it('answers not_found for a school the caller has no role in, forbidden for a role without the capability', async () => {
    await expect(access.require('ann', 'manageCampaigns', 's2')).rejects.toMatchObject({ id: 'not_found' });
    await expect(access.require('tom', 'manageCampaigns', 's1')).rejects.toMatchObject({ id: 'forbidden', message: 'Only a principal, ict_coordinator of this school may do this' });
    await expect(access.require('bea', 'manageCampaigns', 's1')).rejects.toMatchObject({ id: 'forbidden' });
  });

  it('checks platform capabilities against the roles held anywhere, and names them in the 403', async () => {
    await expect(access.requirePlatform('ada', 'verifyProviders')).resolves.toBeUndefined();
    await expect(access.requirePlatform('cas', 'addProviders')).resolves.toBeUndefined();
    await expect(access.requirePlatform('cas', 'readOutbox')).rejects.toMatchObject({ id: 'forbidden', message: 'Only an admin may read the outbox' });
    await expect(access.requirePlatform('pim', 'addProviders')).rejects.toMatchObject({ id: 'forbidden', message: 'Only an admin or a centre analyst may add providers' });
    await expect(access.requirePlatform('tom', 'verifyProviders')).rejects.toMatchObject({ id: 'forbidden', message: 'Only an admin or a centre analyst may verify providers' });
    await expect(access.requirePlatform('nobody', 'actForEveryProvider')).rejects.toMatchObject({ id: 'forbidden' });
  });
});

describe('the access policy, for any roles', () => {
  const schools = ['A', 'B', 'C'];
  const schoolCapability = fc.constantFrom(...(Object.keys(schoolCapabilities) as SchoolCapability[]));
  const schoolRoles = fc.uniqueArray(fc.constantFrom(...schoolRoleList));
  /** One caller's roles per school; a school missing from it is one the caller has no role in. */
  const memberships = fc.dictionary(fc.constantFrom(...schools), schoolRoles);
  const policyFor = (held: Record<string, readonly Role[]>, everywhere: readonly Role[] = []) =>
    new AccessPolicy({ rolesAt: async (_userId, schoolId) => [...(held[schoolId] ?? [])], rolesOf: async () => new Set(everywhere) });

  it('grants a school capability exactly when the roles at that school grant it', async () => {
    await fc.assert(
      fc.asyncProperty(memberships, schoolCapability, fc.constantFrom(...schools), async (held, capability, school) => {
        const here = held[school] ?? [];
        const outcome = await policyFor(held)
          .require('u', capability, school)
          .then(
            () => 'granted',
            (error: { id: string }) => error.id,
          );
        expect(outcome).toBe(here.length === 0 ? 'not_found' : grants(here, capability) ? 'granted' : 'forbidden');
      }),
    );
  });

  it('decides on roles read already (requireOf) exactly as require does, with the same 404 and 403', async () => {
    const outcomeOf = (run: () => unknown) => {
      try {
        run();
        return 'granted';
      } catch (error) {
        return `${(error as { id: string }).id}: ${(error as Error).message}`;
      }
    };
    await fc.assert(
      fc.asyncProperty(schoolRoles, schoolCapability, async (held, capability) => {
        const policy = policyFor({ A: held });
        const viaRead = await policy.require('u', capability, 'A').then(
          () => 'granted',
          (error: { id: string; message: string }) => `${error.id}: ${error.message}`,
        );
        expect(outcomeOf(() => policy.requireOf([...held], capability))).toBe(viaRead);
      }),
    );
    expect(() => access.requireOf([], 'readCampaigns')).toThrow(expect.objectContaining({ id: 'not_found' }));
    expect(access.requireOf(['principal'], 'readCampaigns')).toEqual(['principal']);
  });

  it('never lets roles at school B grant a capability at school A', async () => {
    await fc.assert(
      fc.asyncProperty(schoolRoles, schoolRoles, schoolCapability, async (atA, extraAtB, capability) => {
        fc.pre(!grants(atA, capability));
        // At B the caller holds every role the capability asks for, and more.
        const atB = [...new Set([...schoolCapabilities[capability], ...extraAtB])];
        await expect(policyFor({ A: atA, B: atB }).require('u', capability, 'B')).resolves.toEqual(atB);
        await expect(policyFor({ A: atA, B: atB }).require('u', capability, 'A')).rejects.toMatchObject({ id: atA.length === 0 ? 'not_found' : 'forbidden' });
      }),
    );
  });

  it('grants a platform capability exactly when the roles held anywhere grant it, and nothing to no roles', async () => {
    const platformCapability = fc.constantFrom(...(Object.keys(platformCapabilities) as Array<keyof typeof platformCapabilities>));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...roles)), platformCapability, async (held, capability) => {
        const granted = await policyFor({}, held)
          .requirePlatform('u', capability)
          .then(
            () => true,
            () => false,
          );
        expect(granted).toBe(grants(held, capability));
        if (held.length === 0) expect(granted).toBe(false);
      }),
    );
  });
});
