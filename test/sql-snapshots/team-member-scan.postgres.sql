-- TeamAggregateRepository memberScan (precompiled)
-- parameters: ["$scanId","$submittedAt","$teamId","$userId"]
update "team_members"
set "scan_id" = $1, "submitted_at" = $2
where "team_id" = $3 and "user_id" = $4;
