import { AppError } from '../../../shared/errors';
import en from '../../../shared/i18n/en.json';
import { judgePassword, loadPasswordEstimator, type PasswordOwner, passwordProblemMessages } from '../../../shared/platform/password-strength';

/**
 * Refuses a password the shared rule refuses, with `weak_password` and the reasons in English
 * (the web app words them in the reader's language from the same keys). The dictionaries are
 * loaded on the first password checked and kept for the life of the process.
 */
export async function requireStrongPassword(password: string, owner: PasswordOwner, field: string): Promise<void> {
  const verdict = judgePassword(password, owner, await loadPasswordEstimator());
  if (verdict.ok) return;
  const reasons = passwordProblemMessages(verdict).map(({ key, values }) => englishMessage(key, values));
  throw new AppError(
    'weak_password',
    `${field}: ${reasons.join(' ')}`,
    field,
    reasons.map((message) => ({ field, message })),
  );
}

function englishMessage(key: string, values: Record<string, number> = {}): string {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ''));
}
