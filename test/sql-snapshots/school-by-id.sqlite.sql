-- SchoolRepository schoolById (precompiled)
-- parameters: ["$schoolId"]
select "id", "name", "institution_number", "education_level", "province", "network", "board_id"
from "schools"
where "id" = ?;
