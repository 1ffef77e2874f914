import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { Link } from '../../router';

/** What someone who is not a provider sees on the provider pages. */
export function ProviderOnly() {
  const { t } = useI18n();
  return (
    <section className="page page-narrow">
      <PageHeading title={t('provider.onlyTitle')}>{t('provider.onlyTitle')}</PageHeading>
      <p>{t('provider.onlyText')}</p>
      <p>
        <Link href="/opleidingen">{t('provider.onlySearch')}</Link>
      </p>
    </section>
  );
}
