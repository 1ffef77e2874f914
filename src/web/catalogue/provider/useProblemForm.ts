import { type FormEvent, useRef, useState } from 'react';
import { useSubmit } from '../../components/useSubmit';
import { type FieldProblems, fieldProblemsOf } from './formProblems';

interface ProblemFormOptions<V> {
  initial(): V;
  /** The form's own checks; the request goes out only when they find nothing. */
  check(values: V): FieldProblems;
  save(values: V): Promise<unknown>;
}

/**
 * The values of a provider form, and its problems: found by `check` or named by the server's
 * refusal, shown beside their fields and in the summary, which takes the focus. Any other
 * failure comes back as `failure`, for an alert.
 */
export function useProblemForm<V extends object>({ initial, check, save }: ProblemFormOptions<V>) {
  const [values, setValues] = useState<V>(initial);
  const [problems, setProblems] = useState<FieldProblems>({});
  const summaryRef = useRef<HTMLDivElement>(null);

  /** Shows problems beside their fields, the form's own or the server's; false when there are none. */
  const showProblems = (found: FieldProblems | undefined) => {
    if (!found) return false;
    setProblems(found);
    requestAnimationFrame(() => summaryRef.current?.focus());
    return true;
  };
  const { run, busy, failure, clearFailure } = useSubmit(() => save(values), { handle: (error) => showProblems(fieldProblemsOf(error)) });

  return {
    values,
    problems,
    summaryRef,
    busy,
    failure,
    set:
      <K extends keyof V>(key: K) =>
      (value: V[K]) =>
        setValues((current) => ({ ...current, [key]: value })),
    handleSubmit: async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      clearFailure();
      const found = check(values);
      if (Object.keys(found).length > 0) return showProblems(found);
      setProblems({});
      await run();
    },
  };
}
