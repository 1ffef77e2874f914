import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/platform/api';
import { schoolCapabilities } from '../../../shared/platform/capabilities';
import { AccessPolicy } from './access';

const rolesAt: Record<string, Role[]> = { 'ann@s1': ['principal'], 'tom@s1': ['teacher'], 'bea@s1': ['board_admin'] };
const access = new AccessPolicy({ rolesAt: async (userId, schoolId) => rolesAt[`${userId}@${schoolId}`] ?? [] });

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

  it('knows only school roles in its role sets', () => {
    const known = new Set(schoolCapabilities.viewSchool);
    for (const roles of Object.values(schoolCapabilities)) for (const role of roles) expect(known.has(role)).toBe(true);
  });
});
