import { type FormEvent, useState } from 'react';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { focusFirstProblem } from './FormField';

type Problems = Record<string, string | undefined>;

interface Opening<P extends Problems> {
  /** Prefix of the fields' ids, to focus the first one with a problem. */
  idPrefix: string;
  /** What is wrong with the form as filled in; empty when it may be sent. */
  check(): P;
  /** Sends the form; a mutation that reloads the list the new item shows up in. */
  open(): Promise<unknown>;
}

/**
 * The life of a form that opens a campaign or a reflection round: check first (and move the
 * focus to the first problem), then send once, and remember whether it worked or why not.
 */
export function useOpening<P extends Problems>({ idPrefix, check, open }: Opening<P>) {
  const [problems, setProblems] = useState<Partial<P>>({});
  const [opened, setOpened] = useState(false);
  const { busy, failure, run, clearFailure } = useSubmit(async () => {
    await open();
    setOpened(true);
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOpened(false);
    clearFailure();
    const found = check();
    setProblems(found);
    if (focusFirstProblem(idPrefix, found)) return;
    await run();
  };

  return { problems, failure, busy, opened, submit };
}

interface EndProps {
  /** Where the texts live: both forms say open, opening, not opened, overlap and opened in their own words. */
  texts: 'campaigns' | 'reflection.form';
  busy: boolean;
  failure: ApiError | undefined;
  opened: boolean;
}

/** The end of an opening form: its button, why the server refused (an overlapping one, say), and that it worked. */
export function OpeningFormEnd({ texts, busy, failure, opened }: EndProps) {
  const { t } = useI18n();
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t(`${texts}.opening`) : t(`${texts}.open`)}
        </button>
      </div>
      {failure && <ErrorAlert error={failure} title={t(`${texts}.notOpened`)} message={failure.id === 'conflict' ? t(`${texts}.overlap`) : undefined} />}
      {opened && (
        <p className="alert alert-success" role="status">
          {t(`${texts}.opened`)}
        </p>
      )}
    </>
  );
}
