-- DigisnapRepository markSubmitted: submitScan marks the scan submitted only while it is in progress, and reads the stored profile and the teams counting it (precompiled)
-- parameters: ["submitted","$submittedAt","$updatedAt","$total","$level","$band","$result","$scanId","in_progress","$userId","$userId",1,"$frameworkId","$frameworkVersion","$at","$at"]
update "scans"
set "status" = ?, "submitted_at" = ?, "updated_at" = ?, "total" = ?, "level" = ?, "band" = ?, "result" = ?
where "id" = ? and "status" = ?
returning (select "body"
  from "profiles"
  where "user_id" = ?) as "profile", (select count(*) as "n"
  from "team_members"
  inner join "team_aggregates" on "team_aggregates"."team_id" = "team_members"."team_id"
  where "team_members"."user_id" = ? and "team_members"."is_member" = ? and "team_aggregates"."framework_id" = ? and "team_aggregates"."framework_version" = ? and "team_aggregates"."window_from" <= ? and "team_aggregates"."window_to" > ?) as "teams";
