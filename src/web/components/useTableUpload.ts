import { useRef, useState } from 'react';
import { type TableBody, XLSX_MEDIA_TYPE } from '../../shared/platform/endpoint';
import type { ApiError } from '../api';
import { asApiError } from '../api';

/** What came back from one upload: the server's line report, or why it refused the file. */
export type UploadOutcome<R, M> = { kind: 'report'; report: R; mode: M } | { kind: 'failure'; error: ApiError };

/** Where an upload stands. `busy` names the mode that runs, so a panel with two buttons knows which one. */
export interface UploadState<R, M> {
  missingFile: boolean;
  busy: M | null;
  outcome: UploadOutcome<R, M> | undefined;
}

/**
 * What differs between uploads: where the file goes (`mode` says e.g. whether it is a dry run)
 * and what follows a report, e.g. reloading the list the upload added to.
 */
export interface TableUpload<R, M> {
  /** `table` is the CSV text, or the bytes of an .xlsx workbook; `call()` sends each with its content type. */
  send(table: TableBody, mode: M): Promise<R>;
  onReport?(report: R, mode: M): void;
}

const idle = { missingFile: false, busy: null, outcome: undefined } as const;

/** What the upload reads of the chosen file (a `File` has all of it). */
export interface ChosenFile {
  name: string;
  type: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** An .xlsx workbook, by its type or (when the browser gives none) its name. */
export const isWorkbook = (file: Pick<ChosenFile, 'name' | 'type'>) => file.type === XLSX_MEDIA_TYPE || /\.xlsx$/i.test(file.name);

/** The body of the upload: an .xlsx workbook as its bytes, anything else as text, read as CSV. */
export async function tableBodyOf(file: ChosenFile): Promise<TableBody> {
  return isWorkbook(file) ? new Uint8Array(await file.arrayBuffer()) : file.text();
}

/**
 * Reads the chosen file, sends it and reports each state it passes through to `show`.
 * Resolves to whether a file was sent, so the caller knows where to put the focus.
 * Kept apart from the hook so the steps can be tested without rendering.
 */
export async function uploadSteps<R, M>(file: ChosenFile | undefined, mode: M, upload: TableUpload<R, M>, show: (state: UploadState<R, M>) => void): Promise<boolean> {
  if (!file) {
    show({ ...idle, missingFile: true });
    return false;
  }
  show({ ...idle, busy: mode });
  try {
    const report = await upload.send(await tableBodyOf(file), mode);
    show({ ...idle, outcome: { kind: 'report', report, mode } });
    upload.onReport?.(report, mode);
  } catch (caught) {
    show({ ...idle, outcome: { kind: 'failure', error: asApiError(caught) } });
  }
  return true;
}

/**
 * A table upload (CSV or .xlsx) beside a `TableFileField`: `fileRef` goes on the field, `reportRef` on the region
 * that shows the outcome. After an upload the focus moves to that region, so a screen reader
 * reads the line report; without a file it goes back to the field.
 */
export function useTableUpload<R, M>(upload: TableUpload<R, M>) {
  const fileRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<UploadState<R, M>>(idle);
  return {
    ...state,
    fileRef,
    reportRef,
    run: async (mode: M) => {
      const sent = await uploadSteps(fileRef.current?.files?.[0], mode, upload, setState);
      if (sent) requestAnimationFrame(() => reportRef.current?.focus());
      else fileRef.current?.focus();
    },
    /** A new file makes the earlier outcome and the missing-file message stale. */
    clear: () => setState((current) => ({ ...current, missingFile: false, outcome: undefined })),
  };
}
