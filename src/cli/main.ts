import { Command, Option } from 'commander';
import { AppError } from '../shared/errors';
import { roles } from '../shared/platform/api';
import { configFromEnv } from '../server/config';
import { educationLevels, provinces } from '../server/school/school.service';
import { withServices } from './context';

const program = new Command('digisprong')
  .description('Digisprong command-line tool. Honours DATABASE_URL (default sqlite:./data/digisprong.db) like the server.')
  .showHelpAfterError();

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
  .description('Create an account, or give an existing account another role')
  .requiredOption('--email <email>', 'login email')
  .option('--password <password>', 'password for a new account (at least 10 characters)')
  .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
  .option('--school <id>', 'school id (needed for ict_coordinator, principal, board_admin)')
  .option('--name <name>', 'display name')
  .action((options: { email: string; password?: string; role: (typeof roles)[number]; school?: string; name?: string }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const { userId, created } = await services.auth.createAccount({
        email: options.email,
        password: options.password,
        role: options.role,
        schoolId: options.school,
        displayName: options.name,
      });
      console.log(created ? `Created account ${userId}` : `Added role ${options.role} to account ${userId}`);
    }),
  );

const schools = program.command('schools').description('Manage schools');
schools
  .command('add')
  .description('Create a school; prints its id')
  .requiredOption('--name <name>', 'school name')
  .option('--number <number>', 'institution number')
  .addOption(new Option('--level <level>', 'education level').choices(educationLevels))
  .addOption(new Option('--province <province>', 'province').choices(provinces))
  .action((options: { name: string; number?: string; level?: string; province?: string }) =>
    withServices(configFromEnv(), async ({ services }) => {
      const id = await services.schools.createSchool({
        name: options.name,
        institutionNumber: options.number,
        educationLevel: options.level,
        province: options.province,
      });
      console.log(id);
    }),
  );

await program.parseAsync(process.argv);
