import { describe, expect, it } from 'vitest';
import { validateLogin } from './loginForm';

describe('validateLogin', () => {
  it('accepts a plausible email and any password', () => {
    expect(validateLogin('an@school.be', 'x')).toEqual({});
    expect(validateLogin('  an@school.be ', 'x')).toEqual({});
  });

  it('names each missing or malformed field', () => {
    expect(validateLogin('', '')).toEqual({ email: 'required', password: 'required' });
    expect(validateLogin('an.school.be', 'secret')).toEqual({ email: 'invalid' });
  });
});
