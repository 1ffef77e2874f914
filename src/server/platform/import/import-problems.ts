import { AppError } from '../../../shared/errors';
import type { IssueCode, IssueParams } from '../../../shared/issues';

/**
 * One thing wrong in an uploaded table: the line it is on (as the file counts, header = 1),
 * the column as the file's header names it (or the file field, e.g. `file`), and, when known,
 * the column's position (1 = first).
 */
export interface ImportProblem {
  line: number;
  field: string;
  message: string;
  column?: number;
  /** What is wrong, for the reader's language; the message stays for API clients. */
  code?: IssueCode;
  params?: IssueParams;
}

/** The error body of a rejected import lists this many problems, then says how many more there are. */
export const MAX_REPORTED_PROBLEMS = 1000;

/**
 * The problems of one import, collected in constant time each: which fields a line already has
 * a problem for is kept per line, so asking "is this line bad?" never scans the whole list
 * (a file of N bad lines is checked in time linear in N).
 */
export class ImportProblems<P extends ImportProblem = ImportProblem> {
  private readonly list: P[] = [];
  private readonly fieldsByLine = new Map<number, Set<string>>();

  constructor(initial: Iterable<P> = []) {
    for (const problem of initial) this.add(problem);
  }

  add(problem: P): void {
    this.list.push(problem);
    const fields = this.fieldsByLine.get(problem.line);
    if (fields) fields.add(problem.field);
    else this.fieldsByLine.set(problem.line, new Set([problem.field]));
  }

  /** Adds the problem unless its line has one for the same field already, so each bad cell is named once. */
  addOnce(problem: P): void {
    if (!this.fieldsByLine.get(problem.line)?.has(problem.field)) this.add(problem);
  }

  hasLine(line: number): boolean {
    return this.fieldsByLine.has(line);
  }

  get count(): number {
    return this.list.length;
  }

  /** How many distinct lines have a problem. */
  get lineCount(): number {
    return this.fieldsByLine.size;
  }

  /** Every problem, by line; problems of one line keep the order they were found in. */
  byLine(): P[] {
    return [...this.list].sort((a, b) => a.line - b.line);
  }
}

export interface ImportRejection {
  /** What one problem place is called in the summary: `line` for files, `training` for JSON items. */
  unit: string;
  /** What the summary ends with, e.g. `nothing was imported`. */
  outcome: string;
  /** Where a problem is, as the error details name it, e.g. `line 3: e-mail`. */
  where: (problem: ImportProblem) => string;
  /** Where the note about problems left out of the list goes, e.g. `file`. */
  fileField: string;
}

/**
 * The 422 `import_rejected` error of an all-or-nothing import: a summary with the full counts,
 * and the first MAX_REPORTED_PROBLEMS problems (by line), plus one line that says how many more
 * there are, so the answer stays small however bad the file.
 */
export function importRejected(problems: ImportProblems | readonly ImportProblem[], how: ImportRejection): AppError {
  const collected = problems instanceof ImportProblems ? problems : new ImportProblems(problems);
  const listed = collected.byLine().slice(0, MAX_REPORTED_PROBLEMS);
  const details = listed.map((p) => ({
    field: how.where(p),
    message: `${how.where(p)}: ${p.message}`,
    ...(p.code ? { code: p.code } : {}),
    ...(p.params ? { params: p.params } : {}),
  }));
  const more = collected.count - listed.length;
  if (more > 0) {
    details.push({
      field: how.fileField,
      message: `${how.fileField}: ${more} more problem(s) not listed; fix the ones above and upload again`,
      code: 'more_problems',
      params: { more },
    });
  }
  return new AppError('import_rejected', `${collected.count} problem(s) on ${collected.lineCount} ${how.unit}(s); ${how.outcome}`, undefined, details);
}
