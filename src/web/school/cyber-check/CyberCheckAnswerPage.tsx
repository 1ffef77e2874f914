import { useCallback, useMemo } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { cyberCheckEndpoints } from '../../../shared/school/cyber-check/endpoints';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FactList } from '../../components/FactList';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { ItemStep } from '../../components/scan/ItemStep';
import { useAnswerSaving } from '../../components/scan/useAnswerSaving';
import { useScanSteps } from '../../components/scan/useScanSteps';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { useCombinedQuery } from '../../serverState';
import { SchoolNav } from '../SchoolNav';
import { CyberSummaryStep } from './CyberSummaryStep';
import { cyberCheckPath, cyberPath, cyberResultPath } from './cyberPaths';
import { type CyberStep, cyberSteps, targetLabel } from './cyberView';
import { ParkFactsNote } from './ParkFactsNote';
import type { CyberCheck, CyberCheckInstrument } from './types';

/** `/school/:schoolId/cybercheck/:checkId?step=…`: one measure per screen; the address names the screen. */
export function CyberCheckAnswerPage({ schoolId, checkId }: { schoolId: string; checkId: string }) {
  const { t } = useI18n();
  const loaded = useCombinedQuery(['getCyberCheck', 'getCyberCheckInstrument'], [schoolId, checkId], async () => {
    const check = await call(cyberCheckEndpoints.getCyberCheck, { params: { schoolId, checkId } });
    return { check, instrument: await call(cyberCheckEndpoints.getCyberCheckInstrument, { params: { version: check.instrumentVersion } }) };
  });

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) {
    return (
      <NarrowPage title={t('cyber.title')}>
        <SchoolNav schoolId={schoolId} />
        {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}
      </NarrowPage>
    );
  }
  const { check, instrument } = loaded.data;
  if (check.status === 'submitted') {
    return (
      <NarrowPage title={t('cyber.submittedTitle')}>
        <SchoolNav schoolId={schoolId} />
        <p>{t('cyber.submittedText')}</p>
        <p>
          <Link href={cyberResultPath(schoolId, check.id)} className="button button-primary">
            {t('cyber.toResult')}
          </Link>
        </p>
      </NarrowPage>
    );
  }
  return <CheckFlow check={check} instrument={instrument} />;
}

function CheckFlow({ check, instrument }: { check: CyberCheck; instrument: CyberCheckInstrument }) {
  const { t } = useI18n();
  const steps = useMemo(() => cyberSteps(instrument), [instrument]);
  const ids = useMemo(() => steps.map((step) => step.item.id), [steps]);
  const save = useCallback(
    (itemId: string, option: number) => call(cyberCheckEndpoints.answerCyberCheckItem, { params: { schoolId: check.schoolId, checkId: check.id, itemId }, body: { option } }),
    [check.schoolId, check.id],
  );
  const saving = useAnswerSaving(check.answers, save);
  const { step, total, next, itemProps, summaryProps } = useScanSteps({ path: cyberCheckPath(check.schoolId, check.id), codes: ids, saving, openedWith: check.answers });

  if (!step) return null;

  return (
    <section className="page page-scan cyber-answer-page">
      {step.kind === 'intro' && <CyberIntro check={check} instrument={instrument} total={total} onNext={next} />}
      {step.kind === 'item' && (
        <MeasureStep
          key={step.number}
          schoolId={check.schoolId}
          step={steps[step.number - 1]}
          topics={instrument.sections.length}
          scanTitle={t('cyber.title')}
          {...itemProps(step.number)}
        />
      )}
      {step.kind === 'summary' && (
        <CyberSummaryStep
          steps={steps}
          answers={saving.answers}
          {...summaryProps}
          onSubmit={async () => {
            await saving.settled();
            await call(cyberCheckEndpoints.submitCyberCheck, { params: { schoolId: check.schoolId, checkId: check.id } });
            navigate(cyberResultPath(check.schoolId, check.id));
          }}
        />
      )}
    </section>
  );
}

/** What the check is, how to answer, and who worked on it last. */
function CyberIntro({ check, instrument, total, onNext }: { check: CyberCheck; instrument: CyberCheckInstrument; total: number; onNext(): void }) {
  const { t, text, locale } = useI18n();
  return (
    <div className="scan-step" data-testid="cyber-intro">
      <PageHeading title={t('cyber.title')} focus>
        {t('cyber.title')}
      </PageHeading>
      <p className="lead">{t('cyber.introAnswer', { total, target: text(targetLabel(instrument)) })}</p>
      <p>{t('cyber.introDontKnow')}</p>
      <p>{t('cyber.introShared')}</p>
      {check.lastChangedBy && (
        <p className="muted" data-testid="cyber-last-changed">
          {t('cyber.lastChanged', { name: check.lastChangedBy.name, date: formatDateTime(check.updatedAt, locale) })}
        </p>
      )}
      <h2>{t('cyber.scaleTitle')}</h2>
      <FactList facts={instrument.scale.map((step) => [text(step.label), text(step.description)] as const)} />
      <div className="step-nav">
        <Link href={cyberPath(check.schoolId)} className="button button-secondary">
          {t('cyber.toOverview')}
        </Link>
        <button type="button" className="button button-primary" onClick={onNext} data-testid="scan-next">
          {t('cyber.begin')}
        </button>
      </div>
    </div>
  );
}

type MeasureStepProps = Omit<Parameters<typeof ItemStep>[0], 'item' | 'eyebrow' | 'heading' | 'badge'> & { schoolId: string; step: CyberStep; topics: number };

/** A measure on the engine's item screen: its topic as the heading, a key measure marked with its control, and what the ICT park knows where it speaks to the measure. */
function MeasureStep({ schoolId, step, topics, ...rest }: MeasureStepProps) {
  const { t, text } = useI18n();
  return (
    <ItemStep
      {...rest}
      item={step.item}
      eyebrow={t('cyber.topicOf', { number: step.topic.number, total: topics })}
      heading={text(step.topic.name)}
      badge={
        <>
          {step.keyMeasure && <KeyMeasureBadge reference={step.reference} />}
          <ParkFactsNote schoolId={schoolId} reference={step.reference} />
        </>
      }
    />
  );
}

/** "Key measure (PR.AA-03.2)": the CyberFundamentals Basic measures that come first. */
export function KeyMeasureBadge({ reference }: { reference: string | null }) {
  const { t } = useI18n();
  return (
    <p className="key-measure-line">
      <span className="badge badge-key-measure" data-testid="key-measure">
        {reference ? t('cyber.keyMeasureRef', { reference }) : t('cyber.keyMeasure')}
      </span>
    </p>
  );
}
