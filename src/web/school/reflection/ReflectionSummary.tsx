import { ScanSummary, type SummaryMessages } from '../../components/scan/ScanSummary';
import { useI18n } from '../../i18n';
import type { RespondentStep } from './reflectionView';

interface Props {
  steps: RespondentStep[];
  answers: Record<string, number>;
  scanTitle: string;
  stepHref(number: number): string;
  onBack(): void;
  onSubmit(): Promise<void>;
}

const messages: Partial<SummaryMessages> = { allAnswered: 'reflection.answer.allAnswered', missing: 'reflection.answer.missing', submit: 'reflection.answer.submit' };

/** The engine's summary for a reflection: open statements listed by number, the review by their text. */
export function ReflectionSummary({ steps, answers, ...rest }: Props) {
  const { t, text } = useI18n();
  const items = steps.map((step) => {
    const chosen = step.options[answers[step.id]];
    return {
      id: step.id,
      number: step.number,
      name: text(step.statement),
      shortName: t('reflection.answer.statementNumber', { number: step.number, total: steps.length }),
      answer: chosen ? text(chosen.text) : undefined,
      change: t('reflection.answer.change', { number: step.number }),
    };
  });
  return <ScanSummary {...rest} items={items} messages={messages} />;
}
