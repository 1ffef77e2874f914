-- CampaignRepository.reportAccess: getSchoolReport, the caller's roles at the school and the campaign's report view in one read (precompiled)
-- parameters: ["$userId","$userId","board_admin","$campaignId","$schoolId"]
select "campaigns".*, "schools"."name" as "school_name", "schools"."education_level" as "school_level", "versions"."version" as "members_version", "report"."seq", "report"."publication", "report"."published_at", (select group_concat(own.role, ',') as "roles"
  from "memberships" as "own"
  where "own"."school_id" = "schools"."id" and "own"."user_id" = ?) as "own_roles", exists (select "board"."user_id"
  from "memberships" as "board"
  inner join "schools" as "sibling" on "sibling"."id" = "board"."school_id"
  where "board"."user_id" = ? and "board"."role" = ? and "sibling"."board_id" = "schools"."board_id") as "board_admin"
from "schools"
left join "campaigns" on "campaigns"."school_id" = "schools"."id" and "campaigns"."id" = ?
left join "school_membership_versions" as "versions" on "versions"."school_id" = "schools"."id"
left join "campaign_reports" as "report" on "report"."campaign_id" = "campaigns"."id" and "report"."seq" = (select max("later"."seq") as "seq"
  from "campaign_reports" as "later"
  where "later"."campaign_id" = "campaigns"."id")
where "schools"."id" = ?;
