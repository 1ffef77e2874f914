import { authorColumns, type PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * The register of actions keeps who saved each version of an action: the centre's shared work,
 * and in the person's `activity` (the audit log) already. Bootcamp participants are names the
 * centre registered, not accounts.
 */
export const centreActionsPersonalData: PersonalDataPart = { sections: [], excluded: authorColumns('centre_action_changes.changed_by') };
