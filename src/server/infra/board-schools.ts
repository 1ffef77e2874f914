import type { BoardSchools } from './infra.needs';

type Schools = Awaited<ReturnType<BoardSchools['schoolsOfBoard']>>;

/** Keys worked out already, by the list the school module keeps (it hands out the same list while it keeps it). */
const keys = new WeakMap<Schools, string>();

/**
 * A board's schools, ids and names, as one text that PostgreSQL stores too (no NUL): what a board's
 * kept answers were read for. A school joining or leaving the board, or renamed, changes the answer
 * without any device write.
 */
export function boardSchoolsKey(schools: Schools): string {
  let key = keys.get(schools);
  if (key === undefined) keys.set(schools, (key = JSON.stringify(schools.map((school) => [school.id, school.name]))));
  return key;
}
