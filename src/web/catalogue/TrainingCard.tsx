import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useCatalogueLabels } from './labels';
import { LevelSteps, NextSession, ProviderName } from './TrainingBits';
import type { TrainingSummaryDto } from './types';

interface Props {
  training: TrainingSummaryDto;
  testId?: string;
  /** Heading level of the title within its list. */
  as?: 'h2' | 'h3';
  /** Shown under the title, e.g. why a training is recommended. */
  children?: ReactNode;
}

/** One training in a list: title linking to its page, provider, kind, level steps, price, next session. */
export function TrainingCard({ training, testId = 'training-result', as: Heading = 'h3', children }: Props) {
  const { t } = useI18n();
  const labels = useCatalogueLabels();
  return (
    <article className="training-card" data-testid={testId} data-training-id={training.id}>
      <Heading className="training-card-title" lang={training.language}>
        <Link href={`/opleidingen/${encodeURIComponent(training.id)}`}>{training.title}</Link>
      </Heading>
      <p className="training-card-provider">
        <ProviderName provider={training.provider} />
      </p>
      {children}
      <dl className="facts facts-inline">
        <div>
          <dt>{t('catalogue.kind')}</dt>
          <dd>{labels.kind(training.kind)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.price')}</dt>
          <dd className={training.priceEuro === 0 ? 'price price-free' : 'price'}>{labels.price(training.priceEuro)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.duration')}</dt>
          <dd>{labels.hours(training.durationHours)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.when')}</dt>
          <dd>
            <NextSession training={training} />
          </dd>
        </div>
      </dl>
      <LevelSteps steps={training.levelSteps} />
    </article>
  );
}
