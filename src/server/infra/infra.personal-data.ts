import { authorColumns, type PersonalDataPart } from '../platform/personal-data/personal-data';
import type { LoanService } from './loan.service';

/**
 * The ICT park keeps about a person the devices lent to their account (a staff loan bound to a
 * team member) and who recorded what in the school's park; a pupil is a name or the school's own
 * number, never an account.
 */
export function infraPersonalData(loans: LoanService): PersonalDataPart {
  return {
    sections: [
      {
        name: 'loans',
        columns: ['id', 'school', 'asset_tag', 'device', 'lent_on', 'due_on', 'deposit_cents', 'contribution_cents', 'conditions', 'returned_on', 'return_condition', 'return_note'],
        covers: ['loans.borrower_user_id'],
        async read(userId) {
          return (await loans.accountLoans(userId)).map((loan) => ({
            id: loan.id,
            school: loan.schoolId,
            asset_tag: loan.device.assetTag,
            device: `${loan.device.manufacturer} ${loan.device.model}`,
            lent_on: loan.lentOn,
            due_on: loan.dueOn,
            deposit_cents: loan.depositCents,
            contribution_cents: loan.contributionCents,
            conditions: loan.conditions,
            returned_on: loan.returnedOn,
            return_condition: loan.returnCondition,
            return_note: loan.returnNote,
          }));
        },
      },
    ],
    excluded: [
      ...authorColumns(
        'device_events.actor_id',
        'device_sanitisations.recorded_by',
        'loans.lent_by',
        'loans.returned_by',
        'pupil_counts.updated_by',
        'funding_terms.updated_by',
        'funding_spending.recorded_by',
        'infra_files.uploaded_by',
        'decommission_batches.created_by',
      ),
      { column: 'device_sanitisations.performed_by', reason: 'the name of whoever wiped the device, as the school typed it: no account' },
      { column: 'loans.identified_by', reason: 'how the borrower is named (a name or a pupil number): no user id' },
    ],
  };
}
