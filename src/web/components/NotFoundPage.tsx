import { useI18n } from '../i18n';
import { Link } from '../router';
import { PageHeading } from './PageHeading';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page page-narrow">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/" className="button button-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </section>
  );
}
