import { type FormEvent, useState } from 'react';
import type { Background } from '../../shared/digisnap/api';
import { PageHeading } from '../components/PageHeading';
import { SaveStatus } from '../components/scan/SaveStatus';
import type { SaveState } from '../components/scan/useAnswerSaving';
import { useI18n } from '../i18n';
import type { BackgroundQuestion } from './types';

interface Props {
  questions: BackgroundQuestion[];
  background: Background;
  total: number;
  saves: Record<string, SaveState>;
  onChoose(field: keyof Background, value: string): void;
  onNext(): void;
}

/** The optional "about you" questions before the scan; each can be left open. */
export function IntroStep({ questions, background, total, saves, onChoose, onNext }: Props) {
  const { t, text } = useI18n();
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
  };
  const [lastField, setLastField] = useState<keyof Background>();
  const choose = (field: keyof Background, value: string) => {
    setLastField(field);
    onChoose(field, value);
  };

  return (
    <form className="scan-step" onSubmit={handleSubmit} data-testid="scan-intro">
      <PageHeading title={`${t('scan.introTitle')} – ${t('scan.title')}`} focus>
        {t('scan.introTitle')}
      </PageHeading>
      <p className="lead">{t('scan.introText')}</p>
      <p>{t('scan.introTime', { total })}</p>
      {questions.map((question) => (
        <fieldset key={question.id} className="options options-compact">
          <legend className="statement">{text(question.question)}</legend>
          {question.options.map((option) => (
            <label key={option.value} className="option-card">
              <input
                type="radio"
                name={`background-${question.id}`}
                value={option.value}
                checked={background[question.id] === option.value}
                onChange={() => choose(question.id, option.value)}
              />
              <span className="option-text">{text(option.label)}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <SaveStatus save={lastField && saves[`background.${lastField}`]} />
      <div className="step-nav">
        <button type="button" className="button button-secondary" onClick={onNext} data-testid="scan-skip">
          {t('scan.skip')}
        </button>
        <button type="submit" className="button button-primary" data-testid="scan-next">
          {t('scan.start')}
        </button>
      </div>
    </form>
  );
}
