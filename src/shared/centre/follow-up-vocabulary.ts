/* Without zod: the web app links a step to its page and checks the editor's limits with these. */

/** The pages of a school a follow-up step can point to: the report of the round, the training plan, the ICT policy plan, the ICT team, the rounds. */
export const followUpPages = ['report', 'training-plan', 'policy-plan', 'ict-team', 'campaigns'] as const;
export type FollowUpPage = (typeof followUpPages)[number];

/** A step's key: lower case words joined by hyphens, stable once schools ticked it. */
export const FOLLOW_UP_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MIN_FOLLOW_UP_STEPS = 2;
export const MAX_FOLLOW_UP_STEPS = 12;
