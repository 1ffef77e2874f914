import { useState } from 'react';
import { schoolEndpoints } from '../../shared/school/endpoints';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { IdentityProviderLogin } from '../platform/IdentityProviderLogin';
import { useSession } from '../platform/session';
import { Link } from '../router';
import type { JoinResult } from './types';

/** The page behind a school's join link: a logged-in teacher joins the team with one click. */
export function JoinPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [joined, setJoined] = useState<JoinResult>();
  const { run: join, busy, failure } = useSubmit(async () => setJoined(await call(schoolEndpoints.joinSchool, { params: { code } })));

  return (
    <NarrowPage title={t('join.title')}>
      {joined ? (
        <>
          <p className="alert alert-success" role="status">
            {t('join.joined', { school: joined.schoolName })}
          </p>
          <p>
            <Link className="button button-primary" href="/scan">
              {t('join.toScan')}
            </Link>
          </p>
        </>
      ) : user ? (
        <>
          {failure && <ErrorAlert error={failure} />}
          {/* Logging in through the provider links the account of the address it verified; back here, joining then works. */}
          {failure?.id === 'identity_provider_required' && <IdentityProviderLogin purpose="login" next={`/aansluiten/${code}`} />}
          <p className="lead">{t('join.intro', { code })}</p>
          <button type="button" className="button button-primary" onClick={() => void join()} disabled={busy}>
            {t('join.submit')}
          </button>
        </>
      ) : (
        <>
          <p className="lead">{t('join.loginFirst')}</p>
          <p>
            <Link className="button button-primary" href={`/login?next=${encodeURIComponent(`/aansluiten/${code}`)}`}>
              {t('join.toLogin')}
            </Link>
          </p>
        </>
      )}
    </NarrowPage>
  );
}
