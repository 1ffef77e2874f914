-- SessionsRepository.find: every authenticated request (precompiled)
-- parameters: ["$sessionId"]
select "id", "user_id", "csrf_token", "expires_at"
from "sessions"
where "id" = $1;
