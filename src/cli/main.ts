import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { configFromEnv } from '../server/config';
import { AppError } from '../shared/errors';
import { roles } from '../shared/platform/api';
import { type PlatformRoleName, platformRoleList, type SchoolRoleName, schoolRoleList } from '../shared/platform/capabilities';
import { educationLevels, provinces, schoolNetworks } from '../shared/platform/flanders';
import type { StemValue } from '../shared/stem/api';
import { isSchoolYear, type StemBreakdown, type StemDefinition, stemBreakdowns, stemDefinitions } from '../shared/stem/vocabulary';
import { withServices } from './context';

const program = new Command('digisprong').description('Digisprong command-line tool. Honours DATABASE_URL (default sqlite:./data/digisprong.db) like the server.').showHelpAfterError();

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(() =>
    withServices(configFromEnv(), async ({ migrated }) => {
      console.log(migrated.length ? `Applied: ${migrated.join(', ')}` : 'The database is up to date.');
    }),
  );

program
  .command('seed')
  .description('Fill an empty database with the demo school, accounts and scans')
  .action(() =>
    withServices(configFromEnv(), async ({ services, db }) => {
      const { seedDemoData, DEMO_PASSWORD } = await import('../server/demo/demo-data');
      if ((await services.auth.countUsers()) > 0) throw new AppError('conflict', 'The database already has accounts; demo data goes only into an empty one');
      const accounts = await seedDemoData(services, db);
      console.log(`Seeded. Password of every demo account: ${DEMO_PASSWORD}`);
      for (const a of accounts) console.log(`  ${a.email.padEnd(32)} ${a.note}`);
    }),
  );

const users = program.command('users').description('Manage accounts');
users
  .command('add')
  .description('Create an account, or change an existing one: another role, a new password (`--password`), a name (`--name`); says what it changed')
  .requiredOption('--email <email>', 'login email')
  .option('--password <password>', 'password (at least 12 characters and hard to guess); for an existing account it replaces the password and ends its sessions')
  .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
  .option('--school <id>', 'school id (needed for ict_coordinator, principal, board_admin)')
  .option('--provider <id>', 'training provider id the account works for (needed for --role provider; see `providers add`)')
  .option('--name <name>', 'display name; a new account without one is named by its address')
  .action((options: { email: string; password?: string; role: (typeof roles)[number]; school?: string; provider?: string; name?: string }) =>
    withServices(configFromEnv(), async ({ services }) => {
      if (options.role === 'provider' && options.provider === undefined) {
        throw new AppError('validation_error', 'A provider account needs the provider it works for: --provider ID', 'provider');
      }
      if (options.provider !== undefined && options.role !== 'provider') {
        throw new AppError('validation_error', '--provider goes with --role provider', 'provider');
      }
      if (options.provider !== undefined) await services.catalogue.requireProviderExists(options.provider, 'provider');
      const existing = await services.auth.accountByEmail(options.email);
      const before = existing && (await services.auth.currentUser(existing.id));
      const held = before && (options.school ? before.memberships.some((m) => m.schoolId === options.school && m.role === options.role) : before.globalRoles.includes(options.role));
      if (options.school !== undefined && !(await services.schoolMemberships.schoolExists(options.school)))
        throw new AppError('not_found', `No school with id ${options.school}`, 'school');
      // The password first: a weak one is refused before anything changes.
      if (existing && options.password !== undefined) await services.passwords.adminReset(existing.email, options.password);
      const { userId, created } = await services.auth.createAccount({
        email: options.email,
        password: options.password,
        role: options.role,
        schoolId: options.school,
        displayName: options.name,
      });
      if (options.provider !== undefined) await services.catalogue.addProviderMember(userId, options.provider);
      const where = options.school ? ` at school ${options.school}` : '';
      if (created) {
        console.log(`Created account ${userId} with role ${options.role}${where}${options.name ? '' : `, named ${options.email.trim().toLowerCase()} (give --name to choose a name)`}`);
        return;
      }
      const changes = [held ? `already had role ${options.role}${where}` : `added role ${options.role}${where}`];
      if (options.password !== undefined) changes.push('set the new password and ended every session');
      if (options.name !== undefined && options.name.trim() !== before?.displayName) {
        await services.auth.updateMe(userId, { displayName: options.name.trim() });
        changes.push(`renamed it ${options.name.trim()}`);
      }
      console.log(`Account ${userId} existed: ${changes.join('; ')}`);
    }),
  );

users
  .command('list')
  .description('List accounts: id, address, name, roles (platform-wide and per school), blocked or not')
  .addOption(new Option('--role <role>', 'only accounts holding this role').choices(roles))
  .option('--school <id>', 'only accounts with a role in this school')
  .action((options: { role?: (typeof roles)[number]; school?: string }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const platformRole = (platformRoleList as readonly string[]).includes(options.role ?? '') ? (options.role as PlatformRoleName) : undefined;
      const schoolRole = (schoolRoleList as readonly string[]).includes(options.role ?? '') ? (options.role as SchoolRoleName) : undefined;
      const userIds = options.school || schoolRole ? await services.schools.memberIdsAsOperator({ schoolId: options.school, role: schoolRole }) : undefined;
      for (const account of await services.admin.accountsAsOperator({ platformRole, userIds })) {
        const held = [...account.platformRoles, ...account.memberships.map((m) => `${m.role}@${m.schoolId}`)].join(',') || '-';
        console.log(`${account.id}  ${account.email}  ${account.displayName}  ${held}${account.blockedAt ? '  blocked' : ''}`);
      }
    }),
  );

users
  .command('reset-password')
  .description(
    'Set a new password for an account (for an administrator): the one given, or a generated one, printed once. Every session of the account ends. ' +
      'The password must pass the same rule as in the app: at least 12 characters and hard to guess.',
  )
  .requiredOption('--email <email>', 'login email of the account')
  .option('--password <password>', 'the new password; without it one is generated')
  .action((options: { email: string; password?: string }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const { userId, password, generated } = await services.passwords.adminReset(options.email, options.password);
      console.log(`New password of account ${userId}${generated ? ' (generated; shown only now)' : ''}: ${password}`);
      console.log('Every session of the account has ended.');
    }),
  );

const providers = program.command('providers').description('Manage training providers (the organisations behind the training catalogue)');
providers
  .command('add')
  .description('Add a training provider; prints its id. Link accounts with `users add --role provider --provider ID`')
  .requiredOption('--name <name>', 'organisation name')
  .requiredOption('--email <email>', 'contact email')
  .option('--website <url>', 'website, e.g. https://www.example.be')
  .option('--verified', 'mark the provider verified at once (otherwise an admin or centre analyst verifies it in the app)')
  .action((options: { name: string; email: string; website?: string; verified?: boolean }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const provider = await services.catalogue.addProvider({ name: options.name, contactEmail: options.email, website: options.website ?? null });
      if (options.verified) await services.catalogue.markVerified(provider.id, null);
      console.log(provider.id);
    }),
  );
providers
  .command('list')
  .description('List every training provider: id, verified or not, name')
  .action(() =>
    withServices(configFromEnv(), async ({ services }) => {
      for (const p of await services.catalogue.listAllProviders()) console.log(`${p.id}  ${p.verified ? 'verified  ' : 'unverified'}  ${p.name}`);
    }),
  );

providers
  .command('verify')
  .description('Mark a training provider verified, as an admin or centre analyst does in the app')
  .argument('<id>', 'the provider id (see `providers list`)')
  .action((id: string) =>
    withServices(configFromEnv(), async ({ services }) => {
      await services.catalogue.requireProviderExists(id, 'id');
      await services.catalogue.markVerified(id, null);
      console.log(`Provider ${id} is verified`);
    }),
  );

const boards = program.command('boards').description('Manage school boards (schoolbesturen)');
boards
  .command('add')
  .description('Create a school board; prints its id. Add its schools with `schools add --board ID`')
  .requiredOption('--name <name>', 'board name')
  .option('--number <number>', 'board number (bestuursnummer)')
  .action((options: { name: string; number?: string }) =>
    withServices(configFromEnv(), async ({ services }) => {
      console.log(await services.boards.createBoard({ name: options.name, number: options.number }));
    }),
  );
boards
  .command('list')
  .description('List every school board: id, number, name')
  .action(() =>
    withServices(configFromEnv(), async ({ services }) => {
      for (const b of await services.boards.listBoards()) console.log(`${b.id}  ${(b.number ?? '-').padEnd(10)}  ${b.name}`);
    }),
  );

const schools = program.command('schools').description('Manage schools');
schools
  .command('add')
  .description('Create a school; prints its id. A board_admin of one school of a board (`users add --role board_admin --school ID`) manages every school of that board')
  .requiredOption('--name <name>', 'school name')
  .option('--number <number>', 'institution number')
  .addOption(new Option('--level <level>', 'education level').choices(educationLevels))
  .addOption(new Option('--province <province>', 'province').choices(provinces))
  .option('--board <id>', 'the school board it belongs to (see `boards add`)')
  .addOption(new Option('--network <network>', 'education network: GO!, official subsidised (OVSG/POV), Katholiek Onderwijs Vlaanderen, other').choices(schoolNetworks))
  .action((options: { name: string; number?: string; level?: string; province?: string; board?: string; network?: string }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const id = await services.schools.createSchool({
        name: options.name,
        institutionNumber: options.number,
        educationLevel: options.level,
        province: options.province,
        boardId: options.board,
        network: options.network,
      });
      console.log(id);
    }),
  );

schools
  .command('list')
  .description('List every school: id, institution number, name, board, members')
  .option('--search <text>', "only schools whose name, board's name or institution number holds this")
  .action((options: { search?: string }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const { items } = await services.schools.directoryAsOperator({ q: options.search, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
      for (const school of items) {
        console.log(`${school.id}  ${(school.institutionNumber ?? '-').padEnd(8)}  ${school.name}  ${school.board?.name ?? '-'}  ${school.members} members`);
      }
    }),
  );

const devices = program.command('devices').description('The ICT park: devices of schools');
devices
  .command('import')
  .description(
    "Import devices into a school from a CSV or .xlsx file, in our columns or Snipe-IT's asset import columns, all or nothing; prints the number imported or every problem with its line",
  )
  .requiredOption('--school <id>', 'the school the devices belong to')
  .option('--dry-run', 'check only: report every problem, write nothing')
  .addOption(new Option('--format <format>', 'the columns; left out: detected from the header').choices(['digisprong', 'snipe-it']))
  .argument('<file>', 'a .csv or .xlsx file')
  .action((file: string, options: { school: string; dryRun?: boolean; format?: 'digisprong' | 'snipe-it' }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const bytes = await readFile(file);
      const body = /\.xlsx$/i.test(file) ? new Uint8Array(bytes) : bytes.toString('utf8');
      try {
        const report = await services.devices.importDevicesAsOperator(options.school, body, { dryRun: options.dryRun === true, format: options.format });
        console.log(options.dryRun ? `${report.imported} devices would be imported (${report.format}); nothing was written` : `${report.imported} devices imported (${report.format})`);
      } catch (error) {
        if (error instanceof AppError && error.details) for (const detail of error.details) console.error(`${detail.field}: ${detail.message}`);
        throw error;
      }
    }),
  );

const stem = program.command('stem').description('The STEM monitor: counts in, indicators out');
stem
  .command('import')
  .description(
    'Import STEM counts, all or nothing, each school year in them replacing that year: counts CSV or .xlsx files (the columns of the API’s importStemCounts), ' +
      'or the education API’s saved JSON pages (enrolment counts, the programme catalogue and the locations together), each named or in a folder',
  )
  .option('--dry-run', 'check only: report every problem, write nothing')
  .argument('<paths...>', 'files (.csv, .xlsx, .json) or folders holding them')
  .action((paths: string[], options: { dryRun?: boolean }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const { readStemFiles } = await import('../server/stem/stem-files');
      try {
        const report = await services.stem.importRead(await readStemFiles(paths), { dryRun: options.dryRun === true });
        for (const year of report.years) console.log(`${year.year}: ${year.rows} lines, ${year.pupils} pupils`);
        console.log(options.dryRun ? `${report.rows} lines would be imported; nothing was written` : `${report.rows} lines imported`);
      } catch (error) {
        if (error instanceof AppError && error.details) for (const detail of error.details) console.error(detail.message);
        throw error;
      }
    }),
  );
stem
  .command('indicators')
  .description('Print every STEM indicator of a school year, for Flanders and per group of a breakdown: the numbers getStemIndicators answers')
  .requiredOption('--year <year>', 'the school year, as 2018-2019')
  .addOption(new Option('--breakdown <breakdown>', 'split by').choices(stemBreakdowns).default('none'))
  .addOption(new Option('--definition <definition>', 'left out: the one content/stem assigns to the year').choices(stemDefinitions))
  .option('--json', 'print the JSON the API answers')
  .action((options: { year: string; breakdown: StemBreakdown; definition?: StemDefinition; json?: boolean }) =>
    withServices(configFromEnv(), async ({ services }) => {
      if (!isSchoolYear(options.year)) throw new AppError('validation_error', `${options.year} is not a school year; write it as 2018-2019`, 'year');
      const answer = await services.stem.indicators(options);
      if (options.json) {
        console.log(JSON.stringify(answer));
        return;
      }
      console.log(`STEM indicators ${answer.year}${answer.source ? ` (source: ${answer.source})` : ' (no counts)'}`);
      for (const value of answer.indicators) {
        console.log(`${value.indicator.padEnd(36)} ${formatStemValue(value.total)}  [${value.definition}]`);
        for (const group of value.groups ?? []) console.log(`  ${group.key.padEnd(34)} ${formatStemValue(group.value)}`);
      }
    }),
  );

/** A STEM value as a line of the table: the share and its counts, "< 5" when hidden. */
function formatStemValue(value: StemValue): string {
  if (value.status === 'hidden') return '< 5';
  if (value.status === 'no_data') return 'no data';
  return `${((value.share ?? 0) * 100).toFixed(2)}% (${value.numerator} of ${value.denominator})`;
}

await program.parseAsync(process.argv);
