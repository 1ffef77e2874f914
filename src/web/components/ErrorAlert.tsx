import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { useI18n } from '../i18n';

interface Props {
  error: ApiError;
  /** A short lead-in such as "Not saved." */
  title?: string;
  onRetry?: () => void;
  /** More about this failure in particular, e.g. the deadline that has passed. */
  children?: ReactNode;
}

/** A translated error, announced at once; the server's message is never shown raw. */
export function ErrorAlert({ error, title, onRetry, children }: Props) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <p>
        {title && <strong>{title} </strong>}
        {t(`errors.${error.id}`)}
        {children && <> {children}</>}
      </p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
