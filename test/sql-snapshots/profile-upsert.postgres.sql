-- DigisnapRepository upsertProfile: submitScan stores the new profile (precompiled)
-- parameters: ["$userId","$scanId","$body","$now"]
insert into "profiles" ("user_id", "scan_id", "body", "updated_at")
values ($1, $2, $3, $4)
on conflict ("user_id") do update
set "scan_id" = "excluded"."scan_id", "body" = "excluded"."body", "updated_at" = "excluded"."updated_at";
