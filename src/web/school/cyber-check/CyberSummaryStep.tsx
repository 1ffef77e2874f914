import { ScanSummary, type SummaryMessages } from '../../components/scan/ScanSummary';
import { useI18n } from '../../i18n';
import type { CyberStep } from './cyberView';

interface Props {
  steps: CyberStep[];
  answers: Record<string, number>;
  stepHref(number: number): string;
  onBack(): void;
  onSubmit(): Promise<void>;
}

const messages: SummaryMessages = {
  title: 'cyber.summaryTitle',
  allAnswered: 'cyber.summaryAllAnswered',
  missing: 'cyber.summaryMissing',
  review: 'cyber.summaryReview',
  submit: 'cyber.submit',
};

/** The engine's summary for the cybersecurity check: each measure named with its topic, and the step chosen. */
export function CyberSummaryStep({ steps, answers, ...rest }: Props) {
  const { t, text } = useI18n();
  const items = steps.map(({ item, topic }) => ({
    id: item.id,
    number: item.number,
    name: `${item.number}. ${text(topic.name)}: ${text(item.statement)}`,
    answer: answers[item.id] === undefined ? undefined : text(item.options[answers[item.id]]?.text),
    change: t('cyber.summaryChange', { number: item.number }),
  }));
  return <ScanSummary {...rest} items={items} scanTitle={t('cyber.title')} messages={messages} />;
}
