import { describe, expect, it } from 'vitest';
import { trainingCsvColumns } from '../../shared/catalogue/api';
import { ImportProblems, importRejected } from '../platform/import/import-problems';
import { readTrainingCsv } from './training-csv';

const how = { unit: 'line', outcome: 'nothing was imported', where: (p: { line: number; field: string }) => `line ${p.line}: ${p.field}`, fileField: 'file' };

describe('reading a file of bad lines is linear in its length', () => {
  const badLine = 'Titel genoeg;Een samenvatting die lang genoeg is.;;circus;nl;lager;leraar;3.1 A2>B1;2;abc;nee;;;;;;https://x.be;concept';
  const badFile = (lines: number) => [trainingCsvColumns.join(';'), ...Array.from({ length: lines }, () => badLine)].join('\n');

  /** Reads and reports a file, counting the steps: every problem collected, every "is this line bad?" asked, every detail written. */
  async function check(lines: number) {
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
    return { steps, problems: problems.count, bytes: JSON.stringify(error.toBody()).length };
  }

  it('reads and reports 50,000 bad lines with about ten times the steps of 5,000, in a bounded report', async () => {
    await check(5_000); // warm up
    const small = [await check(5_000), await check(5_000)];
    const large = await check(50_000);
    expect(large.problems).toBe(100_000);
    expect(large.steps / small[0].steps).toBeLessThan(10.5);
    // each detail carries its issue code and parameters (a column's allowed values) beside the English message
    expect(large.bytes).toBeLessThan(300_000);
  }, 60_000);
});
