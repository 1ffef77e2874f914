import { formatScore } from '../../../shared/i18n/format';
import { useI18n } from '../../i18n';

interface Props {
  current: number;
  total: number;
  answered: number;
}

/** "7 / 22" with a progress bar that assistive technology reads as such. */
export function ScanProgress({ current, total, answered }: Props) {
  const { t, locale } = useI18n();
  const position = formatScore(current, total, locale);
  return (
    <div className="scan-progress">
      <div className="scan-progress-text">
        <span data-testid="scan-position">{position}</span>
        <span className="muted">{t('scan.answeredCount', { answered, total })}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t('scan.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={current}
        aria-valuetext={t('scan.stepTitle', { current, total })}
      >
        <div className="progress-fill" style={{ width: `${total ? (current / total) * 100 : 0}%` }} />
      </div>
    </div>
  );
}
