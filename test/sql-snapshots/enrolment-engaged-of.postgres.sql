-- EnrolmentRepository engagedOf: trainings a teacher enrolled in or completed (precompiled)
-- parameters: ["$userId","cancelled","$userId"]
select "training_id"
from "enrolments"
where "user_id" = $1 and "status" <> $2
union all select "training_id"
from "training_completions"
where "user_id" = $3;
