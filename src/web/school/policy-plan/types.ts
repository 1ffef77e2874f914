import type { z } from 'zod';
import type {
  ActionBody,
  ActionChanges,
  ActionDto,
  ActionsFromSuggestionsBody,
  actionsFromSuggestionsResultSchema,
  GoalBody,
  GoalChanges,
  GoalDto,
  PolicyPlanDto,
  PolicySourcesDto,
  PolicySuggestionsDto,
  SaveVisionBody,
  VisionDto,
} from '../../../shared/school/policy-plan/policy-plan';

// Types only: importing the contracts' values would pull Zod into the bundle.
export type PolicyPlan = PolicyPlanDto;
export type PolicyVision = VisionDto;
export type PolicyGoal = GoalDto;
export type PolicyAction = ActionDto;
export type PolicySources = PolicySourcesDto;
export type PolicySuggestions = PolicySuggestionsDto;
export type PolicySuggestion = PolicySuggestionsDto['items'][number];
export type VisionInput = SaveVisionBody;
export type GoalInput = GoalBody;
export type GoalUpdate = GoalChanges;
export type ActionInput = ActionBody;
export type ActionUpdate = ActionChanges;
export type SuggestionsInput = ActionsFromSuggestionsBody;
export type SuggestionsResult = z.infer<typeof actionsFromSuggestionsResultSchema>;
export type SourceKind = PolicySourcesDto['items'][number]['kind'];
