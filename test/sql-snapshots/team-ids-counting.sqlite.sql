-- TeamAggregateRepository teamIdsCounting: the teams a submitted scan counts in (precompiled)
-- parameters: ["$userId",1,"$frameworkId","$frameworkVersion","$at","$at"]
select "team_members"."team_id"
from "team_members"
inner join "team_aggregates" on "team_aggregates"."team_id" = "team_members"."team_id"
where "team_members"."user_id" = ? and "team_members"."is_member" = ? and "team_aggregates"."framework_id" = ? and "team_aggregates"."framework_version" = ? and "team_aggregates"."window_from" <= ? and "team_aggregates"."window_to" > ?
order by "team_members"."team_id";
