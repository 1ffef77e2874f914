-- DigisnapRepository.findOwned: the caller's scan, read first by submitScan and every scan route (precompiled)
-- parameters: ["$scanId","$userId"]
select *
from "scans"
where "id" = $1 and "user_id" = $2;
