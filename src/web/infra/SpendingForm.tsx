import { type FormEvent, useState } from 'react';
import { parseEuroInput } from '../../shared/i18n/format';
import { infraFileEndpoints } from '../../shared/infra/file-endpoints';
import { type ProcurementProcedure, procurementProcedures } from '../../shared/infra/funding';
import type { FundingSummary } from '../../shared/infra/funding-api';
import { fundingEndpoints } from '../../shared/infra/funding-endpoints';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { FormField } from '../school/FormField';
import { useEndpointMutation } from '../serverState';
import { refusalText } from './fundingView';
import { fileToBase64 } from './infraFileUpload';

const empty = {
  category: '',
  description: '',
  supplier: '',
  amount: '',
  invoiceReference: '',
  invoiceDate: '',
  notDoubleFinanced: false,
  procurementProcedure: 'low_value_invoice' as ProcurementProcedure,
  procurementReference: '',
};

/** Record a spending line with its invoice file: a refused category shows the scheme's reason as soon as it is chosen, and again if the server refuses it. */
export function SpendingForm({ schoolId, data }: { schoolId: string; data: FundingSummary }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState(empty);
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [recorded, setRecorded] = useState(false);
  const upload = useEndpointMutation(infraFileEndpoints.uploadInfraFile);
  const record = useEndpointMutation(fundingEndpoints.recordSpending, { invalidates: ['getFundingSummary', 'getBoardFundingSummary'] });
  const change = (patch: Partial<typeof empty>) => setForm({ ...form, ...patch });
  const chosen = data.scheme.categories.find((c) => c.code === form.category);

  const fieldOf = (error: ApiError) => error.field?.replace(/^body\./, '').replace(/^evidenceFileIds.*/, 'file');
  const submit = useSubmit(
    async () => {
      const amountCents = parseEuroInput(form.amount);
      const evidenceFileIds = file ? [(await upload({ params: { schoolId }, body: { name: file.name, contentBase64: await fileToBase64(file) } })).id] : [];
      await record({
        params: { schoolId },
        body: {
          scheme: data.scheme.id,
          category: form.category,
          description: form.description,
          supplier: form.supplier || null,
          amountCents: amountCents ?? -1,
          invoiceReference: form.invoiceReference,
          invoiceDate: form.invoiceDate,
          notDoubleFinanced: form.notDoubleFinanced,
          procurementProcedure: form.procurementProcedure,
          procurementReference: form.procurementReference || null,
          evidenceFileIds,
        },
      });
      setForm(empty);
      setFile(null);
      setRecorded(true);
    },
    {
      handle: (error) => {
        const field = fieldOf(error);
        if (!field) return false;
        const refusal = refusalText(error, data.scheme, form.category, data.deadline, locale, {
          unknownCategory: t('funding.unknownCategory'),
          outsideWindow: (window) => t('funding.outsideWindow', window),
        });
        setProblems({ [field === 'amountCents' ? 'amount' : field === 'contentBase64' ? 'file' : field]: refusal ?? t(`errors.${error.id}`, { defaultValue: error.message }) });
        return true;
      },
    },
  );
  const send = (event: FormEvent) => {
    event.preventDefault();
    setRecorded(false);
    setProblems({});
    void submit.run();
  };
  return (
    <form onSubmit={send} noValidate className="card" data-testid="spending-form">
      <h2>{t('funding.record')}</h2>
      <FormField id="spending-category" label={t('funding.category')} problem={problems.category ?? (chosen && !chosen.eligible ? chosen.reason?.[locale] : undefined)}>
        {(control) => (
          <select {...control} value={form.category} onChange={(event) => change({ category: event.target.value })}>
            <option value="">{t('funding.chooseCategory')}</option>
            {data.scheme.categories.map((category) => (
              <option key={category.code} value={category.code}>
                {category.name[locale]}
                {category.eligible ? '' : ` (${t('funding.refused')})`}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="spending-description" label={t('funding.description')} problem={problems.description}>
        {(control) => <input {...control} value={form.description} onChange={(event) => change({ description: event.target.value })} />}
      </FormField>
      <FormField id="spending-supplier" label={t('funding.supplier')} optional>
        {(control) => <input {...control} value={form.supplier} onChange={(event) => change({ supplier: event.target.value })} />}
      </FormField>
      <FormField id="spending-amount" label={t('funding.amountEuro')} hint={t('funding.amountHint')} problem={problems.amount}>
        {(control) => <input {...control} inputMode="decimal" value={form.amount} onChange={(event) => change({ amount: event.target.value })} />}
      </FormField>
      <FormField id="spending-invoice" label={t('funding.invoiceReference')} problem={problems.invoiceReference}>
        {(control) => <input {...control} value={form.invoiceReference} onChange={(event) => change({ invoiceReference: event.target.value })} />}
      </FormField>
      <FormField id="spending-date" label={t('funding.invoiceDate')} problem={problems.invoiceDate}>
        {(control) => <input {...control} type="date" value={form.invoiceDate} onChange={(event) => change({ invoiceDate: event.target.value })} />}
      </FormField>
      <div className="checkbox-field">
        <input id="spending-double" type="checkbox" checked={form.notDoubleFinanced} onChange={(event) => change({ notDoubleFinanced: event.target.checked })} />
        <label htmlFor="spending-double">{t('funding.declareNotDouble')}</label>
      </div>
      <FormField id="spending-procedure" label={t('funding.procedure')}>
        {(control) => (
          <select {...control} value={form.procurementProcedure} onChange={(event) => change({ procurementProcedure: event.target.value as ProcurementProcedure })}>
            {procurementProcedures.map((procedure) => (
              <option key={procedure} value={procedure}>
                {t(`funding.procedures.${procedure}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="spending-procedure-reference" label={t('funding.procedureReference')} optional problem={problems.procurementReference}>
        {(control) => <input {...control} value={form.procurementReference} onChange={(event) => change({ procurementReference: event.target.value })} />}
      </FormField>
      <FormField id="spending-file" label={t('funding.invoiceFile')} hint={t('funding.invoiceFileHint')} optional problem={problems.file}>
        {(control) => <input {...control} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
      </FormField>
      {submit.failure && <ErrorAlert error={submit.failure} />}
      {recorded && (
        <p className="alert alert-success" role="status" data-testid="spending-recorded">
          {t('funding.recorded')}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={submit.busy}>
        {t('funding.recordButton')}
      </button>
    </form>
  );
}
