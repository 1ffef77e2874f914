-- CampaignRepository.storedBody: getSchoolReport, the stored report body
-- parameters: ["$campaignId",7]
select "body"
from "campaign_reports"
where "campaign_id" = ? and "seq" = ?;
