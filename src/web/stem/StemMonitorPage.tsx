import type { StemIndicatorList } from '../../shared/stem/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { StemTile } from './StemTile';
import { useMayImportStemCounts } from './stemAccess';
import { stemImportPath } from './stemPaths';
import { useStemDefinitions } from './stemQueries';
import './stem.css';

/** The public STEM monitor: a headline tile per indicator, each leading to its charts. */
export function StemMonitorPage() {
  const { t } = useI18n();
  const list = useStemDefinitions();
  const mayImport = useMayImportStemCounts();
  if (list.loading && !list.data) return <Loading />;
  if (list.error || !list.data) return <NarrowPage title={t('stemMonitor.title')}>{list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}</NarrowPage>;
  return (
    <section className="page stem-page" data-testid="stem-monitor">
      <PageHeading title={t('stemMonitor.title')}>{t('stemMonitor.title')}</PageHeading>
      <p className="lead">{t('stemMonitor.intro')}</p>
      <StemNotes list={list.data} />
      {mayImport && (
        <p className="no-print">
          <Link href={stemImportPath} data-testid="stem-import-link">
            {t('stemImport.link')}
          </Link>
        </p>
      )}
      <h2>{t('stemMonitor.tilesTitle')}</h2>
      <div className="stem-tiles">
        {list.data.indicators.map((definition) => (
          <StemTile key={definition.id} definition={definition} linked />
        ))}
      </div>
    </section>
  );
}

/** The demo-data warning while any year's counts are generated, and the small-number rule. */
export function StemNotes({ list }: { list: StemIndicatorList }) {
  const { t } = useI18n();
  return (
    <>
      {list.years.some((year) => year.source === 'demo') && (
        <p className="alert alert-info" data-testid="stem-demo-data">
          {t('stemMonitor.demoData')}
        </p>
      )}
      <p className="muted">{t('stemMonitor.smallNumbers')}</p>
      <p className="muted no-print">
        <Link href="/open-data">{t('openData.link')}</Link>
      </p>
    </>
  );
}
