import type { ParseKeys } from 'i18next';
import { useId } from 'react';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ErrorAlert } from '../ErrorAlert';
import { PageHeading } from '../PageHeading';
import { useSubmit } from '../useSubmit';

/** One item as the summary lists it; each scan words its items its own way. */
export interface SummaryItem {
  id: string;
  /** 1-based position in the scan: the step the links go back to. */
  number: number;
  /** The item in the review, e.g. "1.1 Professional collaboration". */
  name: string;
  /** The item in the list of open ones, where that is shorter than `name`. */
  shortName?: string;
  /** The chosen answer as the review shows it; undefined while the item is open. */
  answer: string | undefined;
  /** The text of the link back to the item, naming it for screen-reader users. */
  change: string;
}

/**
 * The i18n keys a scan words its summary with; `allAnswered` gets `{ total }`, `missing`
 * `{ count }`. What a scan does not set reads as the Digisnap scan does.
 */
export interface SummaryMessages {
  title: ParseKeys;
  allAnswered: ParseKeys;
  missing: ParseKeys;
  review: ParseKeys;
  submit: ParseKeys;
}

const digisnapMessages: SummaryMessages = {
  title: 'scan.summaryTitle',
  allAnswered: 'scan.summaryAllAnswered',
  missing: 'scan.summaryMissing',
  review: 'scan.summaryReview',
  submit: 'scan.submit',
};

interface Props {
  items: SummaryItem[];
  /** The scan's name, for the document title. */
  scanTitle: string;
  messages?: Partial<SummaryMessages>;
  stepHref(number: number): string;
  onBack(): void;
  /** Sends the answers; a failure is shown here and the button can be pressed again. */
  onSubmit(): Promise<void>;
}

/**
 * The last screen of any scan on the engine: what is still open (with links back), every
 * answer for review, and the submit button, which stays busy until the scan is in.
 */
export function ScanSummary({ items, scanTitle, messages, stepHref, onBack, onSubmit }: Props) {
  const { t } = useI18n();
  const words = { ...digisnapMessages, ...messages };
  const reviewTitleId = useId();
  const { run: submit, busy, failure } = useSubmit(onSubmit, { leavesPage: true });
  const missing = items.filter((item) => item.answer === undefined);

  return (
    <div className="scan-step" data-testid="scan-summary">
      <PageHeading title={`${t(words.title)} – ${scanTitle}`} focus>
        {t(words.title)}
      </PageHeading>
      {missing.length === 0 ? (
        <p className="lead">{t(words.allAnswered, { total: items.length })}</p>
      ) : (
        <div className="alert alert-info" data-testid="scan-unanswered">
          <p>{t(words.missing, { count: missing.length })}</p>
          <ul>
            {missing.map((item) => (
              <li key={item.id}>
                <Link href={stepHref(item.number)}>{item.shortName ?? item.name}</Link>
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
          {busy ? t('scan.submitting') : t(words.submit)}
        </button>
      </div>
      <section aria-labelledby={reviewTitleId} className="review">
        <h2 id={reviewTitleId}>{t(words.review)}</h2>
        <ul className="review-list">
          {items.map((item) => (
            <li key={item.id} className={item.answer === undefined ? 'review-missing' : undefined}>
              <span className="review-name">{item.name}</span>
              <span className="review-answer">{item.answer ?? t('scan.summaryNotAnswered')}</span>
              <Link href={stepHref(item.number)} className="review-change">
                {item.change}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
