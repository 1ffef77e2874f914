import { teamReportSuggestions } from '../../../shared/school/campaign/team-report-actions';
import type { SuggestedAction } from '../../../shared/school/policy-plan/suggested-action';
import type { ActionSource, SourceResult } from '../policy-plan/action-sources';
import type { CampaignService } from './campaign.service';

/**
 * The team report as a source of policy-plan actions. It reads the report through
 * CampaignService, behind its access check and privacy gate: a caller who may not read the
 * report gets its 403 or 404, and too few respondents its 422.
 */
export class TeamReportActions implements ActionSource {
  readonly kind = 'team_report' as const;

  constructor(private readonly campaigns: CampaignService) {}

  async suggestedActions(userId: string, schoolId: string, campaignId: string): Promise<SuggestedAction[]> {
    return teamReportSuggestions(await this.campaigns.schoolReport(userId, schoolId, campaignId));
  }

  /** The newest campaign with a report (campaigns are listed newest first). */
  async latestResult(userId: string, schoolId: string): Promise<SourceResult | null> {
    const campaign = (await this.campaigns.listCampaigns(userId, schoolId)).find((c) => c.report.available);
    return campaign ? { id: campaign.id, date: campaign.opensOn, label: { nl: 'Digisnap-directierapport', en: 'Digisnap leadership report' } } : null;
  }
}
