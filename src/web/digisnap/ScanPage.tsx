import { useMemo } from 'react';
import type { Background, ScanDto } from '../../shared/digisnap/api';
import { digisnapEndpoints } from '../../shared/digisnap/endpoints';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { ItemStep } from '../components/scan/ItemStep';
import { useScanSteps } from '../components/scan/useScanSteps';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { useCombinedQuery } from '../serverState';
import { loadFrameworkOf } from './frameworkStore';
import { competencesInOrder, type NumberedCompetence } from './frameworkView';
import { IntroStep } from './IntroStep';
import { SummaryStep } from './SummaryStep';
import type { Framework } from './types';
import { useScanAnswers } from './useScanAnswers';

/** `/scan/:scanId?step=…`: one screen at a time; the address always names the screen. */
export function ScanPage({ scanId }: { scanId: string }) {
  const { t } = useI18n();
  const loaded = useCombinedQuery(['getScan', 'getFrameworkVersion'], [scanId], async () => {
    const scan = await call(digisnapEndpoints.getScan, { params: { scanId } });
    return [await loadFrameworkOf(scan), scan] as const;
  });

  if (loaded.error) {
    return (
      <NarrowPage title={t('scan.title')}>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      </NarrowPage>
    );
  }
  if (!loaded.data) return <Loading />;
  const [framework, scan] = loaded.data;
  if (scan.status === 'submitted') return <SubmittedScan />;
  return <ScanFlow framework={framework} scan={scan} />;
}

function SubmittedScan() {
  const { t } = useI18n();
  return (
    <NarrowPage title={t('scan.submittedTitle')}>
      <p>{t('scan.submittedText')}</p>
      <p>
        <Link href="/profile" className="button button-primary">
          {t('scan.viewProfile')}
        </Link>
      </p>
    </NarrowPage>
  );
}

function ScanFlow({ framework, scan }: { framework: Framework; scan: ScanDto }) {
  const competences = useMemo(() => competencesInOrder(framework), [framework]);
  const codes = useMemo(() => competences.map((competence) => competence.code), [competences]);
  const saving = useScanAnswers(scan);
  const { answers, background, saves, chooseBackground, settled } = saving;
  const { step, total, next, itemProps, summaryProps } = useScanSteps({
    path: `/scan/${encodeURIComponent(scan.id)}`,
    codes,
    saving,
    openedWith: scan.answers,
    introDone: backgroundGiven(scan.background),
  });

  if (!step) return null;

  return (
    <section className="page page-scan">
      {step.kind === 'intro' && (
        <IntroStep key="intro" questions={framework.background} background={background} total={total} saves={saves} onChoose={chooseBackground} onNext={next} />
      )}
      {step.kind === 'item' && <CompetenceItem key={step.number} competence={competences[step.number - 1]} {...itemProps(step.number)} />}
      {step.kind === 'summary' && (
        <SummaryStep
          key="summary"
          framework={framework}
          competences={competences}
          answers={answers}
          {...summaryProps}
          onSubmit={async () => {
            await settled();
            await call(digisnapEndpoints.submitScan, { params: { scanId: scan.id } });
            navigate('/profile');
          }}
        />
      )}
    </section>
  );
}

const backgroundGiven = (background: Background) => Object.values(background).some((value) => value !== null && value !== undefined);

type CompetenceItemProps = Omit<Parameters<typeof ItemStep>[0], 'item' | 'eyebrow' | 'heading' | 'scanTitle'> & { competence: NumberedCompetence };

/** A competence on the engine's item screen: the area above, code and name as the heading. */
function CompetenceItem({ competence, ...rest }: CompetenceItemProps) {
  const { t, text } = useI18n();
  return (
    <ItemStep
      {...rest}
      item={{ id: competence.code, number: competence.number, statement: competence.item.statement, options: competence.item.options }}
      eyebrow={t('scan.area', { number: competence.area.number, name: text(competence.area.name) })}
      heading={`${competence.code} ${text(competence.name)}`}
      scanTitle={t('scan.title')}
      dataAttributes={{ 'data-competence': competence.code }}
    />
  );
}
