/**
 * The password rule, the same in the server, the CLI and the web forms: at least
 * `MIN_PASSWORD_LENGTH` characters, and a zxcvbn-ts strength score of at least
 * `MIN_PASSWORD_SCORE` (0–4) against its common and Dutch (nl-BE) dictionaries, with the
 * account's e-mail address and name counted as words an attacker would try first.
 *
 * `judgePassword` is pure: it takes the estimator as an argument. `loadPasswordEstimator` builds
 * that estimator once, importing zxcvbn and its dictionaries (a few megabytes) only when first
 * asked, so the web app loads them in their own chunk when a password form opens.
 */

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's warning ids (its translation keys); the web app and the server word them. */
export const passwordWarnings = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
] as const;
export type PasswordWarning = (typeof passwordWarnings)[number];

export const passwordSuggestions = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
  'pwned',
] as const;
export type PasswordSuggestion = (typeof passwordSuggestions)[number];

/** What zxcvbn says of one password. */
export interface PasswordEstimate {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: number;
  warning: PasswordWarning | null;
  suggestions: PasswordSuggestion[];
}

/** Estimates how hard a password is to guess, knowing the words of the account (`userInputs`). */
export type PasswordEstimator = (password: string, userInputs: readonly string[]) => PasswordEstimate;

/** Who the password is for: their address and name are the first guesses of an attacker. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

export type PasswordVerdict =
  | { ok: true; score: number }
  | { ok: false; reason: 'too_short' | 'too_long'; score: null; warning: null; suggestions: [] }
  | { ok: false; reason: 'guessable'; score: number; warning: PasswordWarning | null; suggestions: PasswordSuggestion[] };

/** The words of an account that a password should not be built from: the address, its parts, the name and its parts. */
export function ownerWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const add = (word: string | null | undefined) => {
    const w = word?.trim().toLowerCase();
    if (w && w.length >= 2) words.add(w);
  };
  const email = owner.email?.trim().toLowerCase();
  if (email) {
    add(email);
    const [local, domain] = email.split('@');
    add(local);
    for (const part of local?.split(/[._+-]+/) ?? []) add(part);
    for (const part of domain?.split('.') ?? []) if (part.length > 3) add(part);
  }
  add(owner.name);
  for (const part of owner.name?.split(/\s+/) ?? []) add(part);
  return [...words];
}

/** Whether a password passes the rule, and if not, why. */
export function judgePassword(password: string, owner: PasswordOwner, estimate: PasswordEstimator): PasswordVerdict {
  // Characters as people count them: an emoji or an accented letter is one.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'too_short', score: null, warning: null, suggestions: [] };
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, reason: 'too_long', score: null, warning: null, suggestions: [] };
  const result = estimate(password, ownerWords(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score };
  return { ok: false, reason: 'guessable', score: result.score, warning: result.warning, suggestions: result.suggestions };
}

let estimator: Promise<PasswordEstimator> | undefined;

/** zxcvbn with the common and Dutch dictionaries, built once per process (or page) on first use. */
export function loadPasswordEstimator(): Promise<PasswordEstimator> {
  estimator ??= buildEstimator().catch((error: unknown) => {
    estimator = undefined;
    throw error;
  });
  return estimator;
}

async function buildEstimator(): Promise<PasswordEstimator> {
  const [{ ZxcvbnFactory }, common, dutch] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-nl-be')]);
  // Without translations zxcvbn answers with its keys, which we word ourselves in both languages.
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...dutch.dictionary },
    graphs: common.adjacencyGraphs,
    useLevenshteinDistance: true,
  });
  const warnings = new Set<string>(passwordWarnings);
  const suggestions = new Set<string>(passwordSuggestions);
  return (password, userInputs) => {
    const result = zxcvbn.check(password, [...userInputs]);
    const warning = result.feedback.warning;
    return {
      score: result.score,
      warning: warning && warnings.has(warning) ? (warning as PasswordWarning) : null,
      suggestions: result.feedback.suggestions.filter((s): s is PasswordSuggestion => suggestions.has(s)),
    };
  };
}

/** A message of the interface (a key under `password.` in src/shared/i18n) and its values. */
export interface PasswordMessage {
  key: string;
  values?: Record<string, number>;
}

/** Why a password was refused, as interface messages: the rule it broke, zxcvbn's warning, then its suggestions. */
export function passwordProblemMessages(verdict: PasswordVerdict): PasswordMessage[] {
  if (verdict.ok) return [];
  if (verdict.reason === 'too_short') return [{ key: 'password.tooShort', values: { min: MIN_PASSWORD_LENGTH } }];
  if (verdict.reason === 'too_long') return [{ key: 'password.tooLong', values: { max: MAX_PASSWORD_LENGTH } }];
  return [
    { key: 'password.guessable' },
    ...(verdict.warning ? [{ key: `password.warnings.${verdict.warning}` }] : []),
    ...verdict.suggestions.map((s) => ({ key: `password.suggestions.${s}` })),
  ];
}
