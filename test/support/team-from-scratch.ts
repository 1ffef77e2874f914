import type { FastifyInstance } from 'fastify';
import { DigisnapRepository } from '../../src/server/digisnap/digisnap.repository';
import { countTeam, latestPerTeacher, respondentKey } from '../../src/server/digisnap/team-aggregate';
import { teamScanOf } from '../../src/server/digisnap/team-aggregate.service';

/**
 * A team counted from its scans alone, as a model for tests: each member's latest scan in the
 * window (submitted after they joined, when `since` is given). The raw counts stay in the test; the server never hands them out.
 */
export async function teamFromScratch(
  app: FastifyInstance,
  request: { userIds: readonly string[]; from: string; to: string; frameworkId: string; frameworkVersion: string; salt: string; since?: ReadonlyMap<string, string> },
) {
  const framework = app.services.frameworks.get(request.frameworkId, request.frameworkVersion)!;
  const rows = await new DigisnapRepository(app.db.kysely).submittedInWindow(request.userIds, request);
  // With `since`: only scans submitted from the time the teacher joined.
  const counted = latestPerTeacher(rows.filter((row) => !request.since || row.submittedAt >= (request.since.get(row.userId) ?? '')).map(teamScanOf));
  return { respondents: counted.length, respondentKeys: counted.map((scan) => respondentKey(request.salt, scan)).sort(), counts: countTeam(counted, framework), scans: counted };
}
