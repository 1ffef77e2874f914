import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { StemCountSource } from '../../shared/stem/vocabulary';
import type { ImportProblem } from '../platform/import/import-problems';
import { educationApiCounts, type SavedPage } from './education-api';
import { readStemCounts, type StemCountLine, stemCountKey } from './stem-counts-csv';

/**
 * What `digisprong stem import` reads: counts CSV or .xlsx files, or the education API's saved JSON
 * pages (enrolment counts, the programme catalogue and the locations together), each named or in a
 * folder (its .csv, .xlsx and .json files, not its sub-folders). One kind per import, so no count
 * comes in twice by two roads. Problems name the file.
 */
export async function readStemFiles(paths: readonly string[]): Promise<{ lines: Omit<StemCountLine, 'line'>[]; source: StemCountSource; problems: ImportProblem[] }> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory())
      files.push(
        ...(await readdir(path))
          .filter((name) => /\.(csv|xlsx|json)$/i.test(name))
          .sort()
          .map((name) => join(path, name)),
      );
    else files.push(path);
  }
  const pages = files.filter((file) => extname(file).toLowerCase() === '.json');
  const tables = files.filter((file) => extname(file).toLowerCase() !== '.json');
  const problems: ImportProblem[] = [];
  if (files.length === 0) return { lines: [], source: 'csv', problems: [{ line: 1, field: 'file', message: 'No .csv, .xlsx or .json file to read' }] };
  if (pages.length > 0 && tables.length > 0) {
    return { lines: [], source: 'csv', problems: [{ line: 1, field: 'file', message: 'Give either counts tables (.csv, .xlsx) or the education API’s pages (.json), not both' }] };
  }
  if (pages.length > 0) {
    const saved: SavedPage[] = [];
    for (const file of pages) {
      try {
        saved.push({ file: basename(file), json: JSON.parse(await readFile(file, 'utf8')) });
      } catch (error) {
        problems.push({ line: 1, field: basename(file), message: `is not JSON: ${error instanceof Error ? error.message : error}` });
      }
    }
    const counts = educationApiCounts(saved);
    return { lines: counts.lines, source: 'education_api', problems: [...problems, ...counts.problems] };
  }
  const lines: Omit<StemCountLine, 'line'>[] = [];
  // Each file checks its own keys; across files a key named twice is a problem too.
  const firstOfKey = new Map<string, string>();
  for (const file of tables) {
    const bytes = await readFile(file);
    const read = await readStemCounts(/\.xlsx$/i.test(file) ? new Uint8Array(bytes) : bytes.toString('utf8'));
    const name = tables.length > 1 ? `${basename(file)} ` : '';
    problems.push(...read.problems.byLine().map((problem) => ({ ...problem, field: `${name}${problem.field}` })));
    for (const line of read.lines) {
      const key = stemCountKey(line);
      const earlier = firstOfKey.get(key);
      if (earlier) problems.push({ line: line.line, field: `${name}count`, message: `The same count as ${earlier}` });
      else firstOfKey.set(key, `${basename(file)} line ${line.line}`);
      lines.push(line);
    }
  }
  return { lines, source: 'csv', problems };
}
