import { useState } from 'react';
import type { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { asApiError } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import type { RespondentStep } from './reflectionView';

interface Props {
  steps: RespondentStep[];
  answers: Record<string, number>;
  scanTitle: string;
  stepHref(number: number): string;
  onBack(): void;
  onSubmit(): Promise<void>;
}

/** The last screen: what is still open (with links back), every answer to check, and the submit button. */
export function ReflectionSummary({ steps, answers, scanTitle, stepHref, onBack, onSubmit }: Props) {
  const { t, text } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const missing = steps.filter((step) => answers[step.id] === undefined);

  const submit = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit();
    } catch (caught) {
      setFailure(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <div className="scan-step" data-testid="scan-summary">
      <PageHeading title={`${t('scan.summaryTitle')} – ${scanTitle}`} focus>
        {t('scan.summaryTitle')}
      </PageHeading>
      {missing.length === 0 ? (
        <p className="lead">{t('reflection.answer.allAnswered', { total: steps.length })}</p>
      ) : (
        <div className="alert alert-info" data-testid="scan-unanswered">
          <p>{t('reflection.answer.missing', { count: missing.length })}</p>
          <ul>
            {missing.map((step) => (
              <li key={step.id}>
                <Link href={stepHref(step.number)}>{t('reflection.answer.statementNumber', { number: step.number, total: steps.length })}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && <ErrorAlert error={failure} />}
      <div className="step-nav">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('scan.back')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void submit()} disabled={busy} data-testid="scan-submit">
          {busy ? t('scan.submitting') : t('reflection.answer.submit')}
        </button>
      </div>
      <section aria-labelledby="review-title" className="review">
        <h2 id="review-title">{t('scan.summaryReview')}</h2>
        <ul className="review-list">
          {steps.map((step) => {
            const chosen = step.options[answers[step.id]];
            return (
              <li key={step.id} className={chosen ? undefined : 'review-missing'}>
                <span className="review-name">{text(step.statement)}</span>
                <span className="review-answer">{chosen ? text(chosen.text) : t('scan.summaryNotAnswered')}</span>
                <Link href={stepHref(step.number)} className="review-change">
                  {t('reflection.answer.change', { number: step.number })}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
