import { trainingAudiences, trainingEducationLevels, trainingKinds, trainingLanguages, trainingStatuses } from '../../shared/catalogue/codes';
import { formatHours, formatPrice } from '../../shared/i18n/format';
import { provinces } from '../../shared/platform/flanders';
import { useI18n } from '../i18n';
import type { LevelStep } from './types';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** Names of the catalogue's codes in the interface language; an unknown code shows as itself. */
export function useCatalogueLabels() {
  const { t, locale } = useI18n();
  return {
    kind: (code: string) => (isOneOf(trainingKinds, code) ? t(`codes.kind.${code}`) : code),
    province: (code: string) => (isOneOf(provinces, code) ? t(`codes.province.${code}`) : code),
    language: (code: string) => (isOneOf(trainingLanguages, code) ? t(`codes.language.${code}`) : code),
    educationLevel: (code: string) => (isOneOf(trainingEducationLevels, code) ? t(`codes.educationLevel.${code}`) : code),
    audience: (code: string) => (isOneOf(trainingAudiences, code) ? t(`codes.audience.${code}`) : code),
    status: (code: string) => (isOneOf(trainingStatuses, code) ? t(`codes.status.${code}`) : code),
    price: (euro: number) => (euro === 0 ? t('catalogue.free') : formatPrice(euro, locale)),
    hours: (hours: number) => formatHours(hours, locale),
    /** `3.1 A2 → B1` as seen; the words for it as heard. */
    levelStep: (step: LevelStep) => ({
      short: `${step.competence} ${step.from} → ${step.to}`,
      spoken: t('catalogue.levelStepSpoken', step),
    }),
  };
}

export type CatalogueLabels = ReturnType<typeof useCatalogueLabels>;
