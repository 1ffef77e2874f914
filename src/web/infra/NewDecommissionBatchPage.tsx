import { type FormEvent, useState } from 'react';
import { batchMoves, batchRoutes } from '../../shared/infra/decommission';
import { decommissionEndpoints } from '../../shared/infra/decommission-endpoints';
import { infraEndpoints } from '../../shared/infra/endpoints';
import { infraFileEndpoints } from '../../shared/infra/file-endpoints';
import { INFRA_FILE_MAX_BYTES } from '../../shared/infra/files';
import { type DeviceState, deviceStates } from '../../shared/infra/lifecycle';
import { brusselsDate } from '../../shared/platform/brussels-time';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { issueText } from '../components/issueText';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { FormField } from '../school/FormField';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { partnerTakes } from './decommissionView';
import { fileToBase64 } from './infraFileUpload';
import { decommissionBatchPath, decommissionPath } from './infraPaths';
import { type WipeDraft, WipeFields } from './WipeFields';

/** The states a batch can take a device from, by one route or the other: what the picker filters on. */
const leavingStates = deviceStates.filter((state) => batchRoutes.some((route) => batchMoves(state, route, { method: 'purge', performedBy: '-', performedOn: '2000-01-01' }).ok));

/**
 * A new batch: pick the devices (filtered by state or words), the partner (reuse before
 * recycling), the wipe record and the certificate; the server moves them all or none.
 */
export function NewDecommissionBatchPage({ schoolId }: { schoolId: string }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<DeviceState>('to_refurbish');
  const [words, setWords] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [partnerId, setPartnerId] = useState('');
  const [handedOverOn, setHandedOverOn] = useState(brusselsDate(new Date()));
  const [wipe, setWipe] = useState<WipeDraft>({ method: 'purge', performedBy: '', performedOn: brusselsDate(new Date()) });
  const [verification, setVerification] = useState('');
  const [certificateRef, setCertificateRef] = useState('');
  const [certificate, setCertificate] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const partners = useEndpointQuery(decommissionEndpoints.listReusePartners);
  const devices = useEndpointQuery(infraEndpoints.listDevices, { params: { schoolId }, query: { state, limit: 200, ...(words ? { q: words } : {}) } });
  const upload = useEndpointMutation(infraFileEndpoints.uploadInfraFile);
  const create = useEndpointMutation(decommissionEndpoints.createDecommissionBatch, { invalidates: ['listDecommissionBatches', 'listDevices', 'getDevice', 'getReplacementForecast'] });
  const submit = useSubmit(
    async () => {
      const file = certificate && (await upload({ params: { schoolId }, body: { name: certificate.name, contentBase64: await fileToBase64(certificate) } }));
      const batch = await create({
        params: { schoolId },
        body: {
          partnerId,
          handedOverOn,
          sanitisation: { ...wipe, verification, certificateRef, certificateFileId: file?.id ?? null },
          devices: [...picked].map((assetTag) => ({ assetTag })),
        },
      });
      navigate(decommissionBatchPath(schoolId, batch.id));
    },
    { leavesPage: true },
  );

  if (partners.loading && !partners.data) return <Loading />;
  const toggle = (assetTag: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(assetTag)) next.add(assetTag);
      return next;
    });
  const pickFile = (file: File | null) => {
    setFileProblem(file && file.size > INFRA_FILE_MAX_BYTES ? t('decom.fileTooLarge') : undefined);
    setCertificate(file);
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!fileProblem) void submit.run();
  };
  return (
    <NarrowPage title={t('decom.newTitle')} testId="new-decommission-batch">
      <SchoolNav schoolId={schoolId} />
      <p>
        <Link href={decommissionPath(schoolId)}>{t('decom.backToList')}</Link>
      </p>
      <p className="lead">{t('decom.newIntro')}</p>
      <form onSubmit={send} noValidate>
        <fieldset className="card">
          <legend>{t('decom.pickDevices')}</legend>
          <FormField id="decom-state" label={t('infra.state')}>
            {(control) => (
              <select {...control} value={state} onChange={(event) => setState(event.target.value as DeviceState)}>
                {leavingStates.map((code) => (
                  <option key={code} value={code}>
                    {t(`infra.states.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="decom-words" label={t('decom.search')} optional>
            {(control) => <input {...control} type="search" value={words} onChange={(event) => setWords(event.target.value)} />}
          </FormField>
          {devices.error && <ErrorAlert error={devices.error} onRetry={devices.reload} />}
          <ul className="check-list" data-testid="decom-devices">
            {(devices.data?.items ?? []).map((device) => (
              <li key={device.id}>
                <label>
                  <input type="checkbox" checked={picked.has(device.assetTag)} onChange={() => toggle(device.assetTag)} /> {device.assetTag} · {device.model.manufacturer}{' '}
                  {device.model.name}
                  {device.purchaseDate ? ` · ${device.purchaseDate.slice(0, 4)}` : ''}
                </label>
              </li>
            ))}
          </ul>
          <p role="status" data-testid="decom-picked">
            {t('decom.picked', { count: picked.size })}
          </p>
        </fieldset>
        <fieldset className="card">
          <legend>{t('decom.partner')}</legend>
          <p className="field-hint">{t('decom.partnerHint')}</p>
          {(partners.data?.partners ?? []).map((partner) => (
            <div key={partner.id} className="radio-row">
              <label>
                <input type="radio" name="decom-partner" value={partner.id} checked={partnerId === partner.id} onChange={() => setPartnerId(partner.id)} />{' '}
                <strong>{partner.name}</strong> ({t(`decom.routes.${partner.route}`)}): {partnerTakes(partner, locale)}
              </label>
            </div>
          ))}
          <FormField id="decom-handed-over" label={t('decom.handedOverOn')}>
            {(control) => <input {...control} type="date" value={handedOverOn} onChange={(event) => setHandedOverOn(event.target.value)} />}
          </FormField>
        </fieldset>
        <fieldset className="card">
          <legend>{t('decom.wipeTitle')}</legend>
          <p className="field-hint">{t('decom.wipeHint')}</p>
          <WipeFields idPrefix="decom" value={wipe} onChange={setWipe} />
          <FormField id="decom-verification" label={t('decom.verification')} hint={t('decom.verificationHint')}>
            {(control) => <input {...control} value={verification} onChange={(event) => setVerification(event.target.value)} />}
          </FormField>
          <FormField id="decom-ref" label={t('decom.certificateRef')} optional>
            {(control) => <input {...control} value={certificateRef} onChange={(event) => setCertificateRef(event.target.value)} />}
          </FormField>
          <FormField id="decom-file" label={t('decom.certificateFile')} hint={t('decom.certificateFileHint')} optional problem={fileProblem}>
            {(control) => <input {...control} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(event) => pickFile(event.target.files?.[0] ?? null)} />}
          </FormField>
        </fieldset>
        {submit.failure && <BatchFailure error={submit.failure} />}
        <button type="submit" className="button button-primary" disabled={submit.busy}>
          {t('decom.submit', { count: picked.size })}
        </button>
      </form>
    </NarrowPage>
  );
}

/** A refused batch names every refused device; other failures as any. */
function BatchFailure({ error }: { error: ApiError }) {
  const { t, locale } = useI18n();
  if (error.id !== 'decommission_rejected') return <ErrorAlert error={error} />;
  return (
    <div className="alert alert-error" role="alert" data-testid="decom-problems">
      <p>{t('errors.decommission_rejected')}</p>
      <ul>
        {(error.details ?? []).map((detail) => {
          const problem = issueText(t, locale, detail);
          return (
            <li key={detail.field} lang={problem.lang}>
              {problem.text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
