import { useMemo } from 'react';
import { provinces } from '../../shared/platform/flanders';
import { stemCountSources, stemGenders, stemLevels, stemProgrammeTypes } from '../../shared/stem/vocabulary';
import { useI18n } from '../i18n';
import type { StemWords } from './stemView';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/**
 * The monitor's words in the reader's language; a group the code lists do not know shows as its
 * key. The same object until the language changes, so the charts built from it keep still.
 */
export function useStemWords(): StemWords {
  const { t, locale } = useI18n();
  return useMemo(() => wordsOf(t), [t, locale]);
}

function wordsOf(t: ReturnType<typeof useI18n>['t']): StemWords {
  return {
    hidden: t('stemMonitor.hidden'),
    noData: t('stemMonitor.noData'),
    hiddenReason: t('stemMonitor.hiddenReason'),
    flanders: t('stemMonitor.flanders'),
    group: (key) => {
      if (isOneOf(stemGenders, key)) return t(`stemMonitor.genders.${key}`);
      if (isOneOf(provinces, key)) return t(`codes.province.${key}`);
      if (isOneOf(stemProgrammeTypes, key)) return t(`stemMonitor.programmeTypes.${key}`);
      if (isOneOf(stemLevels, key)) return t(`stemMonitor.levels.${key}`);
      return key;
    },
    origin: (source) => (isOneOf(stemCountSources, source) ? t(`stemMonitor.origins.${source}`) : source),
    columns: {
      year: t('stemMonitor.columns.year'),
      group: t('stemMonitor.columns.group'),
      share: t('stemMonitor.columns.share'),
      numerator: t('stemMonitor.columns.numerator'),
      denominator: t('stemMonitor.columns.denominator'),
      change: t('stemMonitor.columns.change'),
      published: t('stemMonitor.columns.published'),
      source: t('stemMonitor.columns.source'),
      origin: t('stemMonitor.columns.origin'),
      definition: t('stemMonitor.columns.definition'),
      note: t('stemMonitor.columns.note'),
      province: t('stemMonitor.columns.province'),
      girls: t('stemMonitor.columns.girls'),
      boys: t('stemMonitor.columns.boys'),
      gap: t('stemMonitor.columns.gap'),
    },
  };
}
