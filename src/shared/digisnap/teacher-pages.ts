/**
 * Teachers a page at a time, in the database's order of their ids, so that a Flanders-wide count
 * never holds every teacher at once: a page has every teacher with an id after `after` up to and
 * including `upTo` (null: to the end), and the counting module reads the scans of that same range
 * beside it. The ranges follow each other without gaps; the database compares the ids on both
 * sides, so no code depends on its collation.
 */
export interface TeacherPage<T> {
  after: string;
  upTo: string | null;
  /** Per teacher in the range, what the count needs of them (their group, their schools). */
  teachers: ReadonlyMap<string, T>;
}
