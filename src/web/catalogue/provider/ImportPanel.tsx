import { useRef, useState } from 'react';
import { trainingCsvColumns } from '../../../shared/catalogue/codes';
import { api, trainingsExportUrl, type ApiError } from '../../api';
import { CsvFileField } from '../../components/CsvFileField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import type { ImportReport } from '../types';

type Outcome = { kind: 'report'; report: ImportReport; dryRun: boolean } | { kind: 'failure'; error: ApiError };

/** Bring many trainings in at once from a CSV file: check first (dry run), then import. */
export function ImportPanel({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const [missingFile, setMissingFile] = useState(false);

  const run = async (dryRun: boolean) => {
    const file = fileRef.current?.files?.[0];
    setMissingFile(!file);
    setOutcome(undefined);
    if (!file) return fileRef.current?.focus();
    setBusy(dryRun ? 'check' : 'import');
    try {
      const report = await api.importTrainings(await file.text(), dryRun);
      setOutcome({ kind: 'report', report, dryRun });
      if (!dryRun && report.errors.length === 0) onImported();
    } catch (error) {
      setOutcome({ kind: 'failure', error: asApiError(error) });
    } finally {
      setBusy(null);
      requestAnimationFrame(() => reportRef.current?.focus());
    }
  };

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
          <a href={trainingsExportUrl} download>
            {t('import.templateLink')}
          </a>
        </p>
      </details>
      <CsvFileField
        id="import-file"
        label={t('import.fileLabel')}
        inputRef={fileRef}
        missingMessage={missingFile ? t('import.fileMissing') : null}
        onChange={() => {
          setMissingFile(false);
          setOutcome(undefined);
        }}
      />
      <div className="actions actions-tight">
        <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => run(true)}>
          {busy === 'check' ? t('import.checking') : t('import.check')}
        </button>
        <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => run(false)}>
          {busy === 'import' ? t('import.importing') : t('import.import')}
        </button>
      </div>
      <div ref={reportRef} tabIndex={-1} className="import-report-region">
        {outcome && <ImportOutcome outcome={outcome} />}
      </div>
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  if (outcome.kind === 'failure') {
    const { error } = outcome;
    const lines = error.details ?? (error.field ? [{ field: error.field, message: error.message }] : []);
    if (lines.length === 0 || (error.id !== 'import_rejected' && error.id !== 'validation_error')) return <ErrorAlert error={error} />;
    return <ProblemLines title={t('import.rejected', { count: lines.length })} lines={lines} />;
  }
  const { report, dryRun } = outcome;
  if (report.errors.length > 0) {
    const lines = report.errors.map((problem) => ({ field: `line ${problem.line}: ${problem.field}`, message: problem.message }));
    return <ProblemLines title={t('import.rejected', { count: lines.length })} lines={lines} />;
  }
  return (
    <p className="alert alert-success" role="status" data-testid="import-report">
      {dryRun ? t('import.checked', { count: report.imported }) : t('import.imported', { count: report.imported })}
    </p>
  );
}

const withoutPrefix = (message: string, field: string) => (message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message);

/** Every bad line and field, as the server found them; nothing was imported. */
function ProblemLines({ title, lines }: { title: string; lines: Array<{ field: string; message: string }> }) {
  const { t } = useI18n();
  // the server writes `line 3: prijs_euro`; the column names are the CSV's own, so only "line" is translated
  const where = (field: string) => field.replace(/^line (\d+): /, (_, line: string) => `${t('import.line', { line })}: `);
  return (
    <div className="alert alert-error" role="alert" data-testid="import-report">
      <p>
        <strong>{title}</strong> {t('import.nothingImported')}
      </p>
      <div className="table-wrap">
        <table className="data-table import-problems">
          <caption className="visually-hidden">{t('import.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columnWhere')}</th>
              <th scope="col">{t('import.columnProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index}>
                <th scope="row">{where(line.field)}</th>
                {/* the API writes its messages in English */}
                <td lang="en">{withoutPrefix(line.message, line.field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
