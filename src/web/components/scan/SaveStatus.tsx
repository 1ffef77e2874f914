import { useI18n } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import type { SaveState } from './useAnswerSaving';

/** "Saving…" / "Saved" in a polite live region; a failed save as an alert with a retry. */
export function SaveStatus({ save }: { save: SaveState | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <p className="save-status" aria-live="polite" data-testid="save-status">
        {save?.state === 'saving' && t('scan.saving')}
        {save?.state === 'saved' && <span className="save-ok">{t('scan.saved')}</span>}
      </p>
      {save?.state === 'failed' && <ErrorAlert error={save.error} title={t('scan.saveFailed')} onRetry={save.retry} />}
    </>
  );
}
