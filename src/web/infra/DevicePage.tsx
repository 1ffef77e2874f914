import { type FormEvent, useState } from 'react';
import { formatDate, formatDateTime } from '../../shared/i18n/format';
import { infraEndpoints } from '../../shared/infra/endpoints';
import { type DeviceState, needsSanitisation } from '../../shared/infra/lifecycle';
import { ErrorAlert } from '../components/ErrorAlert';
import { FactList } from '../components/FactList';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { FormField } from '../school/FormField';
import { SchoolNav } from '../school/SchoolNav';
import { formatCents } from '../school/training-budget/trainingBudgetView';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { DeviceForm } from './DeviceForm';
import { formOfDevice } from './deviceView';
import { ictParkPath } from './infraPaths';
import { type WipeDraft, WipeFields } from './WipeFields';

type Detail = NonNullable<ReturnType<typeof useDevice>['data']>;
const useDevice = (deviceId: string) => useEndpointQuery(infraEndpoints.getDevice, { params: { deviceId } });

/** One device: its details, its lifecycle with the moves it may make now, and its history. */
export function DevicePage({ schoolId, deviceId }: { schoolId: string; deviceId: string }) {
  const { t } = useI18n();
  const device = useDevice(deviceId);
  const [editing, setEditing] = useState(false);
  const updateDevice = useEndpointMutation(infraEndpoints.updateDevice, { invalidates: ['listDevices', 'getDevice'] });

  if (device.loading && !device.data && !device.error) return <Loading />;
  if (device.error || !device.data) {
    return (
      <NarrowPage title={t('infra.nav')}>
        <SchoolNav schoolId={schoolId} />
        {device.error && <ErrorAlert error={device.error} onRetry={device.reload} />}
      </NarrowPage>
    );
  }
  const detail = device.data;
  return (
    <NarrowPage title={t('infra.deviceTitle', { tag: detail.device.assetTag })} testId="device-page">
      <SchoolNav schoolId={schoolId} />
      <p className="no-print">
        <Link href={ictParkPath(schoolId)}>{t('infra.backToList')}</Link>
      </p>
      <Lifecycle detail={detail} onChanged={device.setData} />
      {editing ? (
        <section aria-labelledby="device-edit-title">
          <h2 id="device-edit-title">{t('infra.editTitle')}</h2>
          <DeviceForm
            initial={formOfDevice(detail.device)}
            submitLabel={t('infra.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              device.setData(await updateDevice({ params: { deviceId }, body: { device: input } }));
              setEditing(false);
            }}
          />
        </section>
      ) : (
        <Facts detail={detail} onEdit={detail.canManage ? () => setEditing(true) : undefined} />
      )}
      <History detail={detail} />
    </NarrowPage>
  );
}

function Facts({ detail, onEdit }: { detail: Detail; onEdit?: () => void }) {
  const { t, locale } = useI18n();
  const d = detail.device;
  const day = (value: string | null) => (value ? formatDate(value, locale) : '—');
  const facts: Array<[string, string]> = [
    [t('infra.model'), `${d.model.manufacturer} ${d.model.name} (${t(`infra.types.${d.model.type}`)})`],
    [t('infra.serial'), d.serial ?? '—'],
    [t('infra.location'), [d.campus, d.room].filter(Boolean).join(', ') || '—'],
    [t('infra.purchaseDate'), day(d.purchaseDate)],
    [t('infra.price'), d.priceCents === null ? '—' : formatCents(d.priceCents, locale)],
    [t('infra.supplier'), [d.supplier, d.orderNumber].filter(Boolean).join(' · ') || '—'],
    [t('infra.fundingSource'), d.fundingSource ? t(`infra.funding.${d.fundingSource}`) : '—'],
    [t('infra.acquisition'), `${t(`infra.acquisitions.${d.acquisition}`)}${d.leaseEndsOn ? ` · ${day(d.leaseEndsOn)}` : ''}`],
    [t('infra.warrantyEndsOn'), day(d.warrantyEndsOn)],
    [t('infra.endOfLifeOn'), day(d.endOfLifeOn)],
    [t('infra.notes'), d.notes ?? '—'],
  ];
  return (
    <section className="card" aria-labelledby="device-facts-title">
      <h2 id="device-facts-title">{t('infra.factsTitle')}</h2>
      <FactList facts={facts} />
      {onEdit && (
        <button type="button" className="button button-secondary" onClick={onEdit}>
          {t('infra.editTitle')}
        </button>
      )}
    </section>
  );
}

function Lifecycle({ detail, onChanged }: { detail: Detail; onChanged(detail: Detail): void }) {
  const { t, locale } = useI18n();
  const { device } = detail;
  const [to, setTo] = useState<DeviceState | ''>(device.nextStates[0] ?? '');
  const [note, setNote] = useState('');
  const [wipe, setWipe] = useState<WipeDraft>({ method: 'purge', performedBy: '', performedOn: '' });
  const [done, setDone] = useState(false);
  const changeState = useEndpointMutation(infraEndpoints.changeDeviceState, { invalidates: ['listDevices'] });
  const submit = useSubmit(async () => {
    if (to === '') return;
    const sanitisation = needsSanitisation(to) ? wipe : null;
    const changed = await changeState({ params: { deviceId: device.id }, body: { to, note: note || null, sanitisation } });
    setNote('');
    setTo(changed.device.nextStates[0] ?? '');
    setDone(true);
    onChanged(changed);
  });
  const move = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void submit.run();
  };
  const s = detail.sanitisation;
  return (
    <section className="card" aria-labelledby="device-lifecycle-title">
      <h2 id="device-lifecycle-title">{t('infra.lifecycleTitle')}</h2>
      <p data-testid="device-state">{t('infra.currentState', { state: t(`infra.states.${device.state}`) })}</p>
      {s && <p>{t('infra.sanitisation', { method: t(`infra.methods.${s.method}`), by: s.performedBy, on: formatDate(s.performedOn, locale) })}</p>}
      {device.nextStates.length === 0 && <p>{t('infra.noNextStates')}</p>}
      {detail.canManage && device.nextStates.length > 0 && (
        <form onSubmit={move} noValidate>
          <FormField id="move-to" label={t('infra.moveTo')}>
            {(control) => (
              <select {...control} value={to} onChange={(event) => setTo(event.target.value as DeviceState)}>
                {device.nextStates.map((code) => (
                  <option key={code} value={code}>
                    {t(`infra.states.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {to !== '' && needsSanitisation(to) && (
            <fieldset className="form-section">
              <legend>{t('infra.sanitisationTitle')}</legend>
              <p className="field-hint">{t('infra.sanitisationHint')}</p>
              <WipeFields idPrefix="wipe" value={wipe} onChange={setWipe} />
            </fieldset>
          )}
          <FormField id="move-note" label={t('infra.note')} optional>
            {(control) => <input {...control} value={note} onChange={(event) => setNote(event.target.value)} />}
          </FormField>
          {submit.failure && <ErrorAlert error={submit.failure} />}
          {done && (
            <p className="alert alert-success" role="status">
              {t('infra.moved')}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={submit.busy}>
            {submit.busy ? t('infra.moving') : t('infra.move')}
          </button>
        </form>
      )}
    </section>
  );
}

function History({ detail }: { detail: Detail }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" aria-labelledby="device-history-title">
      <h2 id="device-history-title">{t('infra.historyTitle')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="device-history-title">
        <table className="data-table" data-testid="device-history">
          <caption className="visually-hidden">{t('infra.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('infra.when')}</th>
              <th scope="col">{t('infra.who')}</th>
              <th scope="col">{t('infra.fromTo')}</th>
              <th scope="col">{t('infra.note')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.history.map((event, index) => (
              <tr key={`${event.at}-${index}`}>
                <td>{formatDateTime(event.at, locale)}</td>
                <td>{event.actorName ?? t('infra.system')}</td>
                <td>{event.from ? `${t(`infra.states.${event.from}`)} → ${t(`infra.states.${event.to}`)}` : t('infra.added', { state: t(`infra.states.${event.to}`) })}</td>
                <td>{event.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
