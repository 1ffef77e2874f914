import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { DeviceRepository } from './device.repository';
import type { InfraTables } from './infra.tables';

/** The stored opening pages come back as written on both databases: PostgreSQL reads them in its binary format. */
describe('stored opening pages', () => {
  let t: TestApp;
  let repo: DeviceRepository;

  beforeAll(async () => {
    t = await startTestApp();
    repo = new DeviceRepository(t.app.db.kysely.withTables<InfraTables>(), { afterWrite: (write) => write });
  });
  afterAll(() => t.close());

  it('reads a page back byte for byte with its version and schools, whatever their size', async () => {
    const body = Buffer.from(JSON.stringify({ school: 'Sint-Jozefscollege Aalst – été €', filler: 'x'.repeat(40_000) }));
    for (const version of [0, 127, 128, 255, 40_194, 2_147_483_647]) {
      await repo.storePage({ scopeId: 'scope-1', version, schools: 'Ab+/9w==', body });
      const page = await repo.storedPage('scope-1');
      expect(page?.version).toBe(version);
      expect(page?.schools).toBe('Ab+/9w==');
      expect(Buffer.compare(Buffer.from(page!.body), body)).toBe(0);
    }
    expect(await repo.storedPage('scope-2')).toBeUndefined();
  });
});
