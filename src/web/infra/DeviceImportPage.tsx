import type { z } from 'zod';
import type { deviceImportReportSchema } from '../../shared/infra/api';
import { infraEndpoints } from '../../shared/infra/endpoints';
import { type CheckOrImport, CheckThenImport } from '../components/CheckThenImport';
import { ErrorAlert } from '../components/ErrorAlert';
import { NarrowPage } from '../components/NarrowPage';
import { TableProblemLines } from '../components/TableProblemLines';
import { type UploadOutcome, useTableUpload } from '../components/useTableUpload';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointMutation } from '../serverState';
import { ictParkPath } from './infraPaths';

type Report = z.infer<typeof deviceImportReportSchema>;
type Mode = CheckOrImport;

const ownColumns =
  'inventarisnummer;serienummer;fabrikant;model;type;levensduur_maanden;aankoopdatum;prijs_euro;leverancier;bestelnummer;financiering;verwerving;einde_contract;garantie_maanden;campus;lokaal;status;notities';

/** Bring a whole park in at once, in our columns or Snipe-IT's: check first (dry run), then import. */
export function DeviceImportPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const importDevices = useEndpointMutation(infraEndpoints.importDevices, { invalidates: ['listDevices'] });
  const upload = useTableUpload<Report, Mode>({
    send: (table, mode) => importDevices({ params: { schoolId }, query: mode === 'check' ? { dryRun: 'true' } : {}, body: table }),
  });
  return (
    <NarrowPage title={t('infra.importTitle')}>
      <SchoolNav schoolId={schoolId} />
      <p className="no-print">
        <Link href={ictParkPath(schoolId)}>{t('infra.backToList')}</Link>
      </p>
      <section className="card" data-testid="import-panel">
        <p>{t('infra.importIntro')}</p>
        <details className="import-columns">
          <summary>{t('infra.importColumns')}</summary>
          <p>
            <code>{ownColumns}</code>
          </p>
          <p>{t('infra.importSnipe')}</p>
        </details>
        <CheckThenImport id="device-import-file" upload={upload}>
          {upload.outcome && <Outcome outcome={upload.outcome} />}
        </CheckThenImport>
      </section>
    </NarrowPage>
  );
}

function Outcome({ outcome }: { outcome: UploadOutcome<Report, Mode> }) {
  const { t } = useI18n();
  if (outcome.kind === 'failure') {
    const { error } = outcome;
    const lines = error.details ?? (error.field ? [{ field: error.field, message: error.message }] : []);
    if (lines.length === 0 || (error.id !== 'import_rejected' && error.id !== 'validation_error')) return <ErrorAlert error={error} />;
    return <TableProblemLines title={t('import.rejected', { count: lines.length })} note={t('import.nothingImported')} lines={lines} testId="import-report" />;
  }
  const { report, mode } = outcome;
  const format = t(report.format === 'snipe-it' ? 'infra.formatSnipeIt' : 'infra.formatDigisprong');
  return (
    <p className="alert alert-success" role="status" data-testid="import-report">
      {mode === 'check' ? t('infra.checked', { count: report.imported }) : t('infra.imported', { count: report.imported })} {t('infra.detectedFormat', { format })}
    </p>
  );
}
