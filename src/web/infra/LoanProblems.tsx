import type { ApiError } from '../api';
import { issueText } from '../components/issueText';
import { useI18n } from '../i18n';
import { lineOfField } from './loanView';

/** Every line a bulk loan or return was refused for, with its tag: nothing was written. */
export function LoanProblems({ error, tags }: { error: ApiError; tags: readonly string[] }) {
  const { t, locale } = useI18n();
  const details = error.details ?? [];
  return (
    <div className="alert alert-error" role="alert" data-testid="loan-problems">
      <p>
        <strong>{t('loans.rejected', { count: details.length })}</strong> {t('errors.loans_rejected')}
      </p>
      <ul>
        {details.map((detail, index) => {
          const line = lineOfField(detail.field);
          const problem = issueText(t, locale, { ...detail, message: detail.message.replace(/^line \d+: /, '') });
          return (
            <li key={index}>
              {line !== null && `${t('import.line', { line })} (${tags[line - 1] ?? ''}): `}
              <span lang={problem.lang}>{problem.text}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
