/**
 * The response tokens this browser holds, per round: the only key to a respondent's answers,
 * so a respondent can leave and come back. Kept in localStorage, forgotten after submitting.
 * A shared class computer may hold the previous pupil's token: the start page offers both
 * "continue" and "start anew".
 */
const key = (roundId: string) => `digisprong.reflection.${roundId}`;

export function storedToken(roundId: string): string | null {
  try {
    return localStorage.getItem(key(roundId));
  } catch {
    return null;
  }
}

export function rememberToken(roundId: string, token: string): void {
  try {
    localStorage.setItem(key(roundId), token);
  } catch {
    // private mode or storage full: the address still holds the token for this visit
  }
}

export function forgetToken(roundId: string): void {
  try {
    localStorage.removeItem(key(roundId));
  } catch {
    // nothing stored, nothing to forget
  }
}
