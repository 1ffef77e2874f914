import type { Ref } from 'react';
import { useI18n } from '../i18n';
import { checkNewPasswordForm } from '../platform/passwordForm';

/** What is wrong with the name or password of an account made on the spot, worded for the reader. */
export interface NewAccountProblems {
  name?: string;
  password?: string;
}

type Translate = ReturnType<typeof useI18n>['t'];

/**
 * Checks the name and password of an account made on the spot (an invitation, a join link) by
 * the server's rule, with the address and the name as the words tried first. `isNew: false`
 * checks only that a password was typed (the existing account's).
 */
export async function checkNewAccount(t: Translate, input: { name: string; password: string; email: string; isNew: boolean }): Promise<NewAccountProblems> {
  const problems: NewAccountProblems = {};
  if (input.isNew && !input.name) problems.name = t('invitation.nameRequired');
  if (!input.password) problems.password = t('invitation.passwordRequired');
  else if (input.isNew) {
    const refused = (await checkNewPasswordForm({ password: input.password, repeat: input.password }, { email: input.email, name: input.name })).password;
    // biome-ignore lint/suspicious/noExplicitAny: the keys come from the shared rule, which names keys of the i18n files
    if (refused) problems.password = refused.map(({ key, values }) => t(key as any, values) as string).join(' ');
  }
  return problems;
}

/** The name of an account made on the spot. */
export function NewAccountNameField({ idPrefix, defaultName, problem, inputRef }: { idPrefix: string; defaultName?: string; problem?: string; inputRef: Ref<HTMLInputElement> }) {
  const { t } = useI18n();
  const id = `${idPrefix}-name`;
  return (
    <div className="field">
      <label htmlFor={id}>{t('invitation.name')}</label>
      <input
        ref={inputRef}
        id={id}
        name="name"
        autoComplete="name"
        defaultValue={defaultName ?? ''}
        required
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The password: a new account's, with the rule as a hint, or an existing account's. */
export function AccountPasswordField({ idPrefix, isNew, problem, inputRef }: { idPrefix: string; isNew: boolean; problem?: string; inputRef: Ref<HTMLInputElement> }) {
  const { t } = useI18n();
  const id = `${idPrefix}-password`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(isNew ? 'invitation.newPassword' : 'invitation.password')}</label>
      {isNew && (
        <p id={`${id}-hint`} className="field-hint">
          {t('invitation.passwordHint')}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        name="password"
        type="password"
        autoComplete={isNew ? 'new-password' : 'current-password'}
        required
        aria-invalid={problem ? true : undefined}
        aria-describedby={[isNew ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
