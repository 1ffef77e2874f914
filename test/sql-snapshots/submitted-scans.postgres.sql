-- DigisnapRepository.submittedOfUser: a teacher's submitted scans, getMyProfile's fallback (precompiled)
-- parameters: ["$userId","submitted"]
select "id", "framework_id", "framework_version", "submitted_at", "result"
from "scans"
where "user_id" = $1 and "status" = $2
order by "submitted_at" asc;
