import { type FormEvent, useRef, useState } from 'react';
import { parseEuroInput } from '../../shared/i18n/format';
import { loanEndpoints } from '../../shared/infra/loan-endpoints';
import type { BorrowerIdentification } from '../../shared/infra/loans';
import { ErrorAlert } from '../components/ErrorAlert';
import { NarrowPage } from '../components/NarrowPage';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { FormField } from '../school/FormField';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { IdentifiedByField } from './IdentifiedByField';
import { loansPath } from './infraPaths';
import { LoanProblems } from './LoanProblems';
import { classLines, pupilsOf, scanTag } from './loanView';

/**
 * A class's devices at the start of the year: the class and its pupils first, then each tag
 * typed or scanned (a scanner types the tag and Enter) goes to the next pupil of the list; one
 * request lends them all, or none with every bad line named.
 */
export function BulkLoanPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const earlier = useEndpointQuery(loanEndpoints.listLoans, { params: { schoolId }, query: { status: 'all' } });
  const [className, setClassName] = useState('');
  const [identifiedBy, setIdentifiedBy] = useState<BorrowerIdentification>('number');
  const [pupilText, setPupilText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [deposit, setDeposit] = useState('');
  const [contribution, setContribution] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [scan, setScan] = useState('');
  const [scanProblem, setScanProblem] = useState<string | undefined>();
  const [missing, setMissing] = useState<string | undefined>();
  const [lent, setLent] = useState<number | null>(null);
  const scanField = useRef<HTMLInputElement>(null);
  const pupils = pupilsOf(pupilText);
  const lines = classLines(pupils, tags);
  const scanned = lines.filter((line) => line.assetTag !== '');
  const lendDevices = useEndpointMutation(loanEndpoints.lendDevices, { invalidates: ['listLoans', 'listDevices', 'getDevice'] });
  const submit = useSubmit(async () => {
    const report = await lendDevices({
      params: { schoolId },
      body: {
        className,
        identifiedBy,
        dueOn: dueOn || null,
        depositCents: parseEuroInput(deposit),
        contributionCents: parseEuroInput(contribution),
        loans: scanned.map(({ assetTag, borrower }) => ({ assetTag, borrower })),
      },
    });
    setLent(report.items.length);
    setTags([]);
  });

  const onScan = (event: FormEvent) => {
    event.preventDefault();
    const next = scanTag(tags, pupils.length, scan);
    if (next === null) {
      setScanProblem(scan.trim() === '' ? t('infra.required') : tags.includes(scan.trim()) ? t('loans.scannedTwice', { tag: scan.trim() }) : t('loans.noPupilLeft'));
      return;
    }
    setTags(next);
    setScan('');
    setScanProblem(undefined);
    setLent(null);
  };
  const lend = () => {
    const problem =
      className.trim() === ''
        ? t('loans.classMissing')
        : scanned.length === 0
          ? t('loans.nothingScanned')
          : [deposit, contribution].some((text) => text.trim() !== '' && parseEuroInput(text) === null)
            ? t('infra.invalidAmount')
            : undefined;
    setMissing(problem);
    if (!problem) void submit.run();
  };

  return (
    <NarrowPage title={t('loans.bulkTitle')}>
      <SchoolNav schoolId={schoolId} />
      <p className="no-print">
        <Link href={loansPath(schoolId)}>{t('loans.backToLoans')}</Link>
      </p>
      <p>{t('loans.bulkIntro')}</p>
      <section className="card" aria-labelledby="bulk-class-title">
        <h2 id="bulk-class-title">{t('loans.classStep')}</h2>
        <FormField id="bulk-class" label={t('loans.className')} hint={t('loans.classHint')}>
          {(control) => <input {...control} list="bulk-class-choices" value={className} onChange={(event) => setClassName(event.target.value)} />}
        </FormField>
        <datalist id="bulk-class-choices">
          {(earlier.data?.classes ?? []).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <IdentifiedByField id="bulk-identified-by" hint={t('loans.identifiedByHint')} value={identifiedBy} onChange={setIdentifiedBy} />
        <FormField id="bulk-pupils" label={t('loans.pupils')} hint={t('loans.pupilsHint')}>
          {(control) => <textarea {...control} rows={6} value={pupilText} onChange={(event) => setPupilText(event.target.value)} />}
        </FormField>
        <FormField id="bulk-due" label={t('loans.dueOn')} optional>
          {(control) => <input {...control} type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />}
        </FormField>
        <FormField id="bulk-deposit" label={t('loans.depositField')} hint={t('infra.priceHint')} optional>
          {(control) => <input {...control} inputMode="decimal" value={deposit} onChange={(event) => setDeposit(event.target.value)} />}
        </FormField>
        <FormField id="bulk-contribution" label={t('loans.contributionField')} optional>
          {(control) => <input {...control} inputMode="decimal" value={contribution} onChange={(event) => setContribution(event.target.value)} />}
        </FormField>
      </section>
      <section className="card" aria-labelledby="bulk-scan-title">
        <h2 id="bulk-scan-title">{t('loans.scanStep')}</h2>
        <form onSubmit={onScan} noValidate>
          <FormField id="bulk-scan" label={t('loans.scanField')} hint={t('loans.scanHint')} problem={scanProblem}>
            {(control) => <input {...control} ref={scanField} autoComplete="off" value={scan} onChange={(event) => setScan(event.target.value)} />}
          </FormField>
        </form>
        <p role="status" data-testid="scan-count">
          {t('loans.scanned', { count: scanned.length, total: pupils.length })}
        </p>
        {lines.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('loans.classTable')}>
            <table className="data-table" data-testid="class-table">
              <caption className="visually-hidden">{t('loans.classTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('loans.borrower')}</th>
                  <th scope="col">{t('infra.assetTag')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line, index) => (
                  <tr key={`${line.borrower}-${index}`}>
                    <td>{index + 1}</td>
                    <td>{line.borrower}</td>
                    <td>{line.assetTag || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {tags.length > 0 && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setTags(tags.slice(0, -1));
              scanField.current?.focus();
            }}
          >
            {t('loans.undoScan')}
          </button>
        )}
      </section>
      {missing && (
        <p className="alert alert-error" role="alert">
          {missing}
        </p>
      )}
      {submit.failure &&
        (submit.failure.id === 'loans_rejected' ? <LoanProblems error={submit.failure} tags={scanned.map((line) => line.assetTag)} /> : <ErrorAlert error={submit.failure} />)}
      {lent !== null && (
        <p className="alert alert-success" role="status" data-testid="bulk-result">
          {t('loans.lent', { count: lent, className })} <Link href={`${loansPath(schoolId)}?status=open&className=${encodeURIComponent(className)}`}>{t('loans.seeClass')}</Link>
        </p>
      )}
      <button type="button" className="button button-primary" disabled={submit.busy} onClick={lend}>
        {t('loans.lendAll', { count: scanned.length })}
      </button>
    </NarrowPage>
  );
}
