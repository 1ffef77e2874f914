import { buildApp } from './app';
import { configFromEnv } from './config';
import { DEMO_PASSWORD, seedDemoData } from './demo/demo-data';
import { FrameworkFileError } from './digisnap/framework.registry';

async function main(): Promise<void> {
  const config = configFromEnv();
  const app = await buildApp(config);
  if (config.demo && (await app.services.auth.countUsers()) === 0) {
    const accounts = await seedDemoData(app.services, app.db);
    const lines = accounts.map((a) => `  ${a.email.padEnd(32)} ${a.note}`);
    console.log(`\nDemo data seeded. Log in with one of these accounts, password ${DEMO_PASSWORD}:\n${lines.join('\n')}\n`);
  }
  await app.listen({ port: config.port, host: config.host });
  app.log.info('Digisprong is running on http://localhost:%d (API docs: /api/docs)', config.port);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof FrameworkFileError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
