-- DigisnapRepository.profileBody: getMyProfile, the hottest read (precompiled)
-- parameters: ["$userId"]
select "body"
from "profiles"
where "user_id" = $1;
