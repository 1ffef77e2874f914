import { ScanSummary } from '../components/scan/ScanSummary';
import { useI18n } from '../i18n';
import { CampaignNotice } from './CampaignNotice';
import { levelName, type NumberedCompetence } from './frameworkView';
import type { Framework } from './types';

interface Props {
  framework: Framework;
  competences: NumberedCompetence[];
  answers: Record<string, number>;
  stepHref(number: number): string;
  onBack(): void;
  onSubmit(): Promise<void>;
}

/** The engine's summary for Digisnap: each competence with the level its chosen option stands for, and which schools will count the scan. */
export function SummaryStep({ framework, competences, answers, ...rest }: Props) {
  const { t, text } = useI18n();

  const chosenLevel = (competence: NumberedCompetence) => {
    const option = competence.item.options[answers[competence.code]];
    return option ? `${option.level} ${text(levelName(framework, option.level))}` : '';
  };

  const items = competences.map((competence) => ({
    id: competence.code,
    number: competence.number,
    name: `${competence.code} ${text(competence.name)}`,
    answer: answers[competence.code] === undefined ? undefined : t('scan.summaryAnswered', { level: chosenLevel(competence) }),
    change: t('scan.summaryChange', { code: competence.code }),
  }));
  return (
    <>
      <ScanSummary {...rest} items={items} scanTitle={t('scan.title')} />
      <CampaignNotice />
    </>
  );
}
