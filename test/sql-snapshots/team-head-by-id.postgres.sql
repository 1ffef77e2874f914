-- TeamAggregateRepository teamHeadById (precompiled)
-- parameters: ["$teamId"]
select "team_id", "framework_id", "framework_version", "window_from", "window_to", "members_version", "respondents", "changed", "publication"
from "team_aggregates"
where "team_id" = $1;
