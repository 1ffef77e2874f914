import { forwardRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n';

/** Form fields with their label, hint and problem wired together for assistive technology. */

interface FieldFrame {
  id: string;
  label: string;
  hint?: string;
  problem?: string;
  optional?: boolean;
}

function describedBy({ id, hint, problem }: FieldFrame): string | undefined {
  return [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
}

function Frame({ frame, children }: { frame: FieldFrame; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={frame.id}>
        {frame.label}
        {frame.optional && <span className="field-optional"> {t('form.optional')}</span>}
      </label>
      {frame.hint && (
        <p id={`${frame.id}-hint`} className="field-hint">
          {frame.hint}
        </p>
      )}
      {children}
      {frame.problem && (
        <p id={`${frame.id}-problem`} className="field-problem">
          {frame.problem}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps extends FieldFrame {
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  type?: 'text' | 'url' | 'number' | 'datetime-local';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'url';
  autoComplete?: string;
  maxLength?: number;
}

export function TextField({ value, onChange, multiline, type = 'text', inputMode, autoComplete, maxLength, ...frame }: TextFieldProps) {
  const common = {
    id: frame.id,
    value,
    maxLength,
    'aria-invalid': frame.problem ? true : undefined,
    'aria-describedby': describedBy(frame),
    required: !frame.optional,
  };
  return (
    <Frame frame={frame}>
      {multiline ? (
        <textarea {...common} rows={6} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} autoComplete={autoComplete ?? 'off'} onChange={(event) => onChange(event.target.value)} />
      )}
    </Frame>
  );
}

interface SelectFieldProps extends FieldFrame {
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField({ value, onChange, children, ...frame }, ref) {
  return (
    <Frame frame={frame}>
      <select
        ref={ref}
        id={frame.id}
        value={value}
        required={!frame.optional}
        aria-invalid={frame.problem ? true : undefined}
        aria-describedby={describedBy(frame)}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </Frame>
  );
});

interface CheckboxGroupProps {
  id: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange(selected: string[]): void;
  problem?: string;
}

/** A required choice of one or more: a fieldset whose first box carries the group's id. */
export function CheckboxGroupField({ id, legend, options, selected, onChange, problem }: CheckboxGroupProps) {
  return (
    <fieldset className="field checkbox-group" aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend>{legend}</legend>
      <ul className="facet-options">
        {options.map((option, index) => {
          const boxId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <li key={option.value}>
              <input
                id={boxId}
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={(event) => onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))}
              />
              <label htmlFor={boxId}>{option.label}</label>
            </li>
          );
        })}
      </ul>
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

export function CheckboxField({ id, label, checked, onChange, hint }: { id: string; label: string; checked: boolean; onChange(checked: boolean): void; hint?: string }) {
  return (
    <div className="field checkbox-field">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface SummaryEntry {
  id: string;
  text: string;
}

/** "Check these fields": every problem, each a link that moves the focus to its field. */
export const ProblemSummary = forwardRef<HTMLDivElement, { entries: SummaryEntry[] }>(function ProblemSummary({ entries }, ref) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <div className="alert alert-error problem-summary" ref={ref} tabIndex={-1} data-testid="problem-summary">
      <h2>{t('form.problemsTitle', { count: entries.length })}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id + entry.text}>
            <a
              href={`#${entry.id}`}
              onClick={(event) => {
                const field = document.getElementById(entry.id);
                if (!field) return;
                event.preventDefault();
                field.focus();
                field.scrollIntoView({ block: 'center' });
              }}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
