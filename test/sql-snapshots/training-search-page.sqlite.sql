-- SearchRepository.pageIds: one page of a catalogue search by words (FTS5 on SQLite, tsvector on PostgreSQL) and filters, by relevance
-- parameters: ["\"evalu\"* \"ideeen\"*","published","2026-03-01","course","antwerpen","%,secondary,%","2.1","A2",20,20]
select "t"."id"
from (select rowid, bm25(trainings_fts, 10.0, 4.0, 1.0) as rank
  from trainings_fts
  where trainings_fts match ?) as "m"
inner join "trainings_fts_keys" as "k" on "k"."id" = "m"."rowid"
inner join "trainings" as "t" on "t"."id" = "k"."training_id"
where "t"."status" = ? and exists (select 1 as "one"
  from "training_sessions" as "d"
  where "d"."training_id" = "t"."id" and "d"."starts_at" >= ?) and ("t"."kind" in (?) and "t"."province" in (?) and ("t"."education_levels" like ?) and t.price_cents = 0 and exists (select 1
    from training_level_steps s
    where s.training_id = t.id and s.competence in (?) and s.from_level = ?))
order by m.rank, "t"."title", "t"."id"
limit ?
offset ?;
