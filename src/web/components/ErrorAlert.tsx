import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { useI18n } from '../i18n';

interface Props {
  error: ApiError;
  /** A short lead-in such as "Not saved." */
  title?: string;
  /** Offered only where a second try can help: never for a refusal (403) or something not there (404). */
  onRetry?: () => void;
  /** This screen's own words for the failure, in place of the error id's general text. */
  message?: string;
  /** More about this failure in particular, e.g. the deadline that has passed. */
  children?: ReactNode;
}

/** A translated error, announced at once; the server's message is never shown raw. */
export function ErrorAlert({ error, title, onRetry, message, children }: Props) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <p>
        {title && <strong>{title} </strong>}
        {message ?? t(`errors.${error.id}`)}
        {children && <> {children}</>}
      </p>
      {onRetry && error.status !== 403 && error.status !== 404 && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
