import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import nl from '../i18n/nl.json';
import {
  judgePassword,
  loadPasswordEstimator,
  MIN_PASSWORD_LENGTH,
  ownerWords,
  type PasswordEstimator,
  passwordProblemMessages,
  passwordSuggestions,
  passwordWarnings,
} from './password-strength';

describe('the password rule', () => {
  let estimate: PasswordEstimator;
  beforeAll(async () => {
    estimate = await loadPasswordEstimator();
  });

  /** An estimator that finds every password very strong: isolates the length rule. */
  const alwaysStrong: PasswordEstimator = () => ({ score: 4, warning: null, suggestions: [] });

  it('refuses 11 characters and accepts 12, whatever the characters, when the estimate is strong', () => {
    const char = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!é€');
    fc.assert(
      fc.property(fc.array(char, { minLength: 11, maxLength: 11 }), char, (chars, extra) => {
        const eleven = chars.join('');
        expect(judgePassword(eleven, {}, alwaysStrong)).toMatchObject({ ok: false, reason: 'too_short' });
        expect(judgePassword(eleven + extra, {}, alwaysStrong)).toMatchObject({ ok: true });
      }),
    );
  });

  it('counts characters as people do: an emoji is one', () => {
    expect(judgePassword('🙂'.repeat(MIN_PASSWORD_LENGTH - 1), {}, alwaysStrong)).toMatchObject({ reason: 'too_short' });
    expect(judgePassword('🙂'.repeat(MIN_PASSWORD_LENGTH), {}, alwaysStrong)).toMatchObject({ ok: true });
  });

  it('refuses any 11-character password, strong or not', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 11, unit: 'grapheme-ascii' }), (password) => {
        expect(judgePassword(password, {}, estimate)).toMatchObject({ ok: false, reason: 'too_short' });
      }),
      { numRuns: 50 },
    );
  });

  it('accepts a passphrase of four uncommon words, in Dutch', () => {
    const words = fc.constantFrom('zonnebloem', 'kaasboer', 'fietsbel', 'regenjas', 'schoolbord', 'vlinder', 'trompet', 'kapstok', 'paraplu', 'zandkorrel', 'vuurtoren', 'pannenkoek');
    fc.assert(
      fc.property(fc.uniqueArray(words, { minLength: 4, maxLength: 4 }), fc.constantFrom('-', ' ', '.'), (chosen, separator) => {
        expect(judgePassword(chosen.join(separator), { email: 'an.peeters@school.be', name: 'An Peeters' }, estimate)).toMatchObject({ ok: true });
      }),
      { numRuns: 30 },
    );
  });

  it('refuses the own e-mail address as password, however long', () => {
    const local = fc.stringMatching(/^[a-z]{6,14}\.[a-z]{4,12}$/);
    const domain = fc.constantFrom('school.be', 'scholengroep-gent.be', 'kaasboerderij-vlaanderen.be');
    fc.assert(
      fc.property(local, domain, (name, host) => {
        const email = `${name}@${host}`;
        expect(judgePassword(email, { email }, estimate)).toMatchObject({ ok: false, reason: 'guessable' });
      }),
      { numRuns: 25 },
    );
  });

  it('refuses common and Dutch dictionary passwords of 12 characters or more, with zxcvbn’s reasons', () => {
    for (const password of ['wachtwoord123', 'password1234', 'welkom123456', 'azertyuiopqsdf', 'aaaaaaaaaaaaaa']) {
      const verdict = judgePassword(password, {}, estimate);
      expect(verdict, password).toMatchObject({ ok: false, reason: 'guessable' });
      expect(passwordProblemMessages(verdict)[0]).toEqual({ key: 'password.guessable' });
    }
  });

  it('keeps the demo and test passwords valid', () => {
    for (const password of ['Digisnap-demo-2026', 'correct-horse-battery', 'browser-test-password', 'een-lang-wachtwoord', 'a-long-password']) {
      expect(judgePassword(password, { email: 'leerkracht@demo.digisprong.be', name: 'Leerkracht' }, estimate), password).toMatchObject({ ok: true });
    }
  });

  it('names the rule broken as interface messages', () => {
    expect(passwordProblemMessages(judgePassword('kort', {}, estimate))).toEqual([{ key: 'password.tooShort', values: { min: 12 } }]);
    expect(passwordProblemMessages(judgePassword('x'.repeat(201), {}, alwaysStrong))).toEqual([{ key: 'password.tooLong', values: { max: 200 } }]);
    expect(passwordProblemMessages({ ok: true, score: 4 })).toEqual([]);
  });

  it('has a Dutch and an English text for every reason it can give', () => {
    for (const messages of [nl, en]) {
      for (const warning of passwordWarnings) expect(messages.password.warnings[warning], warning).toBeTruthy();
      for (const suggestion of passwordSuggestions) expect(messages.password.suggestions[suggestion], suggestion).toBeTruthy();
    }
  });

  it('takes the address, its parts and the name as words of the owner', () => {
    expect(ownerWords({ email: 'An.Peeters@school.be', name: 'An Peeters' })).toEqual(['an.peeters@school.be', 'an.peeters', 'an', 'peeters', 'school', 'an peeters']);
  });
});
