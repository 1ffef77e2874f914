import { formatDate } from '../../../shared/i18n/format';
import { reflectionEndpoints } from '../../../shared/school/reflection/endpoints';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { useEndpointQuery } from '../../serverState';
import { answerPath } from './reflectionPaths';
import { rememberToken, storedToken } from './reflectionTokens';
import type { MyReflectionRound } from './types';

/**
 * On the home page: the open reflection rounds of the user's schools that their group answers.
 * Starting makes a response that is not linked to the account; this browser keeps its token.
 */
export function MyReflections() {
  const { t } = useI18n();
  const rounds = useEndpointQuery(reflectionEndpoints.listMyReflections);
  if (rounds.error) return <ErrorAlert error={rounds.error} onRetry={rounds.reload} />;
  const items = rounds.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card card-accent" aria-labelledby="my-reflections-title" data-testid="my-reflections">
      <h2 id="my-reflections-title">{t('reflection.mine.title')}</h2>
      <p>{t('reflection.mine.intro')}</p>
      <ul className="result-list">
        {items.map((round) => (
          <MyRound key={round.roundId} round={round} />
        ))}
      </ul>
    </section>
  );
}

function MyRound({ round }: { round: MyReflectionRound }) {
  const { t, text, locale } = useI18n();
  const token = round.status === 'started' ? storedToken(round.roundId) : null;
  const {
    run: start,
    busy,
    failure,
  } = useSubmit(
    async () => {
      const started = await call(reflectionEndpoints.startReflectionResponse, { params: { roundId: round.roundId } });
      rememberToken(round.roundId, started.token);
      navigate(answerPath(started.token));
    },
    { leavesPage: true },
  );

  const name = text(round.instrument.name);
  return (
    <li data-testid="my-reflection">
      <p>
        <strong>{name}</strong> – {round.schoolName}. {t('reflection.mine.facts', { group: t(`reflection.mine.asOne.${round.group}`), date: formatDate(round.closesOn, locale) })}
      </p>
      {round.status === 'completed' ? (
        <p className="completed-note">{t('reflection.mine.completed')}</p>
      ) : token ? (
        <Link href={answerPath(token)} className="button button-primary">
          {t('reflection.mine.continue', { name })}
        </Link>
      ) : (
        <>
          {round.status === 'started' && <p className="muted">{t('reflection.mine.lostToken')}</p>}
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void start()} data-testid="my-reflection-start">
            {t('reflection.mine.start', { name })}
          </button>
        </>
      )}
      {failure && <ErrorAlert error={failure} />}
    </li>
  );
}
