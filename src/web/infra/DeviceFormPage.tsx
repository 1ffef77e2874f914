import { useState } from 'react';
import { infraEndpoints } from '../../shared/infra/endpoints';
import { type InitialDeviceState, initialDeviceStates } from '../../shared/infra/lifecycle';
import { NarrowPage } from '../components/NarrowPage';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { FormField } from '../school/FormField';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointMutation } from '../serverState';
import { DeviceForm } from './DeviceForm';
import { emptyDeviceForm } from './deviceView';
import { devicePath, ictParkPath } from './infraPaths';

/** Add one device to the school's park. */
export function NewDevicePage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<InitialDeviceState>('in_stock');
  const createDevice = useEndpointMutation(infraEndpoints.createDevice, { invalidates: ['listDevices'] });
  return (
    <NarrowPage title={t('infra.newTitle')}>
      <SchoolNav schoolId={schoolId} />
      <DeviceForm
        initial={emptyDeviceForm}
        submitLabel={t('infra.add')}
        leavesPage
        onCancel={() => navigate(ictParkPath(schoolId))}
        onSubmit={async (device) => {
          const created = await createDevice({ params: { schoolId }, body: { device, state } });
          navigate(devicePath(schoolId, created.device.id));
        }}
        extra={
          <FormField id="device-state" label={t('infra.initialState')}>
            {(control) => (
              <select {...control} value={state} onChange={(event) => setState(event.target.value as InitialDeviceState)}>
                {initialDeviceStates.map((code) => (
                  <option key={code} value={code}>
                    {t(`infra.states.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        }
      />
    </NarrowPage>
  );
}
