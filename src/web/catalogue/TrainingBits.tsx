import { formatDate } from '../../shared/i18n/format';
import { useI18n } from '../i18n';
import { useCatalogueLabels } from './labels';
import type { LevelStep, TrainingSummaryDto } from './types';

/** Small pieces every training view shares: provider with badge, level steps, next session. */

export function ProviderName({ provider }: { provider: { name: string; verified: boolean } }) {
  const { t } = useI18n();
  return (
    <span className="provider-name">
      {provider.name}
      {provider.verified && (
        <>
          {' '}
          <span className="badge badge-verified" title={t('catalogue.verifiedHint')}>
            <span aria-hidden="true">✓ </span>
            {t('catalogue.verified')}
          </span>
        </>
      )}
    </span>
  );
}

export function LevelSteps({ steps, names }: { steps: LevelStep[]; names?: (code: string) => string }) {
  const { t } = useI18n();
  const labels = useCatalogueLabels();
  return (
    <ul className={names ? 'level-steps level-steps-named' : 'level-steps'} aria-label={t('catalogue.levelSteps')}>
      {steps.map((step) => {
        const { short, spoken } = labels.levelStep(step);
        return (
          <li key={`${step.competence}-${step.from}-${step.to}`}>
            <span className="level-step" aria-hidden="true">
              {short}
            </span>
            <span className="visually-hidden">{spoken}</span>
            {names && <span className="level-step-name"> {names(step.competence)}</span>}
          </li>
        );
      })}
    </ul>
  );
}

const needsNoSession = new Set(['self_paced', 'learning_resource']);

/** "29/11/2026 · Hasselt", "29/11/2026 · online", or why there is no date. */
export function NextSession({ training }: { training: Pick<TrainingSummaryDto, 'nextSession' | 'kind' | 'city'> }) {
  const { t, locale } = useI18n();
  const next = training.nextSession;
  if (!next) return <>{t(needsNoSession.has(training.kind) ? 'catalogue.anytime' : 'catalogue.noSessions')}</>;
  const where = next.online ? t('catalogue.online') : (training.city ?? '');
  return (
    <>
      {t('catalogue.nextSession', { date: formatDate(next.startsAt, locale) })}
      {where && ` · ${where}`}
      {next.seatsLeft === 0 && ` · ${t('catalogue.full')}`}
    </>
  );
}
