import type { Services } from '../app';
import { digisnapServiceWithClock } from '../digisnap/digisnap.module';
import type { Db } from '../platform/db/database';
import { seededRandom, simulatedAnswers } from './simulated-answers';

/** Submits a demo scan as a teacher would, answered at `skill` (0–1) and dated `daysAgo` (0: now). */
export type DemoScanner = (userId: string, skill: number, daysAgo: number) => Promise<void>;

/** One scanner for the whole demo, so the simulated answers come from one seeded stream. */
export function demoScanner(services: Services, db: Db): DemoScanner {
  const random = seededRandom(2026);
  return async (userId, skill, daysAgo) => {
    const at = () => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const digisnap = digisnapServiceWithClock(db, services.frameworks, at);
    const { scan } = await digisnap.startScan(userId);
    const answers = simulatedAnswers(services.frameworks.current(), skill, random);
    for (const [code, option] of Object.entries(answers)) await digisnap.answerItem(userId, scan.id, code, option);
    await digisnap.submitScan(userId, scan.id);
  };
}
