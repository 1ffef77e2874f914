-- DigisnapRepository markSubmitted: submitScan marks the scan submitted only while it is in progress, and reads the stored profile and the teams counting it (precompiled)
-- parameters: ["submitted","$submittedAt","$updatedAt","$total","$level","$band","$result","$scanId","in_progress","$userId","$userId",1,"$frameworkId","$frameworkVersion","$at","$at"]
update "scans"
set "status" = $1, "submitted_at" = $2, "updated_at" = $3, "total" = $4, "level" = $5, "band" = $6, "result" = $7
where "id" = $8 and "status" = $9
returning (select "body"
  from "profiles"
  where "user_id" = $10) as "profile", (select count(*) as "n"
  from "team_members"
  inner join "team_aggregates" on "team_aggregates"."team_id" = "team_members"."team_id"
  where "team_members"."user_id" = $11 and "team_members"."is_member" = $12 and "team_aggregates"."framework_id" = $13 and "team_aggregates"."framework_version" = $14 and "team_aggregates"."window_from" <= $15 and "team_aggregates"."window_to" > $16) as "teams";
