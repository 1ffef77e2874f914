import type { RefObject } from 'react';

interface Props {
  id: string;
  label: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Shown, and announced with the field, when the user pressed go without choosing a file. */
  missingMessage: string | null;
  onChange(): void;
}

/** A file input for a CSV upload, with the message for a missing file tied to it. */
export function CsvFileField({ id, label, inputRef, missingMessage, onChange }: Props) {
  const problemId = `${id}-problem`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept=".csv,text/csv"
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
