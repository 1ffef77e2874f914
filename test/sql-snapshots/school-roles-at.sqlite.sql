-- SchoolRepository rolesAtSchool: every school access check, the user's own roles and the board's in one read (precompiled)
-- parameters: ["$userId","$schoolId","$userId","board_admin","$schoolId"]
select "role"
from "memberships"
where "user_id" = ? and "school_id" = ?
union all select 'board_admin' as "role"
from "memberships" as "board"
inner join "schools" as "sibling" on "sibling"."id" = "board"."school_id"
where "board"."user_id" = ? and "board"."role" = ? and "sibling"."board_id" = (select "board_id"
  from "schools"
  where "id" = ?);
