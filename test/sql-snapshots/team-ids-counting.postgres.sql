-- TeamAggregateRepository teamIdsCounting: the teams a submitted scan counts in (precompiled)
-- parameters: ["$userId",1,"$frameworkId","$frameworkVersion","$at","$at"]
select "team_members"."team_id"
from "team_members"
inner join "team_aggregates" on "team_aggregates"."team_id" = "team_members"."team_id"
where "team_members"."user_id" = $1 and "team_members"."is_member" = $2 and "team_aggregates"."framework_id" = $3 and "team_aggregates"."framework_version" = $4 and "team_aggregates"."window_from" <= $5 and "team_aggregates"."window_to" > $6
order by "team_members"."team_id";
