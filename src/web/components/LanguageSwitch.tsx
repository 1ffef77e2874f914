import type { Locale } from '../../shared/platform/api';
import { useI18n } from '../i18n';
import { useSession } from '../platform/session';

// Listed here rather than imported from the shared contract, which would pull Zod into the bundle.
const locales: Locale[] = ['nl', 'en'];

/** NL / EN toggle buttons; the pressed one is the current language. */
export function LanguageSwitch() {
  const { t, locale } = useI18n();
  const { setLocale } = useSession();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {locales.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-button"
          aria-pressed={locale === code}
          aria-label={t(code === 'nl' ? 'language.nlName' : 'language.enName')}
          onClick={() => setLocale(code)}
        >
          {t(code === 'nl' ? 'language.nl' : 'language.en')}
        </button>
      ))}
    </div>
  );
}
