-- TeamAggregateRepository bumpRevision (precompiled)
-- parameters: [1,"$teamId"]
update "team_aggregates"
set "revision" = "revision" + $1
where "team_id" = $2;
