-- TeamAggregateRepository teamCounts: a submit adds its scan to a team it counts in (precompiled)
-- parameters: ["$counts","$respondents","$changed","$updatedAt","$teamId"]
update "team_aggregates"
set "counts" = ?, "respondents" = ?, "changed" = ?, "updated_at" = ?
where "team_id" = ?;
