import { type FormEvent, useState } from 'react';
import type { DecommissionBatchDto } from '../../shared/infra/decommission-api';
import { decommissionEndpoints } from '../../shared/infra/decommission-endpoints';
import { infraFileEndpoints } from '../../shared/infra/file-endpoints';
import { INFRA_FILE_MAX_BYTES } from '../../shared/infra/files';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { FormField } from '../school/FormField';
import { useEndpointMutation } from '../serverState';
import { fileToBase64 } from './infraFileUpload';

/**
 * The certificate a batch was handed over without, added later: for the whole batch, or for one
 * device whose wipe record has none of its own (a device's shows the batch's once it has one, so
 * the form is there while the batch has none). One given stays.
 */
export function LateCertificateForm({ batch }: { batch: DecommissionBatchDto }) {
  const { t } = useI18n();
  const uncovered = batch.devices.filter((device) => device.sanitisation.certificate === null);
  const [picked, setTarget] = useState('');
  // A device certified meanwhile leaves the list: the choice falls back to the whole batch.
  const target = uncovered.some((device) => device.id === picked) ? picked : '';
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string>();
  const upload = useEndpointMutation(infraFileEndpoints.uploadInfraFile);
  const attach = useEndpointMutation(decommissionEndpoints.attachDecommissionCertificate, { invalidates: ['getDecommissionBatch', 'listDecommissionBatches'] });
  const submit = useSubmit(async () => {
    const uploaded = await upload({ params: { schoolId: batch.schoolId }, body: { name: file!.name, contentBase64: await fileToBase64(file!) } });
    await attach({ params: { batchId: batch.id }, body: { fileId: uploaded.id, ...(target ? { deviceId: target } : {}) } });
    setFile(null);
  });
  if (batch.certificate !== null) return null;

  const send = (event: FormEvent) => {
    event.preventDefault();
    const wrong = file === null ? t('decom.chooseFile') : file.size > INFRA_FILE_MAX_BYTES ? t('decom.fileTooLarge') : undefined;
    setProblem(wrong);
    if (!wrong) void submit.run();
  };
  return (
    <form className="card no-print" onSubmit={send} noValidate aria-labelledby="late-certificate-title" data-testid="late-certificate">
      <h2 id="late-certificate-title">{t('decom.addCertificate')}</h2>
      <FormField id="late-certificate-for" label={t('decom.certificateFor')}>
        {(control) => (
          <select {...control} value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value="">{t('decom.wholeBatch')}</option>
            {uncovered.map((device) => (
              <option key={device.id} value={device.id}>
                {device.assetTag}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="late-certificate-file" label={t('decom.certificateFile')} problem={problem}>
        {(control) => <input {...control} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
      </FormField>
      {submit.failure && <ErrorAlert error={submit.failure} />}
      <button type="submit" className="button button-primary" disabled={submit.busy}>
        {t('decom.addCertificateButton')}
      </button>
    </form>
  );
}
