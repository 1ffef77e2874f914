-- SchoolRepository rolesOf: the roles of a user in a school (precompiled)
-- parameters: ["$userId","$schoolId"]
select "role"
from "memberships"
where "user_id" = $1 and "school_id" = $2;
