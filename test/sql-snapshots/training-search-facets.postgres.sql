-- SearchRepository.totalAndFacets: the total and every facet count of that search, in one statement
-- parameters: ["course","antwerpen","%,secondary,%","2.1","A2","evalu:* & ideeen:*","published","2026-03-01","course","antwerpen","%,secondary,%","2.1","A2",4,"primary","secondary","teachers","A2"]
with c as materialized (select "t"."id", "t"."kind", "t"."province", "t"."language", "t"."price_cents", "t"."education_levels", "t"."audiences", case when "t"."kind" in ($1) then 1 else 0 end as "f_kind", case when "t"."province" in ($2) then 1 else 0 end as "f_province", case when ("t"."education_levels" like $3) then 1 else 0 end as "f_educationLevel", case when t.price_cents = 0 then 1 else 0 end as "f_price", case when exists (select 1
    from training_level_steps s
    where s.training_id = t.id and s.competence in ($4) and s.from_level = $5) then 1 else 0 end as "f_competence"
  from "trainings" as "t"
  where t.search_vector @@ to_tsquery('simple', $6) and "t"."status" = $7 and exists (select 1 as "one"
    from "training_sessions" as "d"
    where "d"."training_id" = "t"."id" and "d"."starts_at" >= $8) and case when "t"."kind" in ($9) then 1 else 0 end + case when "t"."province" in ($10) then 1 else 0 end + case when ("t"."education_levels" like $11) then 1 else 0 end + case when t.price_cents = 0 then 1 else 0 end + case when exists (select 1
    from training_level_steps s
    where s.training_id = t.id and s.competence in ($12) and s.from_level = $13) then 1 else 0 end >= $14) select 'total' as facet, '' as value, count(*) as n
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
join (select cast($15 as text) as code
  union all select cast($16 as text) as code) v on g.list like '%,' || v.code || ',%'
group by v.code
union all select 'audience' as facet, v.code as value, sum(g.n) as n
from (select c.audiences as list, count(*) as n
  from c
  where "f_kind" = 1 and "f_province" = 1 and "f_educationLevel" = 1 and "f_price" = 1 and "f_competence" = 1
  group by c.audiences) g
join (select cast($17 as text) as code) v on g.list like '%,' || v.code || ',%'
group by v.code
union all select 'competence' as facet, s.competence as value, count(*) as n
from c
cross join training_level_steps s
where s.training_id = c.id and s.from_level = $18 and "f_kind" = 1 and "f_province" = 1 and "f_educationLevel" = 1 and "f_price" = 1
group by s.competence;
