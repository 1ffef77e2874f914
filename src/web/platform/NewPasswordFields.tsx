import { forwardRef, useEffect } from 'react';
import { useI18n } from '../i18n';
import { type NewPasswordProblems, preloadPasswordRule } from './passwordForm';

interface Props {
  /** The prefix of the fields' ids: `change-password`, `reset-password`. */
  idPrefix: string;
  problems: NewPasswordProblems;
}

/**
 * The new password and its repetition, with the rule as a hint and, after a check, the reasons
 * a password is refused. Opening the form starts loading the rule's dictionaries.
 */
export const NewPasswordFields = forwardRef<HTMLInputElement, Props>(function NewPasswordFields({ idPrefix, problems }, passwordRef) {
  const { t } = useI18n();
  useEffect(preloadPasswordRule, []);
  const hintId = `${idPrefix}-new-hint`;
  const problemId = `${idPrefix}-new-problem`;
  const repeatProblemId = `${idPrefix}-repeat-problem`;
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-new`}>{t('changePassword.new')}</label>
        <p id={hintId} className="field-hint">
          {t('password.hint')}
        </p>
        <input
          ref={passwordRef}
          id={`${idPrefix}-new`}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={problems.password ? true : undefined}
          aria-describedby={[hintId, problems.password ? problemId : ''].filter(Boolean).join(' ')}
        />
        {problems.password && (
          <div id={problemId} className="field-problem">
            {problems.password.map(({ key, values }) => (
              // biome-ignore lint/suspicious/noExplicitAny: the keys come from the shared rule, which names keys of the i18n files
              <p key={key}>{t(key as any, values) as string}</p>
            ))}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-repeat`}>{t('changePassword.repeat')}</label>
        <input
          id={`${idPrefix}-repeat`}
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={problems.repeat ? true : undefined}
          aria-describedby={problems.repeat ? repeatProblemId : undefined}
        />
        {problems.repeat && (
          <p id={repeatProblemId} className="field-problem">
            {t('changePassword.repeatMismatch')}
          </p>
        )}
      </div>
    </>
  );
});
