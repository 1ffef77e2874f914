-- DigisnapRepository markSubmitted: submitScan marks the scan submitted only while it is in progress (precompiled)
-- parameters: ["submitted","$submittedAt","$updatedAt","$total","$level","$band","$result","$scanId","in_progress"]
update "scans"
set "status" = ?, "submitted_at" = ?, "updated_at" = ?, "total" = ?, "level" = ?, "band" = ?, "result" = ?
where "id" = ? and "status" = ?
returning "id";
