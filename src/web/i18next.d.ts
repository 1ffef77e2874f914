import 'i18next';
import type nl from '../shared/i18n/nl.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
    returnNull: false;
  }
}
