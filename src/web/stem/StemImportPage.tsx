import { formatNumber } from '../../shared/i18n/format';
import type { StemImportReport } from '../../shared/stem/api';
import { stemEndpoints } from '../../shared/stem/endpoints';
import { type CheckOrImport, CheckThenImport } from '../components/CheckThenImport';
import { ErrorAlert } from '../components/ErrorAlert';
import { NarrowPage } from '../components/NarrowPage';
import { TableProblemLines } from '../components/TableProblemLines';
import { type UploadOutcome, useTableUpload } from '../components/useTableUpload';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointMutation } from '../serverState';
import { useMayImportStemCounts } from './stemAccess';
import { stemPath } from './stemPaths';

const columns = 'school_year;level;moment;programme_type;province;stem_category;gender;count;domain;school_number';

/** The knowledge centre's upload of counts: check the file first (the school years it would replace), then import. */
export function StemImportPage() {
  const { t } = useI18n();
  const mayImport = useMayImportStemCounts();
  const importCounts = useEndpointMutation(stemEndpoints.importStemCounts, { invalidates: ['listStemIndicators', 'getStemSeries', 'getStemIndicators'] });
  const upload = useTableUpload<StemImportReport, CheckOrImport>({
    send: (table, mode) => importCounts({ query: mode === 'check' ? { dryRun: 'true' } : {}, body: table }),
  });
  return (
    <NarrowPage title={t('stemImport.title')}>
      <p className="no-print">
        <Link href={stemPath()}>{t('stemImport.back')}</Link>
      </p>
      {mayImport ? (
        <section className="card" data-testid="stem-import-panel">
          <p>{t('stemImport.intro')}</p>
          <details className="import-columns">
            <summary>{t('import.columnsTitle')}</summary>
            <p>
              <code>{columns}</code>
            </p>
            <p>{t('stemImport.columnsHint')}</p>
          </details>
          <CheckThenImport id="stem-import-file" upload={upload}>
            {upload.outcome && <Outcome outcome={upload.outcome} />}
          </CheckThenImport>
        </section>
      ) : (
        <p className="alert alert-info" data-testid="stem-import-refused">
          {t('stemImport.notAllowed')}
        </p>
      )}
    </NarrowPage>
  );
}

function Outcome({ outcome }: { outcome: UploadOutcome<StemImportReport, CheckOrImport> }) {
  const { t, locale } = useI18n();
  if (outcome.kind === 'failure') {
    const { error } = outcome;
    const lines = error.details ?? (error.field ? [{ field: error.field, message: error.message }] : []);
    if (lines.length === 0 || (error.id !== 'import_rejected' && error.id !== 'validation_error')) return <ErrorAlert error={error} />;
    return <TableProblemLines title={t('import.rejected', { count: lines.length })} note={t('import.nothingImported')} lines={lines} testId="stem-import-report" />;
  }
  const { report, mode } = outcome;
  return (
    <div className="alert alert-success" role="status" data-testid="stem-import-report">
      <p>{mode === 'check' ? t('stemImport.checked', { count: report.rows }) : t('stemImport.imported', { count: report.rows })}</p>
      <ul>
        {report.years.map((year) => (
          <li key={year.year}>
            {t(mode === 'check' ? 'stemImport.yearWouldReplace' : 'stemImport.yearReplaced', {
              year: year.year,
              rows: formatNumber(year.rows, locale, 0),
              pupils: formatNumber(year.pupils, locale, 0),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
