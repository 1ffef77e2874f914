import { useState } from 'react';
import type { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { asApiError } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import type { CyberStep } from './cyberView';

interface Props {
  steps: CyberStep[];
  answers: Record<string, number>;
  /** The chosen option's label for an answered measure. */
  optionText(itemId: string): string;
  stepHref(number: number): string;
  onBack(): void;
  onSubmit(): Promise<void>;
}

/** The last screen: the measures still open (with links back), every answer for review, and submit. */
export function CyberSummaryStep({ steps, answers, optionText, stepHref, onBack, onSubmit }: Props) {
  const { t, text } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const missing = steps.filter((step) => answers[step.item.id] === undefined);
  const label = (step: CyberStep) => `${step.item.number}. ${text(step.topic.name)}: ${text(step.item.statement)}`;

  const handleSubmit = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit();
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  };

  return (
    <div className="scan-step" data-testid="scan-summary">
      <PageHeading title={`${t('cyber.summaryTitle')} – ${t('cyber.title')}`} focus>
        {t('cyber.summaryTitle')}
      </PageHeading>
      {missing.length === 0 ? (
        <p className="lead">{t('cyber.summaryAllAnswered', { total: steps.length })}</p>
      ) : (
        <div className="alert alert-info" data-testid="scan-unanswered">
          <p>{t('cyber.summaryMissing', { count: missing.length })}</p>
          <ul>
            {missing.map((step) => (
              <li key={step.item.id}>
                <Link href={stepHref(step.item.number)}>{label(step)}</Link>
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
        <button type="button" className="button button-primary" onClick={handleSubmit} disabled={busy} data-testid="scan-submit">
          {busy ? t('scan.submitting') : t('cyber.submit')}
        </button>
      </div>
      <section aria-labelledby="cyber-review-title" className="review">
        <h2 id="cyber-review-title">{t('cyber.summaryReview')}</h2>
        <ul className="review-list">
          {steps.map((step) => {
            const answered = answers[step.item.id] !== undefined;
            return (
              <li key={step.item.id} className={answered ? undefined : 'review-missing'}>
                <span className="review-name">{label(step)}</span>
                <span className="review-answer">{answered ? optionText(step.item.id) : t('scan.summaryNotAnswered')}</span>
                <Link href={stepHref(step.item.number)} className="review-change">
                  {t('cyber.summaryChange', { number: step.item.number })}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
