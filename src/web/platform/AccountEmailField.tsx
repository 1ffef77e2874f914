import type { Ref } from 'react';
import { useI18n } from '../i18n';

/** The address of one's own account, as the login and the reset request ask it, with its problem below. */
export function AccountEmailField({ id, inputRef, problem }: { id: string; inputRef: Ref<HTMLInputElement>; problem: 'required' | 'invalid' | undefined }) {
  const { t } = useI18n();
  const problemId = `${id}-problem`;
  return (
    <div className="field">
      <label htmlFor={id}>{t('login.email')}</label>
      <input
        ref={inputRef}
        id={id}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
      />
      {problem && (
        <p id={problemId} className="field-problem">
          {t(problem === 'required' ? 'login.emailRequired' : 'login.emailInvalid')}
        </p>
      )}
    </div>
  );
}
