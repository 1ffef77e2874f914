import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type RecommendationsDto, searchQuerySchema } from '../../shared/catalogue/api';
import { provinces } from '../../shared/platform/flanders';
import type { Services } from '../app';
import { demoProviders, generateDemoTrainings } from '../demo/demo-trainings';
import { seededRandom, simulatedAnswers } from '../demo/simulated-answers';
import { AuditRepository } from '../platform/audit/audit.repository';
import type { Db } from '../platform/db/database';
import { type CatalogueInMemoryRows, CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { RecommendationCatalogue } from './catalogue.snapshot';
import { EnrolmentRepository } from './enrolment.repository';
import { EnrolmentService } from './enrolment.service';
import { RecommendationService } from './recommendation.service';

/**
 * Recommendations from the catalogue kept in memory must be exactly those the SQL gives: two
 * service graphs on one database, one keeping the catalogue in memory and one reading live
 * (the read cache off), asked the same things as enrolments, completions and edits happen and
 * the clock moves on. Every write goes through the in-memory graph, as in one server process.
 */
const NOW = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;

describe('recommendations from the catalogue in memory', () => {
  let t: TestApp;
  let db: Db;
  let services: Services;
  let clock = NOW;
  let memory: ReturnType<typeof graph>;
  let live: ReturnType<typeof graph>;
  const teachers: string[] = [];

  function graph(readCacheSeconds: number) {
    const now = () => clock;
    const repo = new CatalogueRepository(db.kysely, db.dialect);
    const enrolmentRepo = new EnrolmentRepository(db.kysely, db.dialect);
    const catalogue = new CatalogueService(repo, enrolmentRepo, {
      rolesOf: (userId) => services.auth.rolesOf(userId),
      access: services.access,
      digisnap: services.digisnap,
      audit: new AuditRepository(db.kysely),
      now,
      searchCacheSeconds: readCacheSeconds,
    });
    const enrolments = new EnrolmentService(enrolmentRepo, catalogue, { auth: services.auth, schools: services.schools, now });
    const recommendations = new RecommendationService(repo, enrolmentRepo, catalogue, { digisnap: services.digisnap, schools: services.schools, now });
    return { catalogue, enrolments, recommendations };
  }

  const callerOf = (userId: string) => memory.catalogue.caller({ userId, sessionId: 'test', csrfToken: 'test' });

  /** Both ways, for every teacher and a few limits; returns the in-memory answers. */
  async function expectSameForAll(): Promise<Map<string, RecommendationsDto>> {
    const answers = new Map<string, RecommendationsDto>();
    for (const [i, userId] of teachers.entries()) {
      for (const limit of [10, 1 + (i % 3) * 20]) {
        const fromMemory = await memory.recommendations.recommendationsForUser(userId, limit);
        const fromSql = await live.recommendations.recommendationsForUser(userId, limit);
        expect(JSON.stringify(fromMemory)).toBe(JSON.stringify(fromSql));
        // The text the route sends, built from the summaries' kept JSON, is that same JSON, both ways.
        expect(await memory.recommendations.recommendationsJsonForUser(userId, limit)).toBe(JSON.stringify(fromSql));
        expect(await live.recommendations.recommendationsJsonForUser(userId, limit)).toBe(JSON.stringify(fromSql));
        if (limit === 10) answers.set(userId, fromMemory);
      }
    }
    return answers;
  }

  beforeAll(async () => {
    // SQLite in memory, or a PostgreSQL database of its own when TEST_DATABASE_URL is set.
    t = await startTestApp();
    db = t.app.db;
    services = t.app.services;
    const frameworks = services.frameworks;
    memory = graph(30);
    live = graph(0);

    const providerIds = new Map<string, string>();
    for (const provider of demoProviders) {
      const created = await memory.catalogue.addProvider({ name: provider.name, contactEmail: provider.contactEmail, website: provider.website });
      if (provider.verified) await memory.catalogue.markVerified(created.id, null);
      providerIds.set(provider.key, created.id);
    }
    const demo = generateDemoTrainings(2500, seededRandom(11), NOW);
    await memory.catalogue.seedTrainings(demo.map((d) => ({ providerId: providerIds.get(d.providerKey)!, training: d.training, sessions: d.sessions })));

    const random = seededRandom(5);
    const schools = await Promise.all(provinces.map((province) => services.schools.createSchool({ name: `School ${province}`, province })));
    for (let i = 0; i < 8; i += 1) {
      const { userId } = await services.auth.createAccount({
        email: `teacher${i}@school.test`,
        password: 'correct-horse-battery',
        displayName: `Teacher ${i}`,
        role: 'teacher',
        // One teacher without a school: no province to be near.
        schoolId: i === 7 ? undefined : schools[i % schools.length],
      });
      const { scan } = await services.digisnap.startScan(userId);
      for (const [code, option] of Object.entries(simulatedAnswers(frameworks.current(), 0.1 + i * 0.1, random))) {
        await services.digisnap.answerItem(userId, scan.id, code, option);
      }
      await services.digisnap.submitScan(userId, scan.id);
      teachers.push(userId);
    }
  }, 60_000);
  afterAll(() => t.close());

  it('gives what the SQL gives, for teachers at every level and in every province', async () => {
    const answers = await expectSameForAll();
    expect([...answers.values()].every((answer) => answer.items.length > 0)).toBe(true);
  }, 30_000);

  it('stays exact as teachers enrol, cancel and complete, and as seats run out', async () => {
    const [teacher, other] = teachers;
    const first = (await memory.recommendations.recommendationsForUser(teacher, 10)).items;
    // Enrolling in a recommended training takes it out of the list.
    const withSession = first.find((item) => item.training.nextSession !== null)!;
    const session = (await memory.catalogue.getTraining(await callerOf(teacher), withSession.training.id)).sessions.find(
      (s) => s.enrolmentDeadline > clock.toISOString() && s.startsAt > clock.toISOString(),
    )!;
    const enrolment = await memory.enrolments.enrol(await callerOf(teacher), session.id);
    const answers = await expectSameForAll();
    expect(answers.get(teacher)!.items.map((item) => item.training.id)).not.toContain(withSession.training.id);

    // A session of one seat, taken by another teacher: its seats change without a catalogue write.
    const [target] = first.filter((item) => item.training.id !== withSession.training.id);
    const single = await memory.catalogue.seedTrainings([
      {
        providerId: target.training.provider.id,
        training: {
          ...(await memory.catalogue.getTraining(null, target.training.id)),
          title: 'Eén plaats: alles over één stap',
          kind: 'in_person',
          priceEuro: 0,
          url: 'https://www.example.be/een-plaats',
        },
        sessions: [
          {
            startsAt: new Date(clock.getTime() + 20 * DAY).toISOString(),
            endsAt: new Date(clock.getTime() + 20 * DAY + 3 * 3_600_000).toISOString(),
            place: 'Zaal 1',
            online: false,
            capacity: 1,
            enrolmentDeadline: new Date(clock.getTime() + 15 * DAY).toISOString(),
            cancellationDeadline: new Date(clock.getTime() + 14 * DAY).toISOString(),
          },
        ],
      },
    ]);
    // Full, it scores lower and may leave the first ten: look further down.
    const seatsLeft = async () => {
      const [fromMemory, fromSql] = await Promise.all([memory.recommendations.recommendationsForUser(teacher, 50), live.recommendations.recommendationsForUser(teacher, 50)]);
      expect(JSON.stringify(fromMemory)).toBe(JSON.stringify(fromSql));
      return fromMemory.items.find((item) => item.training.id === single[0])?.training.nextSession?.seatsLeft;
    };
    await expectSameForAll();
    expect(await seatsLeft()).toBe(1);
    const singleSession = (await memory.catalogue.getTraining(null, single[0])).sessions[0];
    const taken = await memory.enrolments.enrol(await callerOf(other), singleSession.id);
    await expectSameForAll();
    expect(await seatsLeft()).toBe(0);
    await memory.enrolments.cancel(await callerOf(other), taken.id);
    await expectSameForAll();
    expect(await seatsLeft()).toBe(1);

    // Cancelling brings the first training back; completing one leaves it out.
    await memory.enrolments.cancel(await callerOf(teacher), enrolment.id);
    await memory.enrolments.markCompleted(await callerOf(teacher), target.training.id, '2026-02-01');
    expect((await expectSameForAll()).get(teacher)!.items.map((item) => item.training.id)).not.toContain(target.training.id);
  }, 30_000);

  it('stays exact after a provider edits a training, and as the clock moves past sessions and deadlines', async () => {
    const teacher = teachers[2];
    const top = (await memory.recommendations.recommendationsForUser(teacher, 10)).items[0].training.id;
    const admin = { userId: 'admin', roles: new Set(['admin'] as const), providerIds: [] };
    const current = await memory.catalogue.getTraining(admin, top);
    await memory.catalogue.updateTraining(admin, top, { ...current, status: 'archived' });
    const answers = await expectSameForAll();
    expect(answers.get(teacher)!.items.map((item) => item.training.id)).not.toContain(top);
    for (const days of [3, 40, 130, 400]) {
      clock = new Date(NOW.getTime() + days * DAY);
      await expectSameForAll();
    }
    clock = NOW;
  }, 30_000);

  it('searches see a write in this process at once, and one by another process within a second', async () => {
    const admin = { userId: 'admin', roles: new Set(['admin'] as const), providerIds: [] };
    const found = async (service: CatalogueService, q: string) => (await service.search(searchQuerySchema.parse({ q }))).items.map((item) => item.id);
    const id = (await memory.catalogue.search(searchQuerySchema.parse({}))).items[0].id;
    const current = await memory.catalogue.getTraining(admin, id);
    expect(await found(memory.catalogue, 'versheidstest')).toEqual([]);
    expect(await found(live.catalogue, 'versheidstest')).toEqual([]);
    // `live` stands for another process on the same database: it writes, and sees its write at once.
    await live.catalogue.updateTraining(admin, id, { ...current, title: 'Versheidstest' });
    expect(await found(live.catalogue, 'versheidstest')).toEqual([id]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await found(memory.catalogue, 'versheidstest')).toEqual([id]);
    await memory.catalogue.updateTraining(admin, id, current);
    expect(await found(memory.catalogue, 'versheidstest')).toEqual([]);
  }, 30_000);
});

describe('RecommendationCatalogue', () => {
  it('reads the catalogue again only when its version moved, checked at most once a second, and at once after a write here', async () => {
    let reads = 0;
    let versionReads = 0;
    let version = 7;
    const repo = {
      recommendationCatalogue: async (onRows: (rows: CatalogueInMemoryRows) => void) => {
        reads += 1;
        onRows({ version, trainings: [], steps: [], sessions: [], providers: [] });
      },
      catalogueVersion: async () => {
        versionReads += 1;
        return version;
      },
      sessionSeats: async () => [],
    } as unknown as CatalogueRepository;
    let now = 0;
    const catalogue = new RecommendationCatalogue(repo, 1_000, () => now);
    const first = await catalogue.snapshot();
    now = 1_000;
    expect(await catalogue.snapshot()).toBe(first);
    expect(versionReads).toBe(0);
    now = 1_001;
    // Unchanged: the same snapshot, and no further version read within the next second.
    expect(await Promise.all([catalogue.snapshot(), catalogue.snapshot()])).toEqual([first, first]);
    now = 2_001;
    expect(await catalogue.snapshot()).toBe(first);
    expect(versionReads).toBe(1);
    // Another process wrote: seen at the next check.
    version = 8;
    expect(await catalogue.snapshot()).toBe(first);
    now = 2_002;
    const second = await catalogue.snapshot();
    expect(second).not.toBe(first);
    expect(second.version).toBe(8);
    catalogue.invalidate();
    expect(await catalogue.snapshot()).not.toBe(second);
    expect(reads).toBe(3);
    expect(versionReads).toBe(2);
  });
});
