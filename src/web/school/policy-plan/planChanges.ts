import type { policyPlanEndpoints } from '../../../shared/school/policy-plan/endpoints';
import { useEndpointMutation } from '../../serverState';

/** What any change to the plan shows anew: the plan itself and what it may still take actions from. */
export const planViews = ['getPolicyPlan', 'listPolicySources', 'listPolicySuggestions'];

type PlanEndpoint = (typeof policyPlanEndpoints)[keyof typeof policyPlanEndpoints];

/** A change to the plan; after it the plan page and its suggestion panels reload. */
export function usePlanChange<E extends PlanEndpoint>(endpoint: E) {
  return useEndpointMutation(endpoint, { invalidates: planViews });
}
