-- CampaignRepository.reportView: getSchoolReport, the campaign and what its stored report is read from (precompiled)
-- parameters: ["$campaignId","$schoolId"]
select "campaigns".*, "schools"."name" as "school_name", "schools"."education_level" as "school_level", "versions"."version" as "members_version", "report"."seq", "report"."publication", "report"."published_at"
from "schools"
left join "campaigns" on "campaigns"."school_id" = "schools"."id" and "campaigns"."id" = $1
left join "school_membership_versions" as "versions" on "versions"."school_id" = "schools"."id"
left join "campaign_reports" as "report" on "report"."campaign_id" = "campaigns"."id" and "report"."seq" = (select max("later"."seq") as "seq"
  from "campaign_reports" as "later"
  where "later"."campaign_id" = "campaigns"."id")
where "schools"."id" = $2;
