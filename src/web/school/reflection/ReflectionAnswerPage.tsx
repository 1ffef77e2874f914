import { useCallback, useMemo } from 'react';
import { reflectionEndpoints } from '../../../shared/school/reflection/endpoints';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { ItemStep } from '../../components/scan/ItemStep';
import { useAnswerSaving } from '../../components/scan/useAnswerSaving';
import { useScanSteps } from '../../components/scan/useScanSteps';
import { useI18n } from '../../i18n';
import { useSession } from '../../platform/session';
import { Link, navigate } from '../../router';
import { useEndpointQuery } from '../../serverState';
import { ReflectionSummary } from './ReflectionSummary';
import { answerPath, codeEntryPath } from './reflectionPaths';
import { forgetToken } from './reflectionTokens';
import { respondentSteps } from './reflectionView';
import type { ReflectionResponse } from './types';

/**
 * `/reflectie/antwoorden/:token?step=…`: answering one response, one statement per screen, for
 * pupils and account holders alike; the token in the address is the only key to the answers.
 */
export function ReflectionAnswerPage({ token }: { token: string }) {
  const { t } = useI18n();
  const loaded = useEndpointQuery(reflectionEndpoints.getReflectionResponse, { params: { token } });

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) {
    return (
      <NarrowPage title={t('reflection.answer.title')}>
        {loaded.error?.id === 'not_found' ? (
          <p className="alert alert-error" role="alert">
            {t('reflection.answer.unknown')}
          </p>
        ) : (
          loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
        )}
      </NarrowPage>
    );
  }
  const response = loaded.data;
  if (response.submitted) return <ThankYou response={response} />;
  return <AnswerFlow token={token} response={response} onSubmitted={loaded.setData} />;
}

function AnswerFlow({ token, response, onSubmitted }: { token: string; response: ReflectionResponse; onSubmitted(response: ReflectionResponse): void }) {
  const { t, text } = useI18n();
  const steps = useMemo(() => respondentSteps(response.questionnaire), [response.questionnaire]);
  const ids = useMemo(() => steps.map((step) => step.id), [steps]);
  const save = useCallback((itemId: string, option: number) => call(reflectionEndpoints.answerReflectionItem, { params: { token, item: itemId }, body: { option } }), [token]);
  const saving = useAnswerSaving(response.answers, save);
  const { step, total, next, itemProps, summaryProps } = useScanSteps({ path: answerPath(token), codes: ids, saving, openedWith: response.answers });
  const scanTitle = text(response.round.instrument.name);

  if (!step) return null;
  return (
    <section className="page page-scan reflection-answer-page">
      {step.kind === 'intro' && <Intro response={response} total={total} onNext={next} />}
      {step.kind === 'item' && (
        <ItemStep
          key={step.number}
          item={steps[step.number - 1]}
          eyebrow={t('reflection.answer.section', {
            number: steps[step.number - 1].sectionNumber,
            total: steps[step.number - 1].sections,
            name: text(steps[step.number - 1].sectionName),
          })}
          heading={t('reflection.answer.statementNumber', { number: step.number, total })}
          scanTitle={scanTitle}
          {...itemProps(step.number)}
        />
      )}
      {step.kind === 'summary' && (
        <ReflectionSummary
          steps={steps}
          answers={saving.answers}
          scanTitle={scanTitle}
          {...summaryProps}
          onSubmit={async () => {
            await saving.settled();
            const submitted = await call(reflectionEndpoints.submitReflectionResponse, { params: { token } });
            forgetToken(response.round.id);
            onSubmitted(submitted);
            navigate(answerPath(token), { replace: true });
          }}
        />
      )}
    </section>
  );
}

/** What this is, the scale, and why nobody can see who answered what. */
function Intro({ response, total, onNext }: { response: ReflectionResponse; total: number; onNext(): void }) {
  const { t, text } = useI18n();
  const pupil = response.group === 'pupils';
  const scale = response.questionnaire.sections[0]?.items[0]?.options ?? [];
  const title = text(response.round.instrument.name);
  return (
    <div className="scan-step" data-testid="reflection-intro">
      <PageHeading title={title} focus>
        {title}
      </PageHeading>
      <p className="lead">{t(pupil ? 'reflection.answer.introPupil' : 'reflection.answer.introStaff', { school: response.round.schoolName, total })}</p>
      <p>{t(pupil ? 'reflection.answer.anonymousPupil' : 'reflection.answer.anonymousStaff')}</p>
      <h2>{t('reflection.answer.scaleTitle')}</h2>
      <ul>
        {scale.map((option, index) => (
          <li key={index}>{text(option.text)}</li>
        ))}
      </ul>
      <p className="muted">{t('reflection.answer.notApplicableHint')}</p>
      <div className="step-nav">
        <button type="button" className="button button-primary" onClick={onNext} data-testid="scan-next">
          {t('reflection.answer.begin')}
        </button>
      </div>
    </div>
  );
}

function ThankYou({ response }: { response: ReflectionResponse }) {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <NarrowPage title={t('reflection.answer.thanksTitle')} focus testId="reflection-thanks">
      <p className="lead">{t('reflection.answer.thanksText', { school: response.round.schoolName })}</p>
      <p>{t(response.group === 'pupils' ? 'reflection.answer.thanksPupil' : 'reflection.answer.thanksStaff')}</p>
      <p>
        <Link href={user ? '/' : codeEntryPath} className="button button-secondary">
          {t(user ? 'reflection.answer.toHome' : 'reflection.answer.toCodes')}
        </Link>
      </p>
    </NarrowPage>
  );
}
