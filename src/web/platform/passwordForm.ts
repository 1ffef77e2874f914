import { judgePassword, loadPasswordEstimator, type PasswordMessage, type PasswordOwner, type PasswordVerdict, passwordProblemMessages } from '../../shared/platform/password-strength';

/** What is wrong with a form that sets a new password; an empty object when nothing is. */
export interface NewPasswordProblems {
  /** `wrong` comes from the server's answer. */
  current?: 'required' | 'wrong';
  /** Why the new password is refused, as messages under `password.` in the i18n files. */
  password?: PasswordMessage[];
  repeat?: 'mismatch';
}

export interface NewPasswordInput {
  /** Only on the change form: the current password. */
  current?: string;
  password: string;
  repeat: string;
}

/**
 * Checks a new-password form by the same rule as the server (`judgePassword`), so a weak
 * password is explained before anything is sent. The rule's dictionaries are loaded on the
 * first check, in their own chunk.
 */
export async function checkNewPasswordForm(input: NewPasswordInput, owner: PasswordOwner): Promise<NewPasswordProblems> {
  return newPasswordProblems(input, judgePassword(input.password, owner, await loadPasswordEstimator()));
}

/** The problems of the form, given the rule's verdict on its new password: pure, for the tests. */
export function newPasswordProblems(input: NewPasswordInput, verdict: PasswordVerdict): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  if (input.current !== undefined && !input.current) problems.current = 'required';
  if (!verdict.ok) problems.password = passwordProblemMessages(verdict);
  else if (input.repeat !== input.password) problems.repeat = 'mismatch';
  return problems;
}

/** Whether the form may be sent. */
export const hasProblems = (problems: NewPasswordProblems): boolean => Object.keys(problems).length > 0;

/** Starts loading the rule's dictionaries, so the first check does not wait for them. */
export function preloadPasswordRule(): void {
  void loadPasswordEstimator().catch(() => undefined);
}
