import { useI18n } from '../i18n';
import { TrainingCard } from './TrainingCard';
import type { RecommendationsDto } from './types';

interface Props {
  items: RecommendationsDto['items'];
  as?: 'h2' | 'h3';
}

/** Recommended trainings, best first, each with the reason it suits this teacher. */
export function RecommendationList({ items, as = 'h3' }: Props) {
  const { text } = useI18n();
  return (
    <ol className="result-list recommendation-list">
      {items.map((item) => (
        <li key={item.training.id}>
          <TrainingCard training={item.training} testId="recommendation-item" as={as}>
            <p className="recommendation-reason">{text(item.reason)}</p>
          </TrainingCard>
        </li>
      ))}
    </ol>
  );
}
