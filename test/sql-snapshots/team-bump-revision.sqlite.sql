-- TeamAggregateRepository bumpRevision (precompiled)
-- parameters: [1,"$teamId"]
update "team_aggregates"
set "revision" = "revision" + ?
where "team_id" = ?;
