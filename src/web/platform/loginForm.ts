export interface LoginProblems {
  email?: 'required' | 'invalid';
  password?: 'required';
}

// Deliberately loose: the server has the last word; this only catches obvious slips early.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the login form before it goes to the server; an empty object when nothing is. */
export function validateLogin(email: string, password: string): LoginProblems {
  const problems: LoginProblems = {};
  if (!email.trim()) problems.email = 'required';
  else if (!EMAIL_SHAPE.test(email.trim())) problems.email = 'invalid';
  if (!password) problems.password = 'required';
  return problems;
}
