import { describe, expect, it } from 'vitest';
import { readTrainingCsv } from '../../catalogue/training-csv';
import { trainingCsvColumns } from '../../../shared/catalogue/api';
import { ImportProblems, MAX_REPORTED_PROBLEMS, importRejected } from './import-problems';

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
    const error = importRejected([{ line: 4, field: 'e-mail', message: 'bad' }, { line: 2, field: 'naam', message: 'missing' }], how);
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
    expect(details?.at(-1)).toEqual({ field: 'file', message: 'file: 250 more problem(s) not listed; fix the ones above and upload again' });
  });
});

describe('reading a file of bad lines is linear in its length', () => {
  const badLine = 'Titel genoeg;Een samenvatting die lang genoeg is.;;circus;nl;lager;leraar;3.1 A2>B1;2;abc;nee;;;;;;https://x.be;concept';
  const badFile = (lines: number) => [trainingCsvColumns.join(';'), ...Array.from({ length: lines }, () => badLine)].join('\n');

  /** Reads and reports a file, counting the steps: every problem collected, every "is this line bad?" asked, every detail written. */
  async function check(lines: number) {
    const started = performance.now();
    let steps = 0;
    const { items, problems: read } = await readTrainingCsv(badFile(lines));
    const problems = new ImportProblems();
    for (const problem of read) {
      steps += 1;
      problems.add(problem);
    }
    for (const item of items) {
      steps += 1;
      problems.addOnce({ line: item.line, field: 'vorm', message: 'checked again' });
      if (problems.hasLine(item.line)) steps += 1;
    }
    const error = importRejected(problems, how);
    steps += error.details?.length ?? 0;
    return { steps, problems: problems.count, bytes: JSON.stringify(error.toBody()).length, ms: performance.now() - started };
  }

  it('reads and reports 50,000 bad lines with about ten times the work of 5,000, in a bounded report', async () => {
    await check(5_000); // warm up
    const small = [await check(5_000), await check(5_000)];
    const large = await check(50_000);
    expect(large.problems).toBe(100_000);
    expect(large.steps / small[0].steps).toBeLessThan(10.5);
    expect(large.bytes).toBeLessThan(200_000);
    // Linear is about 10 times the time; the quadratic check of before was about 100 times. Loose on purpose.
    expect(large.ms / Math.max(1, Math.min(...small.map((s) => s.ms)))).toBeLessThan(40);
  }, 60_000);
});
