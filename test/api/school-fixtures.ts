import { randomBytes } from 'node:crypto';
import type { TestApp, TestClient } from '../support/test-app';

export interface SchoolWorld {
  boardId: string;
  /** Two schools of the board, and one of no board. */
  schoolA: string;
  schoolB: string;
  other: string;
  principalA: TestClient;
  ictA: TestClient;
  teacherA: TestClient;
  /** board_admin held in school A: manages school B too. */
  boardAdmin: TestClient;
  principalOther: TestClient;
}

/** A board with two schools and an unrelated school, with a principal, ICT coordinator, teacher and board admin. */
export async function schoolWorld(t: TestApp): Promise<SchoolWorld> {
  const suffix = randomBytes(3).toString('hex');
  const boardId = await t.app.services.boards.createBoard({ name: `Scholengroep Rivierenland ${suffix}`, number: `B${suffix}` });
  const school = (name: string, extra: { boardId?: string } = {}) =>
    t.app.services.schools.createSchool({ name: `${name} ${suffix}`, educationLevel: 'primary', province: 'antwerpen', network: 'catholic', ...extra });
  const schoolA = await school('VBS De Linde', { boardId });
  const schoolB = await school('VBS Het Anker', { boardId });
  const other = await school('GO! Atheneum');
  return {
    boardId,
    schoolA,
    schoolB,
    other,
    principalA: await t.user('principal', { schoolId: schoolA }),
    ictA: await t.user('ict_coordinator', { schoolId: schoolA }),
    teacherA: await t.user('teacher', { schoolId: schoolA }),
    boardAdmin: await t.user('board_admin', { schoolId: schoolA }),
    principalOther: await t.user('principal', { schoolId: other }),
  };
}

/** The invitation link's token in the newest mail to an address, read from the outbox as an admin. */
export async function invitationTokenFor(t: TestApp, email: string): Promise<string> {
  const admin = await t.user('admin');
  const outbox = (await admin.request({ method: 'GET', url: `/api/admin/outbox?to=${encodeURIComponent(email)}` })).json();
  const text: string = outbox.items[0]?.text ?? '';
  const token = /\/uitnodiging\/([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no invitation mail to ${email}`);
  return token;
}

export const uniqueEmail = (name: string) => `${name}-${randomBytes(3).toString('hex')}@school.test`;
