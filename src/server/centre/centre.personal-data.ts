import { authorColumns, type PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * The register of actions keeps who saved each version of an action, the centre's targets who
 * set each, and the steps after a round who saved each version: the centre's shared work, and in the person's `activity` (the audit log) already.
 * Bootcamp participants are names the centre registered, not accounts.
 */
export const centrePersonalData: PersonalDataPart = {
  sections: [],
  excluded: authorColumns('centre_action_changes.changed_by', 'centre_targets.updated_by', 'centre_follow_up_steps.saved_by'),
};
