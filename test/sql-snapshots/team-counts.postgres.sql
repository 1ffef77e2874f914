-- TeamAggregateRepository teamCounts: a submit adds its scan to a team it counts in (precompiled)
-- parameters: ["$counts","$respondents","$changed","$updatedAt","$teamId"]
update "team_aggregates"
set "counts" = $1, "respondents" = $2, "changed" = $3, "updated_at" = $4
where "team_id" = $5;
