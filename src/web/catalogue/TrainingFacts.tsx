import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useCatalogueLabels } from './labels';
import { NextSession } from './TrainingBits';
import type { TrainingDto, TrainingListItemDto } from './types';

/**
 * Compact, on a card in a list: kind, price, duration and the next session on one line.
 * Full, on the training's own page: the same first three with the ICT-budget note on the price,
 * then language, education levels, audiences, location and accreditation.
 */
type Props = { compact: true; training: TrainingListItemDto } | { compact?: false; training: TrainingDto };

/** The practical facts of a training as a description list. */
export function TrainingFacts(props: Props) {
  const { t } = useI18n();
  const labels = useCatalogueLabels();
  const { training } = props;
  return (
    <dl className={props.compact ? 'facts facts-inline' : 'facts'}>
      <Fact label={t('catalogue.kind')}>{labels.kind(training.kind)}</Fact>
      <Fact label={t('catalogue.price')} className={training.priceEuro === 0 ? 'price price-free' : 'price'}>
        {labels.price(training.priceEuro)}
        {!props.compact && props.training.payableFromIctBudget && <span className="fact-note">{t('training.ictBudget')}</span>}
      </Fact>
      <Fact label={t('catalogue.duration')}>{labels.hours(training.durationHours)}</Fact>
      {props.compact ? (
        <Fact label={t('catalogue.when')}>
          <NextSession training={props.training} />
        </Fact>
      ) : (
        <DetailFacts training={props.training} />
      )}
    </dl>
  );
}

function Fact({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}

/** The facts only the training's own page shows. */
function DetailFacts({ training }: { training: TrainingDto }) {
  const { t } = useI18n();
  const labels = useCatalogueLabels();
  const { location } = training;
  return (
    <>
      <Fact label={t('training.language')}>{labels.language(training.language)}</Fact>
      <Fact label={t('training.educationLevels')}>{training.educationLevels.map(labels.educationLevel).join(', ')}</Fact>
      <Fact label={t('training.audiences')}>{training.audiences.map(labels.audience).join(', ')}</Fact>
      <Fact label={t('training.location')}>
        {location ? (
          <address>
            {location.address}
            <br />
            {location.postalCode} {location.city} ({labels.province(location.province)})
          </address>
        ) : (
          t('training.onlineOnly')
        )}
      </Fact>
      {training.accreditation && <Fact label={t('training.accreditation')}>{training.accreditation}</Fact>}
    </>
  );
}
