import type { Role } from '../../src/shared/platform/api';
import type { ReflectionResponseDto } from '../../src/shared/school/reflection/reflection';
import { type AnswerPattern, dayFromToday, instantFromNow, submitScanAt } from '../api/campaign-fixtures';
import { type BrowserWorld, PASSWORD } from './browser';

/**
 * What the school's browser tests set up before a person opens the page: accounts in a school,
 * scans and campaigns, made through the real services for speed. What the test is about is then
 * done in the browser.
 */

export interface Member {
  userId: string;
  /** The address to log in with (the password is PASSWORD). */
  email: string;
}

/** An account in the school with the browser tests' password; named after its address unless a name is given. */
export async function addMember(world: BrowserWorld, schoolId: string, role: Role, email: string, displayName = email.split('@')[0]): Promise<Member> {
  const { userId } = await world.app.services.auth.createAccount({ email, password: PASSWORD, role, schoolId, displayName });
  return { userId, email };
}

/** A whole Digisnap scan, started, answered and submitted now: `answers(i)` for competence i (0 = A1 … 4 = C1). */
export function completeScan(world: BrowserWorld, userId: string, answers: AnswerPattern): Promise<void> {
  return submitScanAt(world, userId, instantFromNow(0), answers);
}

/** A campaign from today for `days` days, with the smallest group the privacy rules allow. */
export function openCampaign(world: BrowserWorld, managerId: string, schoolId: string, days: number) {
  return world.app.services.campaigns.openCampaign(managerId, schoolId, { opensOn: dayFromToday(0), closesOn: dayFromToday(days), minGroupSize: 5 });
}

/**
 * Answers every statement of a started reflection response and submits it, through the service:
 * `option(n)` for statement n (1-based, over all sections). `userId` is null for a pupil's response.
 */
export async function completeReflection(
  world: BrowserWorld,
  started: { token: string; response: ReflectionResponseDto },
  userId: string | null,
  option: (n: number) => number,
): Promise<void> {
  const { reflections } = world.app.services;
  const items = started.response.questionnaire.sections.flatMap((section) => section.items);
  for (const [n, item] of items.entries()) await reflections.answer(started.token, item.id, option(n + 1));
  await reflections.submit(started.token, userId);
}
