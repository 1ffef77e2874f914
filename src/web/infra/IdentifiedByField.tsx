import { type BorrowerIdentification, borrowerIdentifications } from '../../shared/infra/loans';
import { useI18n } from '../i18n';
import { FormField } from '../school/FormField';

/** How the school names its borrowers, by name or by its own pseudonymous number: for the single and the bulk loan. */
export function IdentifiedByField({ id, hint, value, onChange }: { id: string; hint?: string; value: BorrowerIdentification; onChange: (value: BorrowerIdentification) => void }) {
  const { t } = useI18n();
  return (
    <FormField id={id} label={t('loans.identifiedBy')} hint={hint}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value as BorrowerIdentification)}>
          {borrowerIdentifications.map((code) => (
            <option key={code} value={code}>
              {t(`loans.identifications.${code}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
