import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { type CsvUpload, type UploadState, uploadSteps } from './useCsvUpload';

type Report = { lines: number };
type Mode = 'check' | 'import';

const fileOf = (csv: string) => new Blob([csv], { type: 'text/csv' });

/** Runs one upload and returns whether it sent, every state it showed, and what it sent and followed up. */
async function steps(file: Blob | undefined, mode: Mode, send: CsvUpload<Report, Mode>['send']) {
  const shown: UploadState<Report, Mode>[] = [];
  const sentCsv: string[] = [];
  const followed: Array<[Report, Mode]> = [];
  const upload: CsvUpload<Report, Mode> = {
    send: (csv, m) => {
      sentCsv.push(csv);
      return send(csv, m);
    },
    onReport: (report, m) => followed.push([report, m]),
  };
  const sent = await uploadSteps(file, mode, upload, (state) => shown.push(state));
  return { sent, shown, sentCsv, followed };
}

const countLines = async (csv: string) => ({ lines: csv.split('\n').length });
const rejected = new ApiError('import_rejected', 'line 2: e-mail: not an address', 400, undefined, [{ field: 'line 2: e-mail', message: 'not an address' }]);

describe('uploadSteps', () => {
  it('sends nothing without a file and only says the file is missing', async () => {
    const result = await steps(undefined, 'import', countLines);
    expect(result).toEqual({ sent: false, shown: [{ missingFile: true, busy: null, outcome: undefined }], sentCsv: [], followed: [] });
  });

  it('is busy in its mode while sending, then shows the report and follows it up', async () => {
    const result = await steps(fileOf('naam;e-mail\nAn;an@school.be'), 'check', countLines);
    expect(result.sent).toBe(true);
    expect(result.sentCsv).toEqual(['naam;e-mail\nAn;an@school.be']);
    expect(result.shown).toEqual([
      { missingFile: false, busy: 'check', outcome: undefined },
      { missingFile: false, busy: null, outcome: { kind: 'report', report: { lines: 2 }, mode: 'check' } },
    ]);
    expect(result.followed).toEqual([[{ lines: 2 }, 'check']]);
  });

  it('shows a refusal as a failure with its line details, and follows nothing up', async () => {
    const result = await steps(fileOf('x'), 'import', () => Promise.reject(rejected));
    expect(result.sent).toBe(true);
    expect(result.shown.at(-1)).toEqual({ missingFile: false, busy: null, outcome: { kind: 'failure', error: rejected } });
    expect(result.followed).toEqual([]);
  });

  it('turns anything else thrown into an internal error', async () => {
    const { shown } = await steps(fileOf('x'), 'import', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(shown.at(-1)?.outcome).toMatchObject({ kind: 'failure', error: { id: 'internal_error', status: 0 } });
  });

  it('sends the file as it is and always ends free, with an outcome exactly when a file was chosen', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(fc.string(), { nil: undefined }), fc.constantFrom<Mode>('check', 'import'), fc.boolean(), async (csv, mode, fails) => {
        const send = (text: string) => (fails ? Promise.reject(rejected) : countLines(text));
        const result = await steps(csv === undefined ? undefined : fileOf(csv), mode, send);
        expect(result.sent).toBe(csv !== undefined);
        expect(result.sentCsv).toEqual(csv === undefined ? [] : [csv]);
        const last = result.shown.at(-1)!;
        expect(last.busy).toBeNull();
        expect(last.missingFile).toBe(csv === undefined);
        expect(last.outcome?.kind).toBe(csv === undefined ? undefined : fails ? 'failure' : 'report');
        expect(result.followed.length).toBe(csv !== undefined && !fails ? 1 : 0);
      }),
    );
  });
});
