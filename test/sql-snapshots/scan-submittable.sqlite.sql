-- DigisnapRepository.findSubmittable: submitScan's first read, the caller's scan with its answers and how many other scans of theirs are submitted (precompiled)
-- parameters: ["$userId","submitted","$scanId","$scanId","$userId"]
select "scans".*, "scan_answers"."competence_code", "scan_answers"."option_index", (select count(*) as "n"
  from "scans" as "earlier"
  where "earlier"."user_id" = ? and "earlier"."status" = ? and "earlier"."id" <> ?) as "earlier"
from "scans"
left join "scan_answers" on "scan_answers"."scan_id" = "scans"."id"
where "scans"."id" = ? and "scans"."user_id" = ?
order by "scan_answers"."competence_code";
