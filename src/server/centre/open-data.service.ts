import { OPEN_DATA_LICENCE, type OpenDatasetDescription, type OpenDatasetDto } from '../../shared/centre/open-data';
import { openDataEndpoints } from '../../shared/centre/open-data-endpoints';
import { toCsv } from '../../shared/csv';
import { notFound } from '../../shared/errors';
import { endpointPath } from '../../shared/platform/endpoint';
import type { OpenDataRow, OpenDataset } from './open-data.registry';

/** How long computed rows are served before they are read again: open data is a published figure, not a live count. */
export const OPEN_DATA_MAX_AGE_MS = 60_000;

interface KeptRows {
  generatedAt: string;
  rows: OpenDataRow[];
}

/**
 * The open-data catalogue: open to anyone, so no access check. Each dataset's rows are read at
 * most once per `OPEN_DATA_MAX_AGE_MS` (concurrent readers share the read), so a popular download
 * costs a lookup, not a tour of the modules.
 */
export class OpenDataService {
  private readonly byId: Map<string, OpenDataset>;
  private readonly kept = new Map<string, { until: number; rows: Promise<KeptRows> }>();
  private readonly now: () => number;

  constructor(datasets: readonly OpenDataset[], options: { now?: () => number } = {}) {
    this.byId = new Map(datasets.map((dataset) => [dataset.id, dataset]));
    if (this.byId.size !== datasets.length) throw new Error('Two open datasets share an id');
    this.now = options.now ?? Date.now;
  }

  list(): { datasets: OpenDatasetDescription[] } {
    return { datasets: [...this.byId.values()].map(describe) };
  }

  /** The dataset with its rows; not_found for an id the catalogue does not list. */
  async dataset(id: string): Promise<OpenDatasetDto> {
    const dataset = this.byId.get(id);
    if (!dataset) throw notFound(`Open dataset ${id}`, 'params.id');
    const { generatedAt, rows } = await this.rowsOf(dataset);
    return { ...describe(dataset), generatedAt, rows };
  }

  /** The rows as CSV: the columns' ids as header, in the description's order. */
  async csv(id: string): Promise<{ fileName: string; csv: string }> {
    const { columns, rows, generatedAt } = await this.dataset(id);
    const ids = columns.map((column) => column.id);
    return {
      fileName: `${id}-${generatedAt.slice(0, 10)}.csv`,
      csv: toCsv(
        ids,
        rows.map((row) => ids.map((column) => row[column] ?? null)),
      ),
    };
  }

  private rowsOf(dataset: OpenDataset): Promise<KeptRows> {
    const now = this.now();
    const kept = this.kept.get(dataset.id);
    if (kept && now < kept.until) return kept.rows;
    const rows = dataset.rows().then((list) => ({ generatedAt: new Date(now).toISOString(), rows: list }));
    this.kept.set(dataset.id, { until: now + OPEN_DATA_MAX_AGE_MS, rows });
    // A failed read is not kept: the next request tries again.
    rows.catch(() => this.kept.delete(dataset.id));
    return rows;
  }
}

function describe(dataset: OpenDataset): OpenDatasetDescription {
  const path = endpointPath(openDataEndpoints.getOpenDataset, { id: dataset.id });
  return {
    id: dataset.id,
    title: dataset.title,
    description: dataset.description,
    period: dataset.period,
    privacyRule: dataset.privacyRule,
    licence: dataset.licence ?? OPEN_DATA_LICENCE,
    sourceModule: dataset.sourceModule,
    columns: [...dataset.columns],
    links: { json: `${path}?format=json`, csv: `${path}?format=csv` },
  };
}
