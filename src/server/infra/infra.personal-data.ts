import { authorColumns, type PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * The ICT park keeps nothing about a person but who recorded what in the school's park; a
 * borrower is a name or the school's own number for a pupil, never an account.
 */
export const infraPersonalData: PersonalDataPart = {
  sections: [],
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
