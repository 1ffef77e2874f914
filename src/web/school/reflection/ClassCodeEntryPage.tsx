import { type FormEvent, useState } from 'react';
import { NarrowPage } from '../../components/NarrowPage';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { FormField } from '../FormField';
import { classCodePath } from './reflectionPaths';

/** `/reflectie`: where a pupil types the class code the teacher gave; no account, no name. */
export function ClassCodeEntryPage() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (cleaned.length !== 8) {
      setProblem(t('reflection.pupil.codeProblem'));
      document.getElementById('class-code')?.focus();
      return;
    }
    navigate(classCodePath(`${cleaned.slice(0, 4)}-${cleaned.slice(4)}`));
  };

  return (
    <NarrowPage title={t('reflection.pupil.entryTitle')}>
      <p className="lead">{t('reflection.pupil.entryIntro')}</p>
      <form className="form card" noValidate onSubmit={submit}>
        <FormField id="class-code" label={t('reflection.pupil.codeLabel')} hint={t('reflection.pupil.codeHint')} problem={problem}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </FormField>
        <button type="submit" className="button button-primary">
          {t('reflection.pupil.codeGo')}
        </button>
      </form>
    </NarrowPage>
  );
}
