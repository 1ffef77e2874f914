import { notFound } from '../../../shared/errors';
import { ictParkSuggestions } from '../../../shared/school/policy-plan/ict-park-actions';
import type { SuggestedAction } from '../../../shared/school/policy-plan/suggested-action';
import type { IctParkFacts } from '../school.needs';
import type { ActionSource, SourceResult } from './action-sources';

/**
 * The ICT park as a source of policy-plan actions: devices due for replacement, the device goal
 * not met, funding left before its deadline. The park has one result, always current: its id is
 * the school's. The infra module answers under its own access rules.
 */
export class IctParkActions implements ActionSource {
  readonly kind = 'ict_park' as const;

  constructor(private readonly park: IctParkFacts) {}

  async suggestedActions(userId: string, schoolId: string, parkId: string): Promise<SuggestedAction[]> {
    if (parkId !== schoolId) throw notFound('ICT park', 'id');
    return ictParkSuggestions(await this.park.policyFacts(userId, schoolId), schoolId);
  }

  async latestResult(userId: string, schoolId: string): Promise<SourceResult> {
    const facts = await this.park.policyFacts(userId, schoolId);
    return { id: schoolId, date: facts.today, label: { nl: 'ICT-park', en: 'ICT park' } };
  }
}
