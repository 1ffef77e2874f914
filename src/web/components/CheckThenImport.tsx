import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { TableFileField } from './TableFileField';
import type { useTableUpload } from './useTableUpload';

/** The two steps of every table import: check the file first (nothing is written), then import it. */
export type CheckOrImport = 'check' | 'import';

interface Props<R> {
  /** The file input's id. */
  id: string;
  upload: ReturnType<typeof useTableUpload<R, CheckOrImport>>;
  /** The outcome of the last step, shown in the region that takes focus when it arrives. */
  children: ReactNode;
}

/** The file field, the Check and Import buttons, and the report region an upload panel shares. */
export function CheckThenImport<R>({ id, upload, children }: Props<R>) {
  const { t } = useI18n();
  const { busy } = upload;
  return (
    <>
      <TableFileField id={id} label={t('import.fileLabel')} inputRef={upload.fileRef} missingMessage={upload.missingFile ? t('import.fileMissing') : null} onChange={upload.clear} />
      <div className="actions actions-tight">
        <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void upload.run('check')}>
          {busy === 'check' ? t('import.checking') : t('import.check')}
        </button>
        <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void upload.run('import')}>
          {busy === 'import' ? t('import.importing') : t('import.import')}
        </button>
      </div>
      <div ref={upload.reportRef} tabIndex={-1} className="import-report-region">
        {children}
      </div>
    </>
  );
}
