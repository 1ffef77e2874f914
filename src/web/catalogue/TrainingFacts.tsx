import { useI18n } from '../i18n';
import { useCatalogueLabels } from './labels';
import type { TrainingDto } from './types';

/** The practical facts of a training as a description list. */
export function TrainingFacts({ training }: { training: TrainingDto }) {
  const { t } = useI18n();
  const labels = useCatalogueLabels();
  const { location } = training;
  return (
    <dl className="facts">
      <div>
        <dt>{t('catalogue.kind')}</dt>
        <dd>{labels.kind(training.kind)}</dd>
      </div>
      <div>
        <dt>{t('catalogue.price')}</dt>
        <dd className={training.priceEuro === 0 ? 'price price-free' : 'price'}>
          {labels.price(training.priceEuro)}
          {training.payableFromIctBudget && <span className="fact-note">{t('training.ictBudget')}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('catalogue.duration')}</dt>
        <dd>{labels.hours(training.durationHours)}</dd>
      </div>
      <div>
        <dt>{t('training.language')}</dt>
        <dd>{labels.language(training.language)}</dd>
      </div>
      <div>
        <dt>{t('training.educationLevels')}</dt>
        <dd>{training.educationLevels.map(labels.educationLevel).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('training.audiences')}</dt>
        <dd>{training.audiences.map(labels.audience).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('training.location')}</dt>
        <dd>
          {location ? (
            <address>
              {location.address}
              <br />
              {location.postalCode} {location.city} ({labels.province(location.province)})
            </address>
          ) : (
            t('training.onlineOnly')
          )}
        </dd>
      </div>
      {training.accreditation && (
        <div>
          <dt>{t('training.accreditation')}</dt>
          <dd>{training.accreditation}</dd>
        </div>
      )}
    </dl>
  );
}
