import type { ProtectedTeam } from './protected-team';

/**
 * The contract of Digisnap's team aggregates, as other modules ask for them (see
 * `DigisnapService`'s aggregates API): a team is described by its source, and what comes back
 * is a state (numbers only) or a published, protected team. Raw counts never appear here.
 */

export interface TeamSource {
  /** The caller's id for the team, e.g. the campaign's; also the salt of its respondent keys. */
  teamId: string;
  frameworkId: string;
  frameworkVersion: string;
  /** The window scans count in: from inclusive, to exclusive, ISO-8601 UTC. */
  from: string;
  to: string;
  /** Changes whenever the member list may have changed: the members are asked for only then. */
  membersVersion: string;
  members(): Promise<readonly TeamMember[]>;
}

/** A member of the team, and since when (ISO-8601 UTC): only scans submitted from then on count. */
export interface TeamMember {
  userId: string;
  since: string;
}

export interface TeamState {
  respondents: number;
  /** New respondents since the published state: teachers the published round does not count yet. */
  changed: number;
  /** How many states were published; 0 before the first. */
  publication: number;
}

export interface PublishedTeam {
  publication: number;
  respondents: number;
  /** Opaque `<teacher>.<scan>` keys (see respondentKey), salted with the team id. */
  respondentKeys: string[];
  team: ProtectedTeam;
}

/** A team's published state also counts in comparison groups, as its member's (its school's) part. */
export interface ComparisonPart {
  member: string;
  /** The member's education level, for the same-level group; null: Flanders only. */
  level: string | null;
}

/** Which comparison groups to show beside one member: the framework, the member left out, their education level. */
export interface ComparisonRequest {
  frameworkId: string;
  frameworkVersion: string;
  exceptMember: string;
  level: string | null;
  threshold: number;
}

export interface ComparisonGroup {
  /** Members (schools) in the group, the asking one left out. */
  members: number;
  team: ProtectedTeam;
}
