import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableBody } from '../../shared/platform/endpoint';
import { ApiError, tableMediaType } from '../api';
import { isWorkbook, type TableUpload, tableBodyOf, type UploadState, uploadSteps } from './useTableUpload';

type Report = { lines: number };
type Mode = 'check' | 'import';

const fileOf = (csv: string) => new File([csv], 'leden.csv', { type: 'text/csv' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The first bytes of any .xlsx: a zip's local file header. */
const workbookBytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);

/** Runs one upload and returns whether it sent, every state it showed, and what it sent and followed up. */
async function steps(file: File | undefined, mode: Mode, send: TableUpload<Report, Mode>['send']) {
  const shown: UploadState<Report, Mode>[] = [];
  const sentBodies: TableBody[] = [];
  const followed: Array<[Report, Mode]> = [];
  const upload: TableUpload<Report, Mode> = {
    send: (csv, m) => {
      sentBodies.push(csv);
      return send(csv, m);
    },
    onReport: (report, m) => followed.push([report, m]),
  };
  const sent = await uploadSteps(file, mode, upload, (state) => shown.push(state));
  return { sent, shown, sentBodies, followed };
}

const countLines = async (table: TableBody) => ({ lines: typeof table === 'string' ? table.split('\n').length : 0 });
const rejected = new ApiError('import_rejected', 'line 2: e-mail: not an address', 400, undefined, [{ field: 'line 2: e-mail', message: 'not an address' }]);

describe('uploadSteps', () => {
  it('sends nothing without a file and only says the file is missing', async () => {
    const result = await steps(undefined, 'import', countLines);
    expect(result).toEqual({ sent: false, shown: [{ missingFile: true, busy: null, outcome: undefined }], sentBodies: [], followed: [] });
  });

  it('is busy in its mode while sending, then shows the report and follows it up', async () => {
    const result = await steps(fileOf('naam;e-mail\nAn;an@school.be'), 'check', countLines);
    expect(result.sent).toBe(true);
    expect(result.sentBodies).toEqual(['naam;e-mail\nAn;an@school.be']);
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
        const send = (table: TableBody) => (fails ? Promise.reject(rejected) : countLines(table));
        const result = await steps(csv === undefined ? undefined : fileOf(csv), mode, send);
        expect(result.sent).toBe(csv !== undefined);
        expect(result.sentBodies).toEqual(csv === undefined ? [] : [csv]);
        const last = result.shown.at(-1)!;
        expect(last.busy).toBeNull();
        expect(last.missingFile).toBe(csv === undefined);
        expect(last.outcome?.kind).toBe(csv === undefined ? undefined : fails ? 'failure' : 'report');
        expect(result.followed.length).toBe(csv !== undefined && !fails ? 1 : 0);
      }),
    );
  });

  it('sends an .xlsx workbook as its bytes, so call() sends it as a workbook, and a CSV as text', async () => {
    const { sentBodies } = await steps(new File([workbookBytes], 'Leden.XLSX', { type: XLSX }), 'import', countLines);
    expect(sentBodies).toHaveLength(1);
    expect(sentBodies[0]).toBeInstanceOf(Uint8Array);
    expect([...(sentBodies[0] as Uint8Array)]).toEqual([...workbookBytes]);
    expect(tableMediaType(sentBodies[0])).toBe(XLSX);
    expect((await steps(fileOf('naam;e-mail'), 'import', countLines)).sentBodies).toEqual(['naam;e-mail']);
    expect(tableMediaType('naam;e-mail')).toBe('text/csv; charset=utf-8');
  });

  it('knows a workbook by its type, or by its name when the browser gives no type', async () => {
    expect(isWorkbook({ name: 'lijst', type: XLSX })).toBe(true);
    expect(isWorkbook({ name: 'lijst.xlsx', type: '' })).toBe(true);
    expect(isWorkbook({ name: 'lijst.csv', type: 'text/csv' })).toBe(false);
    expect(isWorkbook({ name: 'lijst.xls', type: 'application/vnd.ms-excel' })).toBe(false);
    expect(await tableBodyOf(new File(['a;b'], 'lijst.txt', { type: '' }))).toBe('a;b');
  });
});
