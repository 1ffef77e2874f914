import { useState } from 'react';
import type { ApiError } from '../api';
import { asApiError } from '../api';

/** Where a submit stands: `busy` while it runs, and the failure to show after it. */
export interface SubmitState {
  busy: boolean;
  failure: ApiError | undefined;
}

export interface SubmitOptions {
  /**
   * The page moves elsewhere after a success: the button stays busy until it has gone, so it
   * cannot be pressed twice meanwhile.
   */
  leavesPage?: boolean;
  /** Shows a failure some other way, e.g. beside its field; true when no alert is needed then. */
  handle?(error: ApiError): boolean | Promise<boolean>;
}

const idle: SubmitState = { busy: false, failure: undefined };

/**
 * Runs one submit and reports each state it passes through to `show`: busy, then idle again
 * or the failure, which is shown until the next submit. Resolves to whether it succeeded.
 * Kept apart from the hook so the steps can be tested without rendering.
 */
export async function submitSteps(action: () => Promise<unknown>, show: (state: SubmitState) => void, options: SubmitOptions = {}): Promise<boolean> {
  show({ busy: true, failure: undefined });
  try {
    await action();
    if (!options.leavesPage) show(idle);
    return true;
  } catch (caught) {
    const error = asApiError(caught);
    const handled = (await options.handle?.(error)) ?? false;
    show({ busy: false, failure: handled ? undefined : error });
    return false;
  }
}

/**
 * The busy flag and failure around a form's or button's request, so components do not each
 * repeat the same try/catch. `run(...args)` calls `action(...args)`; checks of the input that
 * need no request belong before `run`, with `clearFailure()` to drop an earlier failure.
 */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>, options?: SubmitOptions) {
  const [state, setState] = useState<SubmitState>(idle);
  return {
    ...state,
    run: (...args: A) => submitSteps(() => action(...args), setState, options),
    clearFailure: () => setState((current) => ({ ...current, failure: undefined })),
  };
}
