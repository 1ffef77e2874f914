import { formatDate } from '../../../shared/i18n/format';
import { reflectionEndpoints } from '../../../shared/school/reflection/endpoints';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { useEndpointQuery } from '../../serverState';
import { answerPath, codeEntryPath } from './reflectionPaths';
import { rememberToken, storedToken } from './reflectionTokens';

/** `/reflectie/:code`: what the class code opens, and the button that starts (or continues) a pupil's answers. */
export function ClassCodePage({ code }: { code: string }) {
  const { t, text, locale } = useI18n();
  const info = useEndpointQuery(reflectionEndpoints.getReflectionCode, { params: { code } });
  const {
    run: start,
    busy,
    failure,
  } = useSubmit(
    async (roundId: string) => {
      const { token } = await call(reflectionEndpoints.startPupilReflection, { params: { code } });
      rememberToken(roundId, token);
      // This page welcomed the pupil already: straight to the first sentence, one "Beginnen" only.
      navigate(`${answerPath(token)}?step=1`);
    },
    { leavesPage: true },
  );

  if (info.loading && !info.data) return <Loading />;
  if (info.error || !info.data) {
    return (
      <NarrowPage title={t('reflection.pupil.entryTitle')}>
        {info.error?.id === 'not_found' ? (
          <p className="alert alert-error" role="alert">
            {t('reflection.pupil.unknownCode')}
          </p>
        ) : (
          info.error && <ErrorAlert error={info.error} onRetry={info.reload} />
        )}
        <p>
          <Link href={codeEntryPath}>{t('reflection.pupil.otherCode')}</Link>
        </p>
      </NarrowPage>
    );
  }
  const { round, label } = info.data;
  const resumable = storedToken(round.id);
  const title = text(round.instrument.name);
  return (
    <NarrowPage title={title} testId="class-code-page">
      <p className="lead">{t('reflection.pupil.welcome', { school: round.schoolName, label })}</p>
      <p>{t('reflection.pupil.anonymous')}</p>
      {round.status === 'open' ? (
        <>
          <p className="muted">{t('reflection.pupil.until', { date: formatDate(round.closesOn, locale) })}</p>
          <div className="actions">
            {resumable && (
              <Link href={answerPath(resumable)} className="button button-primary button-large">
                {t('reflection.pupil.continue')}
              </Link>
            )}
            <button
              type="button"
              className={`button button-large ${resumable ? 'button-secondary' : 'button-primary'}`}
              disabled={busy}
              onClick={() => void start(round.id)}
              data-testid="pupil-start"
            >
              {resumable ? t('reflection.pupil.startNew') : t('reflection.pupil.start')}
            </button>
          </div>
          {resumable && <p className="muted">{t('reflection.pupil.sharedDevice')}</p>}
        </>
      ) : (
        <p className="alert alert-info" role="status">
          {t(round.status === 'closed' ? 'reflection.pupil.closed' : 'reflection.pupil.notYet')}
        </p>
      )}
      {failure && <ErrorAlert error={failure} />}
    </NarrowPage>
  );
}
