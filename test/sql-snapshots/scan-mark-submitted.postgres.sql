-- DigisnapRepository markSubmitted: submitScan marks the scan submitted only while it is in progress (precompiled)
-- parameters: ["submitted","$submittedAt","$updatedAt","$total","$level","$band","$result","$scanId","in_progress"]
update "scans"
set "status" = $1, "submitted_at" = $2, "updated_at" = $3, "total" = $4, "level" = $5, "band" = $6, "result" = $7
where "id" = $8 and "status" = $9
returning "id";
