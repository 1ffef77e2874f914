import { describe, expect, it } from 'vitest';
import type { PasswordVerdict } from '../../shared/platform/password-strength';
import { checkNewPasswordForm, hasProblems, newPasswordProblems } from './passwordForm';

describe('the new-password form', () => {
  const strong = { ok: true, score: 4 } as const;

  it('passes a strong password typed twice', () => {
    expect(newPasswordProblems({ password: 'Zonnebloem-trap-kaasboer', repeat: 'Zonnebloem-trap-kaasboer' }, strong)).toEqual({});
    expect(hasProblems({})).toBe(false);
  });

  it('asks for the current password on the change form only', () => {
    expect(newPasswordProblems({ current: '', password: 'a', repeat: 'a' }, strong)).toEqual({ current: 'required' });
    expect(newPasswordProblems({ password: 'a', repeat: 'a' }, strong)).toEqual({});
  });

  it('says when the repetition differs, but only once the password itself passes', () => {
    expect(newPasswordProblems({ password: 'Zonnebloem-trap-kaasboer', repeat: 'Zonnebloem-trap-kaasbor' }, strong)).toEqual({ repeat: 'mismatch' });
    const weak: PasswordVerdict = { ok: false, reason: 'too_short', score: null, warning: null, suggestions: [] };
    expect(newPasswordProblems({ password: 'kort', repeat: 'anders' }, weak)).toEqual({ password: [{ key: 'password.tooShort', values: { min: 12 } }] });
  });

  it('checks by the shared rule, loading its dictionaries: the reasons as interface messages', async () => {
    expect(await checkNewPasswordForm({ password: 'Zonnebloem-trap-kaasboer', repeat: 'Zonnebloem-trap-kaasboer' }, {})).toEqual({});
    const own = await checkNewPasswordForm({ password: 'an.peeters@school.be', repeat: 'an.peeters@school.be' }, { email: 'an.peeters@school.be' });
    expect(own.password?.[0]).toEqual({ key: 'password.guessable' });
    expect(own.password?.map((m) => m.key)).toContain('password.warnings.userInputs');
    const common = await checkNewPasswordForm({ current: 'x', password: 'wachtwoord123', repeat: 'wachtwoord123' }, {});
    expect(common.password?.[0]).toEqual({ key: 'password.guessable' });
  });
});
