import { formatDate } from '../../shared/i18n/format';
import { loanEndpoints } from '../../shared/infra/loan-endpoints';
import { schoolEndpoints } from '../../shared/school/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { FactList } from '../components/FactList';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SchoolNav } from '../school/SchoolNav';
import { formatCents } from '../school/training-budget/trainingBudgetView';
import { useEndpointQuery } from '../serverState';
import { devicePath, loansPath } from './infraPaths';

/** The loan agreement to print and sign: school, borrower, device, conditions, amounts and signatures. */
export function LoanAgreementPage({ schoolId, loanId }: { schoolId: string; loanId: string }) {
  const { t, locale } = useI18n();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const detail = useEndpointQuery(loanEndpoints.getLoan, { params: { loanId } });
  if ((school.loading && !school.data) || (detail.loading && !detail.data && !detail.error)) return <Loading />;
  const failure = school.error ?? detail.error;
  if (failure || !school.data || !detail.data) {
    return (
      <NarrowPage title={t('loans.agreementTitle')}>
        <SchoolNav schoolId={schoolId} />
        {failure && <ErrorAlert error={failure} onRetry={school.error ? school.reload : detail.reload} />}
      </NarrowPage>
    );
  }
  const { loan } = detail.data;
  const day = (value: string | null) => (value ? formatDate(value, locale) : '—');
  const euro = (cents: number | null) => (cents === null ? t('loans.none') : formatCents(cents, locale));
  const signers = loan.borrowerKind === 'pupil' ? (['signSchool', 'signParent'] as const) : (['signSchool', 'signBorrower'] as const);
  return (
    <NarrowPage title={t('loans.agreementTitle')} testId="loan-agreement">
      <div className="no-print">
        <SchoolNav schoolId={schoolId} />
        <p>
          <Link href={loansPath(schoolId)}>{t('loans.backToLoans')}</Link> · <Link href={devicePath(schoolId, loan.device.id)}>{t('loans.toDevice')}</Link>
        </p>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('loans.print')}
        </button>
      </div>
      <section className="card loan-agreement" aria-labelledby="agreement-parties">
        <h2 id="agreement-parties">{t('loans.parties')}</h2>
        <FactList
          facts={[
            [t('loans.school'), school.data.name],
            [t('loans.borrower'), `${loan.borrower} (${t(`loans.kinds.${loan.borrowerKind}`)}${loan.className ? `, ${loan.className}` : ''})`],
            [t('loans.device'), `${loan.device.manufacturer} ${loan.device.model}`],
            [t('infra.assetTag'), loan.device.assetTag],
            [t('infra.serial'), loan.device.serial ?? '—'],
            [t('loans.lentOn'), day(loan.lentOn)],
            [t('loans.dueOn'), day(loan.dueOn)],
            [t('loans.deposit'), euro(loan.depositCents)],
            [t('loans.contribution'), euro(loan.contributionCents)],
          ]}
        />
        <h2>{t('loans.conditionsTitle')}</h2>
        <p data-testid="agreement-conditions">{loan.conditions ?? t('loans.defaultConditions')}</p>
        {loan.returnedOn && <p>{t('loans.returnedOn', { day: day(loan.returnedOn) })}</p>}
        <div className="signatures">
          {signers.map((signer) => (
            <div key={signer} className="signature">
              <p>{t(`loans.${signer}`)}</p>
              <p className="signature-line">{t('loans.signDate')}</p>
            </div>
          ))}
        </div>
      </section>
    </NarrowPage>
  );
}
