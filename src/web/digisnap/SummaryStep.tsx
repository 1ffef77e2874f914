import { useState } from 'react';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { NumberedCompetence } from './frameworkView';
import type { Framework } from './types';
import { levelName } from './frameworkView';

interface Props {
  framework: Framework;
  competences: NumberedCompetence[];
  answers: Record<string, number>;
  stepHref(number: number): string;
  onBack(): void;
  onSubmit(): Promise<void>;
}

/** The last screen: what is still open (with links back) and the submit button. */
export function SummaryStep({ framework, competences, answers, stepHref, onBack, onSubmit }: Props) {
  const { t, text } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const missing = competences.filter((competence) => answers[competence.code] === undefined);

  const handleSubmit = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit();
    } catch (error) {
      setFailure(error as ApiError);
      setBusy(false);
    }
  };

  const chosenLevel = (competence: NumberedCompetence) => {
    const option = competence.item.options[answers[competence.code]];
    return option ? `${option.level} ${text(levelName(framework, option.level))}` : '';
  };

  return (
    <div className="scan-step" data-testid="scan-summary">
      <PageHeading title={`${t('scan.summaryTitle')} – ${t('scan.title')}`} focus>
        {t('scan.summaryTitle')}
      </PageHeading>
      {missing.length === 0 ? (
        <p className="lead">{t('scan.summaryAllAnswered', { total: competences.length })}</p>
      ) : (
        <div className="alert alert-info" data-testid="scan-unanswered">
          <p>{t('scan.summaryMissing', { count: missing.length })}</p>
          <ul>
            {missing.map((competence) => (
              <li key={competence.code}>
                <Link href={stepHref(competence.number)}>
                  {competence.code} {text(competence.name)}
                </Link>
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
          {busy ? t('scan.submitting') : t('scan.submit')}
        </button>
      </div>
      <section aria-labelledby="review-title" className="review">
        <h2 id="review-title">{t('scan.summaryReview')}</h2>
        <ul className="review-list">
          {competences.map((competence) => {
            const answered = answers[competence.code] !== undefined;
            return (
              <li key={competence.code} className={answered ? undefined : 'review-missing'}>
                <span className="review-name">
                  {competence.code} {text(competence.name)}
                </span>
                <span className="review-answer">
                  {answered ? t('scan.summaryAnswered', { level: chosenLevel(competence) }) : t('scan.summaryNotAnswered')}
                </span>
                <Link href={stepHref(competence.number)} className="review-change">
                  {t('scan.summaryChange', { code: competence.code })}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
