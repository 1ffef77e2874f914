import { type FormEvent, useState } from 'react';
import { acquisitionKinds, deviceTypes, fundingSources } from '../../shared/infra/device-types';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldProblemText } from '../components/issueText';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { FormField, focusFirstProblem } from '../school/FormField';
import { type DeviceFormProblems, type DeviceFormValues, type DeviceInputBody, formFieldOf, toDeviceInput } from './deviceView';

interface Props {
  initial: DeviceFormValues;
  submitLabel: string;
  onSubmit(input: DeviceInputBody): Promise<unknown>;
  onCancel?(): void;
  /** Fields shown before the others (the state of a new device). */
  extra?: React.ReactNode;
  leavesPage?: boolean;
}

/** The details of a device, to add or change it; the browser checks what it can, the server names the rest by field. */
export function DeviceForm({ initial, submitLabel, onSubmit, onCancel, extra, leavesPage }: Props) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof DeviceFormValues, string>>>({});
  const submit = useSubmit(onSubmit, {
    leavesPage,
    handle: (error: ApiError) => {
      const field = formFieldOf(error.field);
      if (!field) return false;
      const problem = fieldProblemText(t, locale, error);
      setProblems({ [field]: problem });
      focusFirstProblem('device', { [field]: problem });
      return true;
    },
  });
  const set = (key: keyof DeviceFormValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = toDeviceInput(values);
    if ('problems' in checked) {
      const texts = Object.fromEntries(Object.entries(checked.problems as DeviceFormProblems).map(([key, id]) => [key, t(`infra.${id!}`)]));
      setProblems(texts);
      submit.clearFailure();
      focusFirstProblem('device', texts);
      return;
    }
    setProblems({});
    await submit.run(checked.input);
  }

  const text = (key: keyof DeviceFormValues, label: string, options: { type?: string; optional?: boolean; hint?: string } = {}) => (
    <FormField id={`device-${key}`} label={label} problem={problems[key]} optional={options.optional ?? true} hint={options.hint}>
      {(control) => <input {...control} type={options.type ?? 'text'} value={values[key]} onChange={set(key)} />}
    </FormField>
  );
  const choice = (key: keyof DeviceFormValues, label: string, codes: readonly string[], labelOf: (code: string) => string, empty?: string) => (
    <FormField id={`device-${key}`} label={label} problem={problems[key]} optional={empty !== undefined}>
      {(control) => (
        <select {...control} value={values[key]} onChange={set(key)}>
          {empty !== undefined && <option value="">{empty}</option>}
          {codes.map((code) => (
            <option key={code} value={code}>
              {labelOf(code)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <form className="card device-form" onSubmit={(event) => void save(event)} noValidate>
      {extra}
      {text('assetTag', t('infra.assetTag'), { optional: false })}
      {text('serial', t('infra.serial'))}
      {choice('type', t('infra.type'), deviceTypes, (code) => t(`infra.types.${code as (typeof deviceTypes)[number]}`))}
      {text('manufacturer', t('infra.manufacturer'), { optional: false })}
      {text('modelName', t('infra.model'), { optional: false })}
      {text('expectedLifeMonths', t('infra.expectedLife'), { hint: t('infra.expectedLifeHint') })}
      {text('purchaseDate', t('infra.purchaseDate'), { type: 'date' })}
      {text('price', t('infra.price'), { hint: t('infra.priceHint') })}
      {text('supplier', t('infra.supplier'))}
      {text('orderNumber', t('infra.orderNumber'))}
      {choice('fundingSource', t('infra.fundingSource'), fundingSources, (code) => t(`infra.funding.${code as (typeof fundingSources)[number]}`), '—')}
      {choice('acquisition', t('infra.acquisition'), acquisitionKinds, (code) => t(`infra.acquisitions.${code as (typeof acquisitionKinds)[number]}`))}
      {values.acquisition !== 'bought' && text('leaseEndsOn', t('infra.leaseEndsOn'), { type: 'date', optional: false })}
      {text('warrantyMonths', t('infra.warrantyMonths'))}
      {text('campus', t('infra.campus'))}
      {text('room', t('infra.room'))}
      <FormField id="device-notes" label={t('infra.notes')} problem={problems.notes} optional>
        {(control) => <textarea {...control} rows={3} value={values.notes} onChange={set('notes')} />}
      </FormField>
      {submit.failure && <ErrorAlert error={submit.failure} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={submit.busy}>
          {submit.busy ? t('infra.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('infra.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
