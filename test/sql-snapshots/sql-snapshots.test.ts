import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { CompiledQuery, Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppTables as Database } from '../../src/server/app';
import { CatalogueRepository } from '../../src/server/catalogue/catalogue.repository';
import { EnrolmentRepository } from '../../src/server/catalogue/enrolment.repository';
import { DigisnapRepository } from '../../src/server/digisnap/digisnap.repository';
import { TeamAggregateRepository } from '../../src/server/digisnap/team-aggregate.repository';
import { DeviceRepository } from '../../src/server/infra/device.repository';
import { AuditRepository } from '../../src/server/platform/audit/audit.repository';
import { SessionsRepository } from '../../src/server/platform/auth/sessions.repository';
import { CampaignRepository } from '../../src/server/school/campaign/campaign.repository';
import { SchoolRepository } from '../../src/server/school/school.repository';
import { DIALECTS, type TestDialect } from '../support/dialects';
import { layoutSql, recordingDatabase } from '../support/recording-database';

/**
 * The SQL of the hottest queries, committed as text so a reviewer sees what a change does to
 * it: one file per query per dialect, `<query>.<dialect>.sql`. Each query is run through its
 * repository on a database that only records (no live database needed); the file must match.
 * After a deliberate change: `UPDATE_SQL_SNAPSHOTS=1 npx vitest run test/sql-snapshots`.
 *
 * Queries compiled once (`precompiled`) are private fields of their repositories; they are
 * called directly by name, so a rename fails here, not silently.
 */
type Run = (db: Kysely<Database>, dialect: TestDialect) => Promise<unknown>;

const queries: Record<string, { what: string; run: Run }> = {
  'session-lookup': {
    what: 'SessionsRepository.find: every authenticated request (precompiled)',
    run: (db) => new SessionsRepository(db).find('$sessionId'),
  },
  'profile-read': {
    what: 'DigisnapRepository.profileBody: getMyProfile, the hottest read (precompiled)',
    run: (db) => new DigisnapRepository(db).profileBody('$userId'),
  },
  'submitted-scans': {
    what: "DigisnapRepository.submittedOfUser: a teacher's submitted scans, getMyProfile's fallback (precompiled)",
    run: (db) => new DigisnapRepository(db).submittedOfUser('$userId'),
  },
  'scan-owned': {
    what: "DigisnapRepository.findOwned: the caller's scan, read first by submitScan and every scan route (precompiled)",
    run: (db) => new DigisnapRepository(db).findOwned('$scanId', '$userId'),
  },
  'scan-submittable': {
    what: "DigisnapRepository.findSubmittable: submitScan's first read, the caller's scan with its answers and how many other scans of theirs are submitted (precompiled)",
    run: (db) => new DigisnapRepository(db).findSubmittable('$scanId', '$userId'),
  },
  'scan-answers': {
    what: "DigisnapRepository.answersOf: a scan's answers, read by submitScan before it scores (precompiled)",
    run: (db) => new DigisnapRepository(db).answersOf('$scanId'),
  },
  'scan-mark-submitted': {
    what: 'DigisnapRepository markSubmitted: submitScan marks the scan submitted only while it is in progress, and reads the stored profile and the teams counting it (precompiled)',
    run: (db) =>
      new DigisnapRepository(db)['markSubmitted'](
        '$scanId',
        '$submittedAt',
        '$updatedAt',
        '$total',
        '$level',
        '$band',
        '$result',
        '$userId',
        '$userId',
        '$frameworkId',
        '$frameworkVersion',
        '$at',
        '$at',
      ),
  },
  'profile-upsert': {
    what: 'DigisnapRepository upsertProfile: submitScan stores the new profile (precompiled)',
    run: (db) => new DigisnapRepository(db)['upsertProfile']('$userId', '$scanId', '$body', '$now'),
  },
  'audit-insert': {
    what: 'AuditRepository insertEvent: one audit row per write, in its transaction (precompiled)',
    run: (db) => new AuditRepository(db)['insertEvent']('$id', '$at', '$actorId', '$action', '$subject', '$details'),
  },
  'team-report-view': {
    what: 'CampaignRepository.reportView: getSchoolReport, the campaign and what its stored report is read from (precompiled)',
    run: (db, dialect) => new CampaignRepository(db, dialect).reportView('$schoolId', '$campaignId'),
  },
  'team-report-access': {
    what: "CampaignRepository.reportAccess: getSchoolReport, the caller's roles at the school and the campaign's report view in one read (precompiled)",
    run: (db, dialect) => new CampaignRepository(db, dialect).reportAccess('$userId', '$schoolId', '$campaignId'),
  },
  'team-report-body': {
    what: 'CampaignRepository.storedBody: getSchoolReport, the stored report body',
    run: (db, dialect) => new CampaignRepository(db, dialect).storedBody('$campaignId', 7),
  },
  'recommendation-catalogue': {
    what: 'CatalogueRepository.recommendationCatalogue: the published catalogue that search and recommendations keep in memory',
    run: (db, dialect) =>
      new CatalogueRepository(db, dialect).recommendationCatalogue(
        () => undefined,
        () => undefined,
      ),
  },
  'school-by-id': {
    what: 'SchoolRepository schoolById (precompiled)',
    run: (db, dialect) => new SchoolRepository(db, dialect)['schoolById']('$schoolId'),
  },
  'school-roles-of': {
    what: 'SchoolRepository rolesOf: the roles of a user in a school (precompiled)',
    run: (db, dialect) => new SchoolRepository(db, dialect)['rolesOf']('$userId', '$schoolId'),
  },
  'school-roles-at': {
    what: "SchoolRepository rolesAtSchool: every school access check, the user's own roles and the board's in one read (precompiled)",
    run: (db, dialect) => new SchoolRepository(db, dialect)['rolesAtSchool']('$userId', '$schoolId', '$userId', '$schoolId'),
  },
  'school-provinces-of': {
    what: "SchoolRepository provincesOf: the provinces of a teacher's schools, for every recommendation (precompiled)",
    run: (db, dialect) => new SchoolRepository(db, dialect)['provincesOf']('$userId'),
  },
  'enrolment-engaged-of': {
    what: 'EnrolmentRepository engagedOf: trainings a teacher enrolled in or completed (precompiled)',
    run: (db, dialect) => new EnrolmentRepository(db, dialect)['engagedOf']('$userId', '$userId'),
  },
  'team-head-by-id': {
    what: 'TeamAggregateRepository teamHeadById (precompiled)',
    run: (db) => new TeamAggregateRepository(db)['teamHeadById']('$teamId'),
  },
  'team-ids-counting': {
    what: 'TeamAggregateRepository teamIdsCounting: the teams a submitted scan counts in (precompiled)',
    run: (db) => new TeamAggregateRepository(db)['teamIdsCounting']('$userId', '$frameworkId', '$frameworkVersion', '$at', '$at'),
  },
  'team-bump-revision': {
    what: 'TeamAggregateRepository bumpRevision (precompiled)',
    run: (db) => new TeamAggregateRepository(db)['bumpRevision']('$teamId'),
  },
  'team-with-member': {
    what: 'TeamAggregateRepository teamWithMember (precompiled)',
    run: (db) => new TeamAggregateRepository(db)['teamWithMember']('$teamId', '$userId'),
  },
  'device-list-page': {
    what: "DeviceRepository.search: listDevices, a page of a school's devices by words and filters, and the count of all that match",
    run: (db) =>
      new DeviceRepository(db, { afterWrite: (write) => write }).search(['$schoolId'], {
        q: 'thinkpad 5a',
        type: 'laptop',
        state: 'in_use',
        fundingSource: 'digisprong',
        campus: 'Noord',
        purchaseYear: 2023,
        sort: 'purchaseDate',
        order: 'desc',
        page: 3,
        limit: 50,
      }),
  },
  'team-counts': {
    what: 'TeamAggregateRepository teamCounts: a submit adds its scan to a team it counts in (precompiled)',
    run: (db) => new TeamAggregateRepository(db)['teamCounts']('$counts', '$respondents', '$changed', '$updatedAt', '$teamId'),
  },
  'team-member-scan': {
    what: 'TeamAggregateRepository memberScan (precompiled)',
    run: (db) => new TeamAggregateRepository(db)['memberScan']('$scanId', '$submittedAt', '$teamId', '$userId'),
  },
};

const folder = new URL('./', import.meta.url);
const update = Boolean(process.env.UPDATE_SQL_SNAPSHOTS);

function snapshotText(what: string, statements: readonly CompiledQuery[]): string {
  const parts = statements.map((s) => `-- parameters: ${JSON.stringify(s.parameters)}\n${layoutSql(s.sql)};\n`);
  return `-- ${what}\n${parts.join('\n')}`;
}

describe('SQL snapshots of the hottest queries', () => {
  for (const dialect of DIALECTS) {
    describe(dialect, () => {
      for (const [name, query] of Object.entries(queries)) {
        it(name, async () => {
          const { kysely, statements } = recordingDatabase(dialect);
          await query.run(kysely, dialect);
          expect(statements.length).toBeGreaterThan(0);
          const text = snapshotText(query.what, statements);
          const file = new URL(`${name}.${dialect}.sql`, folder);
          if (update) writeFileSync(file, text);
          const hint = `${name}.${dialect}.sql: after a deliberate change run UPDATE_SQL_SNAPSHOTS=1 npx vitest run test/sql-snapshots`;
          expect(existsSync(file), hint).toBe(true);
          expect(text, hint).toBe(readFileSync(file, 'utf8'));
        });
      }
    });
  }

  it('keeps no snapshot of a query no longer listed', () => {
    const expected = new Set(Object.keys(queries).flatMap((name) => DIALECTS.map((dialect) => `${name}.${dialect}.sql`)));
    const stale = readdirSync(folder).filter((file) => file.endsWith('.sql') && !expected.has(file));
    expect(stale).toEqual([]);
  });
});
