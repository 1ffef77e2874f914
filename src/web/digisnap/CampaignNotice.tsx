import { formatDate } from '../../shared/i18n/format';
import { campaignEndpoints } from '../../shared/school/campaign/endpoints';
import { useI18n } from '../i18n';
import { useEndpointQuery } from '../serverState';

/**
 * On the scan's last screen, before submitting: which schools will count this scan in their
 * team report, and the privacy rules in plain words. Without an open campaign it says that no
 * school receives anything from this scan.
 */
export function CampaignNotice() {
  const { t, locale } = useI18n();
  const campaigns = useEndpointQuery(campaignEndpoints.listMyCampaigns);
  if (!campaigns.data) return null;
  const items = campaigns.data.items;
  return (
    <aside className="alert alert-info" aria-labelledby="campaign-notice-title" data-testid="scan-campaign-notice">
      <h2 id="campaign-notice-title">{t('scan.sharingTitle')}</h2>
      {items.length === 0 ? (
        <p>{t('scan.sharingNone')}</p>
      ) : (
        <>
          <p>{t('scan.sharingSchools', { count: items.length })}</p>
          <ul>
            {items.map((item) => (
              <li key={item.campaignId}>{t('scan.sharingSchool', { school: item.schoolName, date: formatDate(item.closesOn, locale) })}</li>
            ))}
          </ul>
          <ul>
            <li>{t('scan.sharingRuleGroup', { threshold: Math.max(...items.map((item) => item.minGroupSize)) })}</li>
            <li>{t('scan.sharingRuleNoise')}</li>
            <li>{t('scan.sharingRuleNobody')}</li>
          </ul>
        </>
      )}
    </aside>
  );
}
