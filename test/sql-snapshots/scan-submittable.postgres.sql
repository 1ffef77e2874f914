-- DigisnapRepository.findSubmittable: submitScan's first read, the caller's scan with its answers and how many other scans of theirs are submitted (precompiled)
-- parameters: ["$userId","submitted","$scanId","$scanId","$userId"]
select "scans".*, "scan_answers"."competence_code", "scan_answers"."option_index", (select count(*) as "n"
  from "scans" as "earlier"
  where "earlier"."user_id" = $1 and "earlier"."status" = $2 and "earlier"."id" <> $3) as "earlier"
from "scans"
left join "scan_answers" on "scan_answers"."scan_id" = "scans"."id"
where "scans"."id" = $4 and "scans"."user_id" = $5
order by "scan_answers"."competence_code";
