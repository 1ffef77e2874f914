-- SearchRepository.pageIds: one page of a catalogue search by words (FTS5 on SQLite, tsvector on PostgreSQL) and filters, by relevance
-- parameters: ["\"evalu\"* \"ideeen\"*","published","2026-03-01","course","antwerpen","%,secondary,%","2.1","A2",20,20]
select "t"."id"
from "trainings_fts"
inner join "trainings_search" as "t" on "t"."key" = "trainings_fts"."rowid"
where trainings_fts match ? and "t"."status" = ? and exists (select 1 as "one"
  from "training_sessions" as "d"
  where "d"."training_id" = "t"."id" and "d"."starts_at" >= ?) and ("t"."kind" in (?) and "t"."province" in (?) and ("t"."education_levels" like ?) and t.price_cents = 0 and exists (select 1
    from training_level_steps s
    where s.training_id = t.id and s.competence in (?) and s.from_level = ?))
order by bm25(trainings_fts, 10.0, 4.0, 1.0), "t"."title", "t"."id"
limit ?
offset ?;
