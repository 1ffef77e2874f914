import { useEffect, useState } from 'react';
import { digisnapEndpoints } from '../../shared/digisnap/endpoints';
import { type ApiError, asApiError, call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { navigate } from '../router';

/** `/scan`: starts a scan, or finds the one in progress, and moves on to `/scan/:id`. */
export function ScanStartPage() {
  const { t } = useI18n();
  const [failure, setFailure] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    call(digisnapEndpoints.startScan)
      .then((scan) => active && navigate(`/scan/${encodeURIComponent(scan.id)}`, { replace: true }))
      .catch((error: unknown) => active && setFailure(asApiError(error)));
    return () => {
      active = false;
    };
  }, [attempt]);

  return (
    <section className="page page-narrow">
      <PageHeading title={t('scan.title')}>{t('scan.title')}</PageHeading>
      {failure ? (
        <ErrorAlert
          error={failure}
          onRetry={() => {
            setFailure(undefined);
            setAttempt((n) => n + 1);
          }}
        />
      ) : (
        <Loading label={t('scan.starting')} />
      )}
    </section>
  );
}
