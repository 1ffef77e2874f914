-- DigisnapRepository profileBeforeSubmit: the stored profile a submit extends, and how many scans are submitted (precompiled)
-- parameters: ["$userId","$userId","submitted"]
select (select "body"
  from "profiles"
  where "user_id" = ?) as "body", (select count(*) as "n"
  from "scans"
  where "user_id" = ? and "status" = ?) as "submitted";
