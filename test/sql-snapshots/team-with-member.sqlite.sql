-- TeamAggregateRepository teamWithMember (precompiled)
-- parameters: ["$teamId","$userId"]
select "team_aggregates"."framework_id", "team_aggregates"."framework_version", "team_aggregates"."window_from", "team_aggregates"."window_to", "team_aggregates"."respondents", "team_aggregates"."changed", "team_aggregates"."counts", "team_members"."is_member", "team_members"."scan_id", "team_members"."submitted_at", "team_members"."published_scan_id", "team_members"."member_since"
from "team_aggregates"
inner join "team_members" on "team_members"."team_id" = "team_aggregates"."team_id"
where "team_aggregates"."team_id" = ? and "team_members"."user_id" = ?;
