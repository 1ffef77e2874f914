import type { OpenDatasetDescription } from '../../shared/centre/open-data';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { useOpenDatasets } from './openDataQueries';
import './centre.css';
import './fronts.css';

/** The public open-data catalogue: every Flanders-wide figure the centre publishes, described, with its CSV and JSON downloads. */
export function OpenDataPage() {
  const { t } = useI18n();
  const list = useOpenDatasets();
  return (
    <section className="page" data-testid="open-data">
      <PageHeading title={t('openData.title')}>{t('openData.title')}</PageHeading>
      <p className="lead">{t('openData.intro')}</p>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data?.datasets.map((dataset) => (
        <Dataset key={dataset.id} dataset={dataset} />
      ))}
    </section>
  );
}

function Dataset({ dataset }: { dataset: OpenDatasetDescription }) {
  const { t, text } = useI18n();
  const titleId = `open-data-${dataset.id}`;
  const title = text(dataset.title);
  return (
    <article className="card" aria-labelledby={titleId} data-testid={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p>{text(dataset.description)}</p>
      <dl className="open-data-facts">
        <div>
          <dt>{t('openData.period')}</dt>
          <dd>{text(dataset.period)}</dd>
        </div>
        <div>
          <dt>{t('openData.privacy')}</dt>
          <dd>{text(dataset.privacyRule)}</dd>
        </div>
        <div>
          <dt>{t('openData.source')}</dt>
          <dd>{t(`centreFronts.modules.${dataset.sourceModule}`, { defaultValue: dataset.sourceModule })}</dd>
        </div>
        <div>
          <dt>{t('openData.licence')}</dt>
          <dd>
            <a href={dataset.licence.url} rel="license noreferrer">
              {text(dataset.licence.name)}
            </a>
          </dd>
        </div>
      </dl>
      <details>
        <summary>{t('openData.columns', { count: dataset.columns.length })}</summary>
        <TableScroll label={t('openData.columnsOf', { title })}>
          <table className="data-table">
            <caption className="visually-hidden">{t('openData.columnsOf', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('openData.column')}</th>
                <th scope="col">{t('openData.type')}</th>
                <th scope="col">{t('openData.definition')}</th>
              </tr>
            </thead>
            <tbody>
              {dataset.columns.map((column) => (
                <tr key={column.id}>
                  <th scope="row">
                    <code>{column.id}</code> {text(column.title)}
                  </th>
                  <td>{t(`openData.types.${column.type}`)}</td>
                  <td>{text(column.definition)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
      <p className="actions">
        <a className="button" href={dataset.links.csv} download data-testid={`${titleId}-csv`}>
          {t('openData.downloadCsv')}
          <span className="visually-hidden"> {title}</span>
        </a>{' '}
        <a className="button" href={dataset.links.json} data-testid={`${titleId}-json`}>
          {t('openData.downloadJson')}
          <span className="visually-hidden"> {title}</span>
        </a>
      </p>
    </article>
  );
}
