import { type FormEvent, useState } from 'react';
import { fundingEndpoints } from '../../shared/infra/funding-endpoints';
import { type ApiError, asApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TableProblemLines } from '../components/TableProblemLines';
import { tableBodyOf } from '../components/useTableUpload';
import { useI18n } from '../i18n';
import { useEndpointMutation } from '../serverState';

/** Pupil counts from a CSV or .xlsx file (`groep;teldag;leerlingen`), all or nothing: every bad line is listed and nothing is saved. */
export function PupilCountImport({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [imported, setImported] = useState(false);
  const [busy, setBusy] = useState(false);
  const importCounts = useEndpointMutation(fundingEndpoints.importPupilCounts, { invalidates: ['getFundingSummary', 'getBoardFundingSummary'] });
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setImported(false);
    try {
      await importCounts({ params: { schoolId }, body: await tableBodyOf(file) });
      setImported(true);
    } catch (caught) {
      setFailure(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={send} noValidate className="card" data-testid="counts-import">
      <h2>{t('funding.importTitle')}</h2>
      <p>
        {t('funding.importIntro')} <code>groep;teldag;leerlingen</code>
      </p>
      <div className="field">
        <label htmlFor="counts-file">{t('import.fileLabel')}</label>
        <input id="counts-file" type="file" accept=".csv,text/csv,.xlsx" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </div>
      {failure?.id === 'import_rejected' ? (
        <TableProblemLines title={t('import.rejected', { count: failure.details?.length ?? 0 })} note={t('import.nothingImported')} lines={failure.details ?? []} />
      ) : (
        failure && <ErrorAlert error={failure} />
      )}
      {imported && (
        <p className="alert alert-success" role="status">
          {t('funding.countsSaved')}
        </p>
      )}
      <button type="submit" className="button button-secondary" disabled={busy || !file}>
        {t('import.import')}
      </button>
    </form>
  );
}
