import type { FormEvent, KeyboardEvent } from 'react';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import type { NumberedCompetence } from './frameworkView';
import { SaveStatus } from './SaveStatus';
import { ScanProgress } from './ScanProgress';
import type { SaveState } from './useScanAnswers';

interface Props {
  competence: NumberedCompetence;
  total: number;
  answered: number;
  answer: number | undefined;
  save: SaveState | undefined;
  onChoose(option: number): void;
  onBack(): void;
  onNext(): void;
}

/** One competence: its statement and five options as radio cards; a choice is saved at once. */
export function CompetenceStep({ competence, total, answered, answer, save, onChoose, onBack, onNext }: Props) {
  const { t, text } = useI18n();
  const isLast = competence.number === total;
  const heading = `${competence.code} ${text(competence.name)}`;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
  };
  // Enter on a focused option moves on, like Enter on "Next".
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onNext();
  };

  return (
    <form className="scan-step" onSubmit={handleSubmit} data-testid="scan-item" data-competence={competence.code}>
      <ScanProgress current={competence.number} total={total} answered={answered} />
      <PageHeading title={`${heading} – ${t('scan.title')}`} focus className="scan-heading">
        <span className="eyebrow">{t('scan.area', { number: competence.area.number, name: text(competence.area.name) })}</span>{' '}
        <span className="heading-main">{heading}</span>
      </PageHeading>
      <fieldset className="options">
        <legend className="statement">{text(competence.item.statement)}</legend>
        {competence.item.options.map((option, index) => (
          <label key={index} className="option-card">
            <input
              type="radio"
              name={`option-${competence.code}`}
              value={index}
              checked={answer === index}
              onChange={() => onChoose(index)}
              onKeyDown={handleKeyDown}
              data-testid={`option-${index}`}
            />
            <span className="option-text">{text(option.text)}</span>
          </label>
        ))}
      </fieldset>
      <SaveStatus save={save} />
      <div className="step-nav">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('scan.back')}
        </button>
        <button type="submit" className="button button-primary" data-testid="scan-next">
          {isLast ? t('scan.toSummary') : t('scan.next')}
        </button>
      </div>
    </form>
  );
}
