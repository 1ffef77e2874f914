import { useEffect, useMemo } from 'react';
import type { Background, ScanDto } from '../../shared/digisnap/api';
import { api } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { ItemStep } from '../components/scan/ItemStep';
import { nextStep, parseStep, previousStep, resumeStep, stepParam, type ScanStep } from '../components/scan/scanSteps';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { competencesInOrder, type NumberedCompetence } from './frameworkView';
import { loadFramework } from './frameworkStore';
import { IntroStep } from './IntroStep';
import { SummaryStep } from './SummaryStep';
import type { Framework } from './types';
import { useScanAnswers } from './useScanAnswers';

/** `/scan/:scanId?step=…`: one screen at a time; the address always names the screen. */
export function ScanPage({ scanId }: { scanId: string }) {
  const { t } = useI18n();
  const loaded = useAsync(() => Promise.all([loadFramework(), api.scan(scanId)]), [scanId]);

  if (loaded.error) {
    return (
      <section className="page page-narrow">
        <PageHeading title={t('scan.title')}>{t('scan.title')}</PageHeading>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      </section>
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
    <section className="page page-narrow">
      <PageHeading title={t('scan.submittedTitle')}>{t('scan.submittedTitle')}</PageHeading>
      <p>{t('scan.submittedText')}</p>
      <p>
        <Link href="/profile" className="button button-primary">
          {t('scan.viewProfile')}
        </Link>
      </p>
    </section>
  );
}

function ScanFlow({ framework, scan }: { framework: Framework; scan: ScanDto }) {
  const { query } = useLocation();
  const competences = useMemo(() => competencesInOrder(framework), [framework]);
  const codes = useMemo(() => competences.map((competence) => competence.code), [competences]);
  const total = competences.length;
  const { answers, background, saves, choose, chooseBackground, settled } = useScanAnswers(scan);

  const base = `/scan/${encodeURIComponent(scan.id)}`;
  const hrefOf = (step: ScanStep) => `${base}?step=${stepParam(step)}`;
  const goTo = (step: ScanStep) => navigate(hrefOf(step));
  const step = parseStep(query.get('step'), total);

  useEffect(() => {
    // no (valid) step in the address: resume where the teacher left off, and say so in the address
    if (!step) navigate(hrefOf(resumeStep(codes, scan.answers, backgroundGiven(scan.background))), { replace: true });
  });

  if (!step) return null;
  const answered = codes.filter((code) => answers[code] !== undefined).length;

  return (
    <section className="page page-scan">
      {step.kind === 'intro' && (
        <IntroStep
          key="intro"
          questions={framework.background}
          background={background}
          total={total}
          saves={saves}
          onChoose={chooseBackground}
          onNext={() => goTo(nextStep(step, total))}
        />
      )}
      {step.kind === 'item' && (
        <CompetenceItem
          key={step.number}
          competence={competences[step.number - 1]}
          total={total}
          answered={answered}
          answer={answers[codes[step.number - 1]]}
          save={saves[codes[step.number - 1]]}
          onChoose={(option) => choose(codes[step.number - 1], option)}
          onBack={() => goTo(previousStep(step, total))}
          onNext={() => goTo(nextStep(step, total))}
        />
      )}
      {step.kind === 'summary' && (
        <SummaryStep
          key="summary"
          framework={framework}
          competences={competences}
          answers={answers}
          stepHref={(number) => hrefOf({ kind: 'item', number })}
          onBack={() => goTo(previousStep(step, total))}
          onSubmit={async () => {
            await settled();
            await api.submitScan(scan.id);
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
