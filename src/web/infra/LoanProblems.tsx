import type { ApiError } from '../api';
import { useI18n } from '../i18n';
import { lineOfField } from './loanView';

/** Every line a bulk loan or return was refused for, with its tag: nothing was written. */
export function LoanProblems({ error, tags }: { error: ApiError; tags: readonly string[] }) {
  const { t } = useI18n();
  const details = error.details ?? [];
  return (
    <div className="alert alert-error" role="alert" data-testid="loan-problems">
      <p>
        <strong>{t('loans.rejected', { count: details.length })}</strong> {t('errors.loans_rejected')}
      </p>
      <ul>
        {details.map((detail, index) => {
          const line = lineOfField(detail.field);
          return (
            <li key={index}>
              {line !== null && `${t('import.line', { line })} (${tags[line - 1] ?? ''}): `}
              {/* the API writes its messages in English */}
              <span lang="en">{detail.message.replace(/^line \d+: /, '')}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
