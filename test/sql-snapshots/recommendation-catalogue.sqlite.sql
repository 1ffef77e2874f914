-- CatalogueRepository.recommendationCatalogue: the published catalogue that search and recommendations keep in memory
-- parameters: [1]
select "version"
from "catalogue_version"
where "id" = ?;

-- parameters: ["published"]
select "id", "kind", "province", "price_cents", "language", "education_levels", "audiences"
from "trainings"
where "status" = ?;

-- parameters: ["published"]
select "s"."training_id", "s"."competence", "s"."from_level", "s"."to_level"
from "training_level_steps" as "s"
inner join "trainings" as "t" on "t"."id" = "s"."training_id"
where "t"."status" = ?
order by "s"."training_id", "s"."competence";

-- parameters: ["published"]
select "s"."id", "s"."training_id", "s"."starts_at", "s"."enrolment_deadline", "s"."online", "s"."capacity", "s"."enrolled_count"
from "training_sessions" as "s"
inner join "trainings" as "t" on "t"."id" = "s"."training_id"
where "t"."status" = ?
order by "s"."starts_at", "s"."id";

-- parameters: []
select "id", "name", "verified"
from "providers";

-- parameters: ["published","",500]
select "id", "title", "summary", "kind", "language", "education_levels", "duration_hours", "price_cents", "payable_from_ict_budget", "province", "city", "status", "description", "provider_id"
from "trainings"
where "status" = ? and "id" > ?
order by "id"
limit ?;
