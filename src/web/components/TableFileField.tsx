import type { RefObject } from 'react';
import { XLSX_MEDIA_TYPE } from '../../shared/platform/endpoint';

interface Props {
  id: string;
  label: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Shown, and announced with the field, when the user pressed go without choosing a file. */
  missingMessage: string | null;
  onChange(): void;
}

/** A file input for a table upload (CSV or .xlsx), with the message for a missing file tied to it. */
export function TableFileField({ id, label, inputRef, missingMessage, onChange }: Props) {
  const problemId = `${id}-problem`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={`.csv,.xlsx,text/csv,${XLSX_MEDIA_TYPE}`}
        aria-invalid={missingMessage !== null || undefined}
        aria-describedby={missingMessage !== null ? problemId : undefined}
        onChange={onChange}
      />
      {missingMessage !== null && (
        <p id={problemId} className="field-problem">
          {missingMessage}
        </p>
      )}
    </div>
  );
}
