-- SearchRepository.pageIds: one page of a catalogue search by words (FTS5 on SQLite, tsvector on PostgreSQL) and filters, by relevance
-- parameters: ["evalu:* & ideeen:*","published","2026-03-01","course","antwerpen","%,secondary,%","2.1","A2","evalu:* & ideeen:*",20,20]
select "t"."id"
from "trainings" as "t"
where t.search_vector @@ to_tsquery('simple', $1) and "t"."status" = $2 and exists (select 1 as "one"
  from "training_sessions" as "d"
  where "d"."training_id" = "t"."id" and "d"."starts_at" >= $3) and ("t"."kind" in ($4) and "t"."province" in ($5) and ("t"."education_levels" like $6) and t.price_cents = 0 and exists (select 1
    from training_level_steps s
    where s.training_id = t.id and s.competence in ($7) and s.from_level = $8))
order by ts_rank(t.search_vector, to_tsquery('simple', $9)) desc, "t"."title", "t"."id"
limit $10
offset $11;
