import { type FormEvent, useRef, useState } from 'react';
import { authEndpoints } from '../../shared/platform/endpoints';
import { type ApiError, call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { NewPasswordFields } from './NewPasswordFields';
import { checkNewPasswordForm, hasProblems, type NewPasswordProblems } from './passwordForm';
import { useSession } from './session';

/** Change your password: the current one, then a new one by the shared rule; other devices are logged out. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [problems, setProblems] = useState<NewPasswordProblems>({});
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);
  const { run, busy, failure, clearFailure } = useSubmit(
    async (currentPassword: string, newPassword: string) => {
      await call(authEndpoints.changePassword, { body: { currentPassword, newPassword } });
      formRef.current?.reset();
      setDone(true);
    },
    { handle: (error: ApiError) => showBesideField(error) },
  );

  /** A wrong current password is shown beside its field. */
  function showBesideField(error: ApiError): boolean {
    if (error.id !== 'invalid_credentials') return false;
    setProblems({ current: 'wrong' });
    currentRef.current?.focus();
    return true;
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const current = String(form.get('currentPassword') ?? '');
    const password = String(form.get('newPassword') ?? '');
    const repeat = String(form.get('repeatPassword') ?? '');
    clearFailure();
    setDone(false);
    const found = await checkNewPasswordForm({ current, password, repeat }, { email: user?.email, name: user?.displayName });
    setProblems(found);
    if (found.current) return currentRef.current?.focus();
    if (hasProblems(found)) return newRef.current?.focus();
    await run(current, password);
  };

  const currentProblem = problems.current === 'required' ? t('changePassword.currentRequired') : problems.current ? t('errors.invalid_credentials') : undefined;
  return (
    <NarrowPage title={t('changePassword.title')}>
      <p className="lead">{t('changePassword.intro')}</p>
      {failure && <ErrorAlert error={failure} />}
      {done && (
        <p className="alert alert-success" role="status">
          {t('changePassword.done')}
        </p>
      )}
      <form ref={formRef} className="card form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
        <input type="hidden" name="username" autoComplete="username" value={user?.email ?? ''} />
        <div className="field">
          <label htmlFor="change-password-current">{t('changePassword.current')}</label>
          <input
            ref={currentRef}
            id="change-password-current"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={currentProblem ? true : undefined}
            aria-describedby={currentProblem ? 'change-password-current-problem' : undefined}
          />
          {currentProblem && (
            <p id="change-password-current-problem" className="field-problem">
              {currentProblem}
            </p>
          )}
        </div>
        <NewPasswordFields ref={newRef} idPrefix="change-password" problems={problems} />
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? t('changePassword.submitting') : t('changePassword.submit')}
        </button>
      </form>
    </NarrowPage>
  );
}
