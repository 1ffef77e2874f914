import { trainingCsvColumns } from '../../../shared/catalogue/codes';
import { catalogueEndpoints } from '../../../shared/catalogue/endpoints';
import { endpointHref } from '../../api';
import { type CheckOrImport, CheckThenImport } from '../../components/CheckThenImport';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableProblemLines } from '../../components/TableProblemLines';
import { type UploadOutcome, useTableUpload } from '../../components/useTableUpload';
import { useI18n } from '../../i18n';
import { useEndpointMutation } from '../../serverState';
import type { ImportReport } from '../types';

/** `check` is a dry run: the server reads every line and imports nothing. */
type Mode = CheckOrImport;
type Outcome = UploadOutcome<ImportReport, Mode>;

/** Bring many trainings in at once from a CSV or .xlsx file: check first (dry run), then import. */
export function ImportPanel() {
  const { t } = useI18n();
  const importTrainings = useEndpointMutation(catalogueEndpoints.importTrainings, { invalidates: ['listProviderTrainings'] });
  const upload = useTableUpload<ImportReport, Mode>({
    send: (table, mode) => importTrainings({ query: mode === 'check' ? { dryRun: 'true' } : {}, body: table }),
  });

  return (
    <section className="card" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title">{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <details className="import-columns">
        <summary>{t('import.columnsTitle')}</summary>
        <p>
          <code>{trainingCsvColumns.join(';')}</code>
        </p>
        <p>{t('import.columnsHint')}</p>
        <p>
          <a href={endpointHref(catalogueEndpoints.exportTrainings)} download>
            {t('import.templateLink')}
          </a>
        </p>
      </details>
      <CheckThenImport id="import-file" upload={upload}>
        {upload.outcome && <ImportOutcome outcome={upload.outcome} />}
      </CheckThenImport>
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  if (outcome.kind === 'failure') {
    const { error } = outcome;
    const lines = error.details ?? (error.field ? [{ field: error.field, message: error.message }] : []);
    if (lines.length === 0 || (error.id !== 'import_rejected' && error.id !== 'validation_error')) return <ErrorAlert error={error} />;
    return <ProblemLines count={lines.length} lines={lines} />;
  }
  const { report, mode } = outcome;
  if (report.errors.length > 0) {
    const lines = report.errors.map((problem) => ({ field: `line ${problem.line}: ${problem.field}`, message: problem.message }));
    return <ProblemLines count={lines.length} lines={lines} />;
  }
  return (
    <p className="alert alert-success" role="status" data-testid="import-report">
      {mode === 'check' ? t('import.checked', { count: report.imported }) : t('import.imported', { count: report.imported })}
    </p>
  );
}

/** Nothing was imported: every refused line, with the count as its title. */
function ProblemLines({ count, lines }: { count: number; lines: Array<{ field: string; message: string }> }) {
  const { t } = useI18n();
  return <TableProblemLines title={t('import.rejected', { count })} note={t('import.nothingImported')} lines={lines} testId="import-report" />;
}
