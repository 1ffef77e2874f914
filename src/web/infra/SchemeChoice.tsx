import type { FundingSummary } from '../../shared/infra/funding-api';
import { useI18n } from '../i18n';

/** The funding scheme a page shows, a scheme whose rates are not sourced yet marked as such. */
export function SchemeChoice({ id, schemes, value, onChange }: { id: string; schemes: FundingSummary['schemes']; value: string; onChange: (scheme: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('funding.scheme')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {schemes.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name[locale]}
            {choice.verified ? '' : ` (${t('funding.unverified')})`}
          </option>
        ))}
      </select>
    </div>
  );
}
