-- SearchRepository.search: that search by relevance, page, total and facets (one statement on SQLite; pageIds and totalAndFacets on PostgreSQL)
-- parameters: ["course","antwerpen","%,secondary,%","2.1","A2","course","antwerpen","%,secondary,%","2.1","A2","\"evalu\"* \"ideeen\"*","published","2026-03-01","course","antwerpen","%,secondary,%","2.1","A2",4,"primary","secondary","teachers","A2",20,20]
with c as materialized (select "t"."id", "t"."kind", "t"."province", "t"."language", "t"."price_cents", "t"."education_levels", "t"."audiences", case when "t"."kind" in (?) then 1 else 0 end as "f_kind", case when "t"."province" in (?) then 1 else 0 end as "f_province", case when ("t"."education_levels" like ?) then 1 else 0 end as "f_educationLevel", case when t.price_cents = 0 then 1 else 0 end as "f_price", case when exists (select 1
    from training_level_steps s
    where s.training_id = t.id and s.competence in (?) and s.from_level = ?) then 1 else 0 end as "f_competence", t.steps as "steps", "t"."title", case when ("t"."kind" in (?) and "t"."province" in (?) and ("t"."education_levels" like ?) and t.price_cents = 0 and exists (select 1
      from training_level_steps s
      where s.training_id = t.id and s.competence in (?) and s.from_level = ?)) then bm25(trainings_fts, 10.0, 4.0, 1.0) end as "r"
  from "trainings_fts"
  inner join "trainings_search" as "t" on "t"."key" = "trainings_fts"."rowid"
  where trainings_fts match ? and "t"."status" = ? and exists (select 1 as "one"
    from "training_sessions" as "d"
    where "d"."training_id" = "t"."id" and "d"."starts_at" >= ?) and case when "t"."kind" in (?) then 1 else 0 end + case when "t"."province" in (?) then 1 else 0 end + case when ("t"."education_levels" like ?) then 1 else 0 end + case when t.price_cents = 0 then 1 else 0 end + case when exists (select 1
    from training_level_steps s
    where s.training_id = t.id and s.competence in (?) and s.from_level = ?) then 1 else 0 end >= ?) select 'total' as facet, '' as value, count(*) as n
from c
where "f_kind" = 1 and "f_province" = 1 and "f_educationLevel" = 1 and "f_price" = 1 and "f_competence" = 1
union all select 'kind' as facet, c.kind as value, count(*) as n
from c
where "f_province" = 1 and "f_educationLevel" = 1 and "f_price" = 1 and "f_competence" = 1
group by c.kind
union all select 'province' as facet, c.province as value, count(*) as n
from c
where "f_kind" = 1 and "f_educationLevel" = 1 and "f_price" = 1 and "f_competence" = 1
group by c.province
union all select 'language' as facet, c.language as value, count(*) as n
from c
where "f_kind" = 1 and "f_province" = 1 and "f_educationLevel" = 1 and "f_price" = 1 and "f_competence" = 1
group by c.language
union all select 'price' as facet, case when c.price_cents = 0 then 'free' else 'paid' end as value, count(*) as n
from c
where "f_kind" = 1 and "f_province" = 1 and "f_educationLevel" = 1 and "f_competence" = 1
group by case when c.price_cents = 0 then 'free' else 'paid' end
union all select 'educationLevel' as facet, v.code as value, sum(g.n) as n
from (select c.education_levels as list, count(*) as n
  from c
  where "f_kind" = 1 and "f_province" = 1 and "f_price" = 1 and "f_competence" = 1
  group by c.education_levels) g
join (select cast(? as text) as code
  union all select cast(? as text) as code) v on g.list like '%,' || v.code || ',%'
group by v.code
union all select 'audience' as facet, v.code as value, sum(g.n) as n
from (select c.audiences as list, count(*) as n
  from c
  where "f_kind" = 1 and "f_province" = 1 and "f_educationLevel" = 1 and "f_price" = 1 and "f_competence" = 1
  group by c.audiences) g
join (select cast(? as text) as code) v on g.list like '%,' || v.code || ',%'
group by v.code
union all select 'competence' as facet, j.key as value, sum(g.n) as n
from (select c.steps as list, count(*) as n
  from c
  where "f_kind" = 1 and "f_province" = 1 and "f_educationLevel" = 1 and "f_price" = 1
  group by c.steps) g, json_each(g.list) j
where j.value = ?
group by j.key
union all select 'page' as facet, p.id as value, row_number() over (order by p.r, p.title, p.id) as n
from (select c.id, c.r, c.title
  from c
  where "f_kind" = 1 and "f_province" = 1 and "f_educationLevel" = 1 and "f_price" = 1 and "f_competence" = 1
  order by c.r, c.title, c.id
  limit ?
  offset ?) p;
