import { type FormEvent, useRef, useState } from 'react';
import { authEndpoints } from '../../shared/platform/endpoints';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { NewPasswordFields } from './NewPasswordFields';
import { checkNewPasswordForm, hasProblems, type NewPasswordProblems } from './passwordForm';

/** The page behind the link of a reset mail: choose a new password, then log in with it. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [problems, setProblems] = useState<NewPasswordProblems>({});
  const [done, setDone] = useState(false);
  const newRef = useRef<HTMLInputElement>(null);
  const { run, busy, failure, clearFailure } = useSubmit(async (newPassword: string) => {
    await call(authEndpoints.resetPassword, { body: { token, newPassword } });
    setDone(true);
  });

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('newPassword') ?? '');
    const repeat = String(form.get('repeatPassword') ?? '');
    clearFailure();
    // The address of the account is not known here; the server checks against it too.
    const found = await checkNewPasswordForm({ password, repeat }, {});
    setProblems(found);
    if (hasProblems(found)) return newRef.current?.focus();
    await run(password);
  };

  if (done) {
    return (
      <NarrowPage title={t('resetPassword.title')}>
        <p className="alert alert-success" role="status">
          {t('resetPassword.done')}
        </p>
        <p>
          <Link href="/login" className="button button-primary">
            {t('resetPassword.toLogin')}
          </Link>
        </p>
      </NarrowPage>
    );
  }
  return (
    <NarrowPage title={t('resetPassword.title')}>
      <p className="lead">{t('resetPassword.intro')}</p>
      {failure && <ErrorAlert error={failure}>{failure.id === 'password_reset_expired' && <Link href="/wachtwoord-vergeten">{t('resetPassword.requestNew')}</Link>}</ErrorAlert>}
      <form className="card form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
        <NewPasswordFields ref={newRef} idPrefix="reset-password" problems={problems} />
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? t('resetPassword.submitting') : t('resetPassword.submit')}
        </button>
      </form>
    </NarrowPage>
  );
}
