-- SchoolRepository rolesOf: the roles of a user in a school (precompiled)
-- parameters: ["$userId","$schoolId"]
select "role"
from "memberships"
where "user_id" = ? and "school_id" = ?;
