-- SchoolRepository provincesOf: the provinces of a teacher's schools, for every recommendation (precompiled)
-- parameters: ["$userId"]
select "schools"."province"
from "memberships"
inner join "schools" on "schools"."id" = "memberships"."school_id"
where "memberships"."user_id" = ?
order by "schools"."name";
