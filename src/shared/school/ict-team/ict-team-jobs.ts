/* Without zod: the web app's ICT team page imports these values. */

/** What a team member does: one of the model job descriptions, both, or tasks only. */
export const ictTeamJobs = ['pedagogical', 'technical', 'both', 'none'] as const;
export type IctTeamJob = (typeof ictTeamJobs)[number];

/** The most hours a week a member can give: a full-time post. */
export const MAX_ICT_HOURS = 40;
