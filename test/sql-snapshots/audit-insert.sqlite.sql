-- AuditRepository insertEvent: one audit row per write, in its transaction (precompiled)
-- parameters: ["$id","$at","$actorId","$action","$subject","$details"]
insert into "audit_log" ("id", "at", "actor_id", "action", "subject", "details")
values (?, ?, ?, ?, ?, ?);
