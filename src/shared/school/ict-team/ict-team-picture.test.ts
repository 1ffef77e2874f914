import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hourBandOf, ictTeamPicture } from './ict-team-picture';

describe('the ICT teams across schools', () => {
  it('bands hours at their boundaries', () => {
    expect([0, 3.9, 4, 7.9, 8, 11.9, 12, 19.9, 20, 40].map(hourBandOf)).toEqual(['under4', 'under4', '4to8', '4to8', '8to12', '8to12', '12to20', '12to20', '20plus', '20plus']);
  });

  it('counts schools, the median and the school groups where two or more schools share a member', () => {
    const picture = ictTeamPicture(
      [
        { boardId: 'b1', hoursTenths: 90, shared: true },
        { boardId: 'b1', hoursTenths: 40, shared: true },
        { boardId: 'b2', hoursTenths: 120, shared: true },
        { boardId: null, hoursTenths: 10, shared: false },
      ],
      10,
    );
    expect(picture).toEqual({
      schools: 10,
      schoolsWithTeam: 4,
      hours: [
        { band: 'under4', schools: 1 },
        { band: '4to8', schools: 1 },
        { band: '8to12', schools: 1 },
        { band: '12to20', schools: 1 },
        { band: '20plus', schools: 0 },
      ],
      medianHours: 6.5,
      sharingSchools: 3,
      sharingGroups: 1,
    });
    expect(ictTeamPicture([], 3).medianHours).toBeNull();
  });

  it('puts every team in one band, and the median between the least and most hours', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ boardId: fc.option(fc.constantFrom('a', 'b', 'c')), hoursTenths: fc.integer({ min: 0, max: 400 }), shared: fc.boolean() })), (teams) => {
        const picture = ictTeamPicture(teams, teams.length);
        expect(picture.hours.reduce((sum, band) => sum + band.schools, 0)).toBe(teams.length);
        expect(picture.sharingGroups).toBeLessThanOrEqual(picture.sharingSchools / 2);
        if (teams.length > 0) {
          const hours = teams.map((t) => t.hoursTenths / 10);
          expect(picture.medianHours).toBeGreaterThanOrEqual(Math.min(...hours));
          expect(picture.medianHours).toBeLessThanOrEqual(Math.max(...hours));
        }
      }),
    );
  });
});
