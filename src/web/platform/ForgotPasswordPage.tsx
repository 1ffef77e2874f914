import { type FormEvent, useRef, useState } from 'react';
import { authEndpoints } from '../../shared/platform/endpoints';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { AccountEmailField } from './AccountEmailField';
import { validateLogin } from './loginForm';

/** Ask for a link to choose a new password; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [problem, setProblem] = useState<'required' | 'invalid'>();
  const [sent, setSent] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const { run, busy, failure, clearFailure } = useSubmit(async (email: string) => {
    await call(authEndpoints.requestPasswordReset, { body: { email } });
    setSent(true);
  });

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const found = validateLogin(email, '-').email;
    setProblem(found);
    clearFailure();
    setSent(false);
    if (found) return emailRef.current?.focus();
    await run(email);
  };

  return (
    <NarrowPage title={t('forgotPassword.title')}>
      <p className="lead">{t('forgotPassword.intro')}</p>
      {failure && <ErrorAlert error={failure} />}
      {sent && (
        <p className="alert alert-success" role="status">
          {t('forgotPassword.sent')}
        </p>
      )}
      <form className="card form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
        <AccountEmailField id="forgot-email" inputRef={emailRef} problem={problem} />
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
        </button>
      </form>
      <p>
        <Link href="/login">{t('forgotPassword.backToLogin')}</Link>
      </p>
    </NarrowPage>
  );
}
