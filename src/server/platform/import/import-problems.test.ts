import { describe, expect, it } from 'vitest';
import { ImportProblems, importRejected, MAX_REPORTED_PROBLEMS } from './import-problems';

const how = { unit: 'line', outcome: 'nothing was imported', where: (p: { line: number; field: string }) => `line ${p.line}: ${p.field}`, fileField: 'file' };

describe('ImportProblems', () => {
  it('names each field of a line once, and knows the bad lines', () => {
    const problems = new ImportProblems([{ line: 3, field: 'a', message: 'first' }]);
    problems.addOnce({ line: 3, field: 'a', message: 'again' });
    problems.addOnce({ line: 3, field: 'b', message: 'other field' });
    problems.add({ line: 2, field: 'a', message: 'earlier line' });
    expect(problems.count).toBe(3);
    expect(problems.lineCount).toBe(2);
    expect(problems.hasLine(3)).toBe(true);
    expect(problems.hasLine(4)).toBe(false);
    expect(problems.byLine().map((p) => p.message)).toEqual(['earlier line', 'first', 'other field']);
  });
});

describe('importRejected', () => {
  it('lists every problem of a small file with the full counts', () => {
    const error = importRejected(
      [
        { line: 4, field: 'e-mail', message: 'bad' },
        { line: 2, field: 'naam', message: 'missing' },
      ],
      how,
    );
    expect(error.toBody().error).toEqual({
      id: 'import_rejected',
      message: '2 problem(s) on 2 line(s); nothing was imported',
      field: undefined,
      details: [
        { field: 'line 2: naam', message: 'line 2: naam: missing' },
        { field: 'line 4: e-mail', message: 'line 4: e-mail: bad' },
      ],
    });
  });

  it('lists the first problems only, and says how many more there are', () => {
    const many = Array.from({ length: MAX_REPORTED_PROBLEMS + 250 }, (_, i) => ({ line: i + 2, field: 'x', message: 'bad' }));
    const { message, details } = importRejected(many, how).toBody().error;
    expect(message).toBe(`${MAX_REPORTED_PROBLEMS + 250} problem(s) on ${MAX_REPORTED_PROBLEMS + 250} line(s); nothing was imported`);
    expect(details).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(details?.at(-2)?.field).toBe(`line ${MAX_REPORTED_PROBLEMS + 1}: x`);
    expect(details?.at(-1)).toEqual({
      field: 'file',
      message: 'file: 250 more problem(s) not listed; fix the ones above and upload again',
      code: 'more_problems',
      params: { more: 250 },
    });
  });
});
