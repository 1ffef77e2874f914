import { type SanitisationMethod, sanitisationMethods } from '../../shared/infra/lifecycle';
import { useI18n } from '../i18n';
import { FormField } from '../school/FormField';

/** What a wipe record states before a device leaves: the NIST SP 800-88 method, who wiped it and when. */
export interface WipeDraft {
  method: SanitisationMethod;
  performedBy: string;
  performedOn: string;
}

/** The wipe record's fields, on a device's page and on a new decommission batch. */
export function WipeFields({ idPrefix, value, onChange }: { idPrefix: string; value: WipeDraft; onChange(next: WipeDraft): void }) {
  const { t } = useI18n();
  const set = (change: Partial<WipeDraft>) => onChange({ ...value, ...change });
  return (
    <>
      <FormField id={`${idPrefix}-method`} label={t('infra.sanitisationMethod')}>
        {(control) => (
          <select {...control} value={value.method} onChange={(event) => set({ method: event.target.value as SanitisationMethod })}>
            {sanitisationMethods.map((code) => (
              <option key={code} value={code}>
                {t(`infra.methods.${code}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${idPrefix}-by`} label={t('infra.performedBy')}>
        {(control) => <input {...control} value={value.performedBy} onChange={(event) => set({ performedBy: event.target.value })} />}
      </FormField>
      <FormField id={`${idPrefix}-on`} label={t('infra.performedOn')}>
        {(control) => <input {...control} type="date" value={value.performedOn} onChange={(event) => set({ performedOn: event.target.value })} />}
      </FormField>
    </>
  );
}
