-- TeamAggregateRepository memberScan (precompiled)
-- parameters: ["$scanId","$submittedAt","$teamId","$userId"]
update "team_members"
set "scan_id" = ?, "submitted_at" = ?
where "team_id" = ? and "user_id" = ?;
