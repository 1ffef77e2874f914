/** The saved versions of the steps after a round (see follow-up.migrations.ts); `steps` is the JSON of the step list. */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type FollowUpStepsTables = {
  centre_follow_up_steps: { version: number; steps: string; saved_by: string | null; saved_at: string };
};
