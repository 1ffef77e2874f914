import { createHash } from 'node:crypto';
import type { BoardSchools } from './infra.needs';

type Schools = Awaited<ReturnType<BoardSchools['schoolsOfBoard']>>;

/** Keys worked out already, by the list the school module keeps (it hands out the same list while it keeps it). */
const keys = new WeakMap<Schools, string>();

/**
 * A board's schools, ids and names, as a short digest stored with a board's kept answers: what they
 * were read for. A school joining or leaving the board, or renamed, changes the answer without any
 * device write. A digest rather than the list itself: a board's opening page reads it on every request.
 */
export function boardSchoolsKey(schools: Schools): string {
  let key = keys.get(schools);
  if (key === undefined) {
    key = createHash('sha256')
      .update(JSON.stringify(schools.map((school) => [school.id, school.name])))
      .digest('base64');
    keys.set(schools, key);
  }
  return key;
}
