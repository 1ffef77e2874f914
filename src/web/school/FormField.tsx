import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** What a field's control needs to be tied to its label, hint and problem. */
export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  problem?: string;
  optional?: boolean;
  children(control: FieldControlProps): ReactNode;
}

/**
 * A labelled form field with its hint and problem, announced with the control through
 * aria-describedby; the control gets its props from `children`, so any input fits.
 */
export function FormField({ id, label, hint, problem, optional = false, children }: Props) {
  const { t } = useI18n();
  const describedBy = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy })}
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Focuses the first field with a problem, as the other forms do, so keyboard users land on it. */
export function focusFirstProblem(prefix: string, problems: Record<string, string | undefined>): boolean {
  const first = Object.keys(problems).find((key) => problems[key]);
  if (first) document.getElementById(`${prefix}-${first}`)?.focus();
  return first !== undefined;
}
