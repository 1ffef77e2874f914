import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Presets, SingleBar } from 'cli-progress';
import { Kysely, SqliteDialect } from 'kysely';
import { type AppTables, createServices, modules } from '../src/server/app';
import { configFromEnv } from '../src/server/config';
import { demoProviders, generateDemoTrainings } from '../src/server/demo/demo-trainings';
import { seededRandom } from '../src/server/demo/simulated-answers';
import { FrameworkRegistry } from '../src/server/digisnap/framework.registry';
import { hashPassword } from '../src/server/platform/auth/passwords';
import type { Db } from '../src/server/platform/db/database';
import { migrateToLatest } from '../src/server/platform/db/migrations';
import { newId } from '../src/server/platform/ids';
import { MIN_GROUP_SIZE } from '../src/shared/digisnap/privacy';
import { buildProfile, profileRankingText } from '../src/shared/digisnap/profile';
import { brusselsDate } from '../src/shared/school/campaign/campaign';
import { addDeviceData, type DeviceManifest } from './devices';
import { makeAnsweredScan, makeSchools, makeSubmittedScanAt, makeSubmittedScans, makeTeacher, type ScanRows, type TeacherRows } from './fixtures';
import { type BenchSearchQuery, buildSearchQueries, toSearchQuery } from './search-queries';
import { addStemData, type StemManifest, stemImportLine } from './stem';

/**
 * Writes a fresh, migrated SQLite database of teachers with submitted scans, plus teachers whose
 * scan is fully answered and waits for its submit, and a manifest of their session tokens.
 * Raw prepared better-sqlite3 statements in large transactions: 10,000 teachers take seconds.
 * The training catalogue is written through the catalogue service instead (seedTrainings), on
 * the same connection: its repository keeps the FTS5 search index, which raw rows would miss.
 */

export const BENCH_PASSWORD = 'Bench-password-2026';
const BATCH = 1_000;
/** Trainings per seedTrainings call: one transaction each, and a step of the progress bar. */
const TRAINING_BATCH = 1_000;
/** Distinct searches (cache keys) the searchTrainings scenarios rotate through. */
const SEARCH_QUERIES = 6_000;
/** The school whose team report getSchoolReport reads: exactly this many teachers, each with a scan in the campaign. */
const REPORT_SCHOOL_TEACHERS = 150;
/** Teachers per school among the report teachers: 170,000 over ~3,900 schools, as in Flanders. */
const REPORT_TEACHERS_PER_SCHOOL = 170_000 / 3_900;
/** The report teachers' scans were submitted in the last this many days; the campaign opened a day before. */
const REPORT_SCAN_DAYS = 20;
const DAY_MS = 86_400_000;
export interface GenerateOptions {
  out: string;
  /** Teachers with 1–3 submitted scans: the getMyProfile users. */
  teachers: number;
  /** Further teachers, each with one fully answered scan in progress: one submitScan each. */
  submitScans: number;
  schools: number;
  /** Demo trainings with their sessions, from the demo providers: the catalogue to search and recommend from. */
  trainings: number;
  seed: number;
  contentDir: string;
  sessionIdleHours: number;
  /**
   * Further teachers, each with one submitted scan in the last REPORT_SCAN_DAYS days, over about
   * 3,900 schools per 170,000; the first school of them has exactly REPORT_SCHOOL_TEACHERS, a
   * principal and an open campaign (getSchoolReport). 0: no report data.
   */
  reportTeachers: number;
  /** Devices of the ICT park over `deviceSchools` schools of their own, in boards (devices.ts). 0: no park data. */
  devices: number;
  deviceSchools: number;
  /** Rows of STEM counts at school level over 15 school years (stem.ts). 0: no STEM data. */
  stemRows: number;
}

export interface Manifest {
  database: string;
  generatedAt: string;
  password: string;
  profileUsers: Array<{ token: string }>;
  submitScans: Array<{ token: string; csrfToken: string; scanId: string }>;
  /** Set by the first run that submits these scans in the SQLite file itself: a later --reuse cannot submit them again. */
  submitScansUsedAt?: string;
  /** Trainings in the catalogue, every status. */
  trainings: number;
  /** Searches with results, from the catalogue's own title words; see search-queries.ts. */
  searchQueries: BenchSearchQuery[];
  /** The team report getSchoolReport reads, made through CampaignService; absent without --report-teachers. */
  report?: { schoolId: string; campaignId: string; principalToken: string; schoolTeachers: number; teachers: number; schools: number; seconds: number };
  /** The ICT park the device scenarios read; absent without --devices. */
  devices?: DeviceManifest;
  /** The STEM counts getStemIndicators reads; absent without --stem-rows. */
  stem?: StemManifest;
}

export const manifestPathOf = (databaseFile: string) => `${databaseFile.replace(/\.db$/, '')}.manifest.json`;

export async function generateBenchData(options: GenerateOptions): Promise<{ manifest: Manifest; manifestPath: string }> {
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(out + suffix, { force: true });

  const sqlite = new SQLite(out);
  sqlite.pragma('journal_mode = WAL');
  // A throw-away database: no fsync while filling it.
  sqlite.pragma('synchronous = OFF');
  const kysely = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(kysely, modules);

  const frameworks = FrameworkRegistry.loadFromDirectory(`${options.contentDir}/frameworks`);
  const framework = frameworks.current();
  // One argon2 hash for every account: hashing 10,000 passwords would take minutes.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const random = seededRandom(options.seed);
  const now = Date.now();
  const write = statements(sqlite);

  const schools = makeSchools(options.schools, random, now);
  sqlite.transaction(() => schools.forEach((school) => write.school.run(school)))();

  const manifest: Manifest = {
    database: out,
    generatedAt: new Date(now).toISOString(),
    password: BENCH_PASSWORD,
    profileUsers: [],
    submitScans: [],
    trainings: 0,
    searchQueries: [],
  };
  const total = options.teachers + options.submitScans;
  const bar = new SingleBar({ format: 'generating {bar} {value}/{total} teachers | {eta}s left', etaBuffer: 5_000 }, Presets.shades_classic);
  bar.start(total, 0);

  const addTeacher = (n: number) => {
    const teacher = makeTeacher(n, schools, random, now, options.sessionIdleHours);
    write.teacher(teacher, passwordHash);
    if (n < options.teachers) {
      const submitted = makeSubmittedScans(framework, random, now);
      for (const scan of submitted) write.scan(teacher.user.id, scan);
      write.profile(teacher.user.id, submitted);
      manifest.profileUsers.push({ token: teacher.session.token });
    } else {
      const scan = makeAnsweredScan(framework, random, now);
      write.scan(teacher.user.id, scan);
      manifest.submitScans.push({ token: teacher.session.token, csrfToken: teacher.session.csrf_token, scanId: scan.scan.id });
    }
  };
  for (let start = 0; start < total; start += BATCH) {
    const end = Math.min(total, start + BATCH);
    sqlite.transaction(() => {
      for (let n = start; n < end; n += 1) addTeacher(n);
    })();
    bar.update(end);
  }
  bar.stop();

  // The catalogue, through the services on this same connection (see above).
  const db: Db<AppTables> = { kysely: kysely as Kysely<AppTables>, dialect: 'sqlite', close: () => kysely.destroy() };
  const services = createServices({ ...configFromEnv(), databaseUrl: `sqlite:${out}`, demo: false, contentDir: options.contentDir }, db);
  const providerIds = new Map<string, string>();
  for (const provider of demoProviders) {
    const created = await services.catalogue.addProvider({ name: provider.name, contactEmail: provider.contactEmail, website: provider.website });
    if (provider.verified) await services.catalogue.markVerified(created.id, null);
    providerIds.set(provider.key, created.id);
  }
  const demo = generateDemoTrainings(options.trainings, seededRandom(options.seed), new Date(now));
  const trainingBar = new SingleBar({ format: 'generating {bar} {value}/{total} trainings | {eta}s left', etaBuffer: 5_000 }, Presets.shades_classic);
  trainingBar.start(demo.length, 0);
  for (let start = 0; start < demo.length; start += TRAINING_BATCH) {
    const part = demo.slice(start, start + TRAINING_BATCH);
    await services.catalogue.seedTrainings(part.map((d) => ({ providerId: providerIds.get(d.providerKey)!, training: d.training, sessions: d.sessions })));
    trainingBar.update(start + part.length);
  }
  trainingBar.stop();
  manifest.trainings = demo.length;
  if (demo.length > 0) {
    // The service answers each candidate query exactly as the API will, so only searches that find something are kept.
    manifest.searchQueries = await buildSearchQueries(
      demo,
      seededRandom(options.seed + 1),
      SEARCH_QUERIES,
      async (query) => (await services.catalogue.search(toSearchQuery(query))).total,
    );
  }

  if (options.reportTeachers > 0) {
    const reportStarted = Date.now();
    const report = await addReportData({ sqlite, write, services, framework, random, now, passwordHash, options });
    manifest.report = { ...report, seconds: (Date.now() - reportStarted) / 1000 };
  }

  if (options.devices > 0) {
    manifest.devices = addDeviceData(
      sqlite,
      (teacher) => write.teacher(teacher, passwordHash),
      (school) => write.school.run(school),
      random,
      now,
      {
        devices: options.devices,
        schools: options.deviceSchools,
        // After the report schools and teachers (at most one school per REPORT_TEACHERS_PER_SCHOOL of them).
        firstSchool: options.schools + options.reportTeachers + 1,
        firstUser: options.teachers + options.submitScans + options.reportTeachers + REPORT_SCHOOL_TEACHERS + 1,
        sessionIdleHours: options.sessionIdleHours,
      },
    );
  }

  if (options.stemRows > 0) {
    manifest.stem = await addStemData(services.stem, seededRandom(options.seed + 2), options.stemRows, `${out.replace(/\.db$/, '')}.stem.csv`);
  }

  sqlite.pragma('optimize');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await kysely.destroy();

  const manifestPath = manifestPathOf(out);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { manifest, manifestPath };
}

/**
 * The report teachers (see GenerateOptions.reportTeachers) with raw rows, then the principal of
 * the report school and the campaign, opened through the real CampaignService so its rows are
 * exactly what the service writes.
 */
async function addReportData(input: {
  sqlite: SQLite.Database;
  write: ReturnType<typeof statements>;
  services: ReturnType<typeof createServices>;
  framework: ReturnType<FrameworkRegistry['current']>;
  random: () => number;
  now: number;
  passwordHash: string;
  options: GenerateOptions;
}) {
  const { sqlite, write, services, framework, random, now, passwordHash, options } = input;
  const teachers = Math.max(options.reportTeachers, REPORT_SCHOOL_TEACHERS);
  const others = teachers - REPORT_SCHOOL_TEACHERS;
  const schoolCount = 1 + (others > 0 ? Math.max(1, Math.round(others / REPORT_TEACHERS_PER_SCHOOL)) : 0);
  const schools = makeSchools(schoolCount, random, now, options.schools);
  sqlite.transaction(() => schools.forEach((school) => write.school.run(school)))();
  const [reportSchool, ...otherSchools] = schools;
  // Emails go on after the other teachers' numbers, so they stay distinct.
  const firstNumber = options.teachers + options.submitScans;
  const bar = new SingleBar({ format: 'generating {bar} {value}/{total} report teachers | {eta}s left', etaBuffer: 20_000 }, Presets.shades_classic);
  bar.start(teachers, 0);
  const addTeacher = (k: number) => {
    // The report school's teachers first, then round the others.
    const school = k < REPORT_SCHOOL_TEACHERS ? reportSchool : otherSchools[(k - REPORT_SCHOOL_TEACHERS) % otherSchools.length];
    const teacher = makeTeacher(firstNumber + k, [school], random, now, options.sessionIdleHours);
    write.teacher(teacher, passwordHash);
    // Submitted between REPORT_SCAN_DAYS days and an hour ago: inside the campaign window.
    const scan = makeSubmittedScanAt(framework, random, now - 3_600_000 - Math.floor(random() * (REPORT_SCAN_DAYS * DAY_MS - 3_600_000)));
    write.scan(teacher.user.id, scan);
    write.profile(teacher.user.id, [scan]);
  };
  const batch = 10 * BATCH;
  for (let start = 0; start < teachers; start += batch) {
    const end = Math.min(teachers, start + batch);
    sqlite.transaction(() => {
      for (let k = start; k < end; k += 1) addTeacher(k);
    })();
    bar.update(end);
  }
  bar.stop();

  // The principal: raw rows like a teacher's, in the role that opens the campaign and reads the report.
  const principal = makeTeacher(firstNumber + teachers, [reportSchool], random, now, options.sessionIdleHours);
  principal.membership.role = 'principal';
  sqlite.transaction(() => write.teacher(principal, passwordHash))();
  // A campaign cannot open in the past through the service: it opens today, and its first day is then
  // moved back in the table, as if it had been opened REPORT_SCAN_DAYS ago, so the scans above count.
  const opened = await services.campaigns.openCampaign(principal.user.id, reportSchool.id, {
    opensOn: brusselsDate(new Date(now)),
    closesOn: brusselsDate(new Date(now + 7 * DAY_MS)),
    minGroupSize: MIN_GROUP_SIZE,
  });
  sqlite.prepare('update campaigns set opens_on = ? where id = ?').run(brusselsDate(new Date(now - (REPORT_SCAN_DAYS + 1) * DAY_MS)), opened.id);
  const campaign = await services.campaigns.getCampaign(principal.user.id, reportSchool.id, opened.id);
  if (campaign.participation.completed !== REPORT_SCHOOL_TEACHERS) {
    throw new Error(`the report campaign counts ${campaign.participation.completed} completed scans, expected ${REPORT_SCHOOL_TEACHERS}`);
  }
  return { schoolId: reportSchool.id, campaignId: campaign.id, principalToken: principal.session.token, schoolTeachers: REPORT_SCHOOL_TEACHERS, teachers, schools: schoolCount };
}

/** Prepared inserts, written the way the services write these rows. */
function statements(sqlite: SQLite.Database) {
  const school = sqlite.prepare(
    'insert into schools (id, name, institution_number, education_level, province, created_at) values (@id, @name, @institution_number, @education_level, @province, @created_at)',
  );
  const user = sqlite.prepare('insert into users (id, email, password_hash, display_name, locale, created_at) values (?, ?, ?, ?, ?, ?)');
  const membership = sqlite.prepare('insert into memberships (user_id, school_id, role, created_at) values (?, ?, ?, ?)');
  const session = sqlite.prepare('insert into sessions (id, user_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)');
  const scan = sqlite.prepare(
    `insert into scans (id, user_id, framework_id, framework_version, status, background, started_at, updated_at, submitted_at, total, level, band, result)
     values (@id, @user_id, @framework_id, @framework_version, @status, @background, @started_at, @updated_at, @submitted_at, @total, @level, @band, @result)`,
  );
  const answer = sqlite.prepare('insert into scan_answers (scan_id, competence_code, option_index, answered_at) values (?, ?, ?, ?)');
  const audit = sqlite.prepare('insert into audit_log (id, at, actor_id, action, subject, details) values (?, ?, ?, ?, ?, ?)');
  const profile = sqlite.prepare('insert into profiles (user_id, scan_id, body, updated_at) values (?, ?, ?, ?)');
  const profileRanking = sqlite.prepare('insert into profile_rankings (user_id, scan_id, ranking) values (?, ?, ?)');

  return {
    school,
    teacher({ user: u, membership: m, session: s }: TeacherRows, passwordHash: string) {
      user.run(u.id, u.email, passwordHash, u.display_name, u.locale, u.created_at);
      membership.run(u.id, m.school_id, m.role, m.created_at);
      audit.run(newId(), u.created_at, null, 'account_created', u.id, JSON.stringify({ role: m.role, schoolId: m.school_id }));
      session.run(s.id, u.id, s.csrf_token, s.created_at, s.expires_at);
    },
    scan(userId: string, { scan: row, answers }: ScanRows) {
      scan.run({ ...row, user_id: userId });
      for (const a of answers) answer.run(row.id, a.competence_code, a.option_index, a.answered_at);
      if (row.submitted_at) audit.run(newId(), row.submitted_at, userId, 'scan_submitted', row.id, null);
    },
    /** The stored profile, as DigisnapService writes it at every submit, with its ranking as the first recommendation stores it. */
    profile(userId: string, submitted: ScanRows[]) {
      const body = buildProfile(
        submitted.map(({ scan: row }) => ({
          scanId: row.id,
          frameworkId: row.framework_id,
          frameworkVersion: row.framework_version,
          submittedAt: row.submitted_at ?? '',
          result: JSON.parse(row.result ?? '{}'),
        })),
      );
      const latest = submitted[submitted.length - 1].scan;
      profile.run(userId, latest.id, JSON.stringify(body), latest.updated_at);
      profileRanking.run(userId, latest.id, profileRankingText(body!));
    },
  };
}

const defaultContentDir = fileURLToPath(new URL('../content', import.meta.url));

export function parseGenerateArgs(argv: string[], defaults: Partial<GenerateOptions> = {}): GenerateOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      teachers: { type: 'string' },
      'submit-scans': { type: 'string' },
      schools: { type: 'string' },
      trainings: { type: 'string' },
      seed: { type: 'string' },
      'report-teachers': { type: 'string' },
      devices: { type: 'string' },
      'device-schools': { type: 'string' },
      'stem-rows': { type: 'string' },
    },
    strict: false,
  });
  const num = (value: unknown, fallback: number) => (typeof value === 'string' && value !== '' ? Number(value) : fallback);
  return {
    out: typeof values.out === 'string' ? values.out : (defaults.out ?? 'bench/data/bench.db'),
    teachers: num(values.teachers, defaults.teachers ?? 10_000),
    submitScans: num(values['submit-scans'], defaults.submitScans ?? 3_000),
    schools: num(values.schools, defaults.schools ?? 40),
    trainings: num(values.trainings, defaults.trainings ?? 20_000),
    seed: num(values.seed, defaults.seed ?? 2026),
    reportTeachers: num(values['report-teachers'], defaults.reportTeachers ?? 170_000),
    devices: num(values.devices, defaults.devices ?? 1_000_000),
    deviceSchools: num(values['device-schools'], defaults.deviceSchools ?? 3_900),
    stemRows: num(values['stem-rows'], defaults.stemRows ?? 5_000_000),
    contentDir: defaults.contentDir ?? defaultContentDir,
    sessionIdleHours: defaults.sessionIdleHours ?? configFromEnv().sessionIdleHours,
  };
}

// Usable alone: npx tsx bench/generate.ts --teachers 10000 --submit-scans 3000 --trainings 20000 --out bench/data/bench.db
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const options = parseGenerateArgs(process.argv.slice(2));
  const started = Date.now();
  const { manifest, manifestPath } = await generateBenchData(options);
  console.log(
    `${manifest.profileUsers.length} teachers with submitted scans, ${manifest.submitScans.length} answered scans to submit, ` +
      `${manifest.trainings} trainings and ${manifest.searchQueries.length} searches` +
      (manifest.report ? `, ${manifest.report.teachers} report teachers over ${manifest.report.schools} schools (${manifest.report.seconds.toFixed(1)} s) ` : ' ') +
      (manifest.devices ? `, ${manifest.devices.devices} devices over ${manifest.devices.schools} schools (${manifest.devices.seconds.toFixed(1)} s) ` : '') +
      (manifest.stem
        ? `, ${manifest.stem.rows} STEM counts over ${manifest.stem.schools} school locations (${manifest.stem.seconds.toFixed(1)} s; ${stemImportLine(manifest.stem)}) `
        : '') +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s\n  database ${manifest.database}\n  manifest ${manifestPath}`,
  );
}
