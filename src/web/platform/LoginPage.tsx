import { type FormEvent, useRef, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { AccountEmailField } from './AccountEmailField';
import { IdentityProviderLogin, useReturnedError } from './IdentityProviderLogin';
import { type LoginProblems, validateLogin } from './loginForm';
import { useSession } from './session';

/** Where to go after logging in: `?next=` when it is a path of this app, the start page otherwise. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { login, expired } = useSession();
  const { query } = useLocation();
  const [problems, setProblems] = useState<LoginProblems>({});
  const { run, busy, failure, clearFailure } = useSubmit(
    async (email: string, password: string) => {
      await login(email, password);
      navigate(safeNext(query.get('next')));
    },
    { leavesPage: true },
  );
  // A login at the identity provider that failed comes back here with its error id.
  const returned = useReturnedError();
  const shownFailure = failure ?? returned;
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const found = validateLogin(email, password);
    setProblems(found);
    clearFailure();
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    if (!(await run(email, password))) passwordRef.current?.select();
  };

  return (
    <section className="page page-narrow">
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      <p className="lead">{t('login.intro')}</p>
      {expired && !shownFailure && (
        <p className="alert alert-info" role="status">
          {t('auth.sessionExpired')}
        </p>
      )}
      {shownFailure && <ErrorAlert error={shownFailure} />}
      <IdentityProviderLogin purpose="login" next={safeNext(query.get('next'))} />
      <form className="card form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
        <AccountEmailField id="login-email" inputRef={emailRef} problem={problems.email} />
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            ref={passwordRef}
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={problems.password ? true : undefined}
            aria-describedby={problems.password ? 'login-password-problem' : undefined}
          />
          {problems.password && (
            <p id="login-password-problem" className="field-problem">
              {t('login.passwordRequired')}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p>
        <Link href="/wachtwoord-vergeten">{t('forgotPassword.link')}</Link>
      </p>
    </section>
  );
}
