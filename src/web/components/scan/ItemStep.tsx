import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import type { LocalisedText } from '../../../shared/platform/text';
import { useI18n } from '../../i18n';
import { PageHeading } from '../PageHeading';
import { SaveStatus } from './SaveStatus';
import { ScanProgress } from './ScanProgress';
import type { SaveState } from './useAnswerSaving';

export interface StepItem {
  id: string;
  /** 1-based position in the scan. */
  number: number;
  statement: LocalisedText;
  options: ReadonlyArray<{ text: LocalisedText; description?: LocalisedText; notApplicable?: boolean }>;
}

interface Props {
  item: StepItem;
  /** The line above the heading, e.g. the area or section. */
  eyebrow: ReactNode;
  heading: string;
  /** The scan's name, for the document title. */
  scanTitle: string;
  /** Extra marks beside the statement, e.g. "key measure". */
  badge?: ReactNode;
  total: number;
  answered: number;
  answer: number | undefined;
  save: SaveState | undefined;
  onChoose(option: number): void;
  onBack(): void;
  onNext(): void;
  /** Set by Digisnap so its address and tests keep naming the competence. */
  dataAttributes?: Record<`data-${string}`, string>;
}

/**
 * One item of any scan on the engine: its statement and options as radio cards; a choice is
 * saved at once, Enter moves on, and the whole screen works from the keyboard.
 */
export function ItemStep({ item, eyebrow, heading, scanTitle, badge, total, answered, answer, save, onChoose, onBack, onNext, dataAttributes }: Props) {
  const { t, text } = useI18n();
  const isLast = item.number === total;

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
    <form className="scan-step" onSubmit={handleSubmit} data-testid="scan-item" data-item={item.id} {...dataAttributes}>
      <ScanProgress current={item.number} total={total} answered={answered} />
      <PageHeading title={`${heading} – ${scanTitle}`} focus className="scan-heading">
        <span className="eyebrow">{eyebrow}</span> <span className="heading-main">{heading}</span>
      </PageHeading>
      {badge}
      <fieldset className="options">
        <legend className="statement">{text(item.statement)}</legend>
        {item.options.map((option, index) => (
          <label key={index} className={option.notApplicable ? 'option-card option-not-applicable' : 'option-card'}>
            <input
              type="radio"
              name={`option-${item.id}`}
              value={index}
              checked={answer === index}
              onChange={() => onChoose(index)}
              onKeyDown={handleKeyDown}
              data-testid={`option-${index}`}
            />
            <span className="option-text">
              {text(option.text)}
              {option.description && <span className="option-description">{text(option.description)}</span>}
            </span>
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
