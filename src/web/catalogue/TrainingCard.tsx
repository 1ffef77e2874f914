import type { ReactNode } from 'react';
import { Link } from '../router';
import { LevelSteps, ProviderName } from './TrainingBits';
import { TrainingFacts } from './TrainingFacts';
import type { TrainingListItemDto } from './types';

interface Props {
  /** A search's list item, or any fuller view of a training (a summary). */
  training: TrainingListItemDto;
  testId?: string;
  /** Heading level of the title within its list. */
  as?: 'h2' | 'h3';
  /** Shown under the title, e.g. why a training is recommended. */
  children?: ReactNode;
}

/** One training in a list: title linking to its page, provider, kind, level steps, price, next session. */
export function TrainingCard({ training, testId = 'training-result', as: Heading = 'h3', children }: Props) {
  return (
    <article className="training-card" data-testid={testId} data-training-id={training.id}>
      <Heading className="training-card-title" lang={training.language}>
        <Link href={`/opleidingen/${encodeURIComponent(training.id)}`}>{training.title}</Link>
      </Heading>
      <p className="training-card-provider">
        <ProviderName provider={training.provider} />
      </p>
      {children}
      <TrainingFacts training={training} compact />
      <LevelSteps steps={training.levelSteps} />
    </article>
  );
}
