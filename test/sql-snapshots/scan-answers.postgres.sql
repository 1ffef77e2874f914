-- DigisnapRepository.answersOf: a scan's answers, read by submitScan before it scores (precompiled)
-- parameters: ["$scanId"]
select "competence_code", "option_index"
from "scan_answers"
where "scan_id" = $1;
