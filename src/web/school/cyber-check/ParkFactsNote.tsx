import { formatPercent } from '../../../shared/i18n/format';
import { cyberCheckEndpoints } from '../../../shared/school/cyber-check/endpoints';
import { useI18n } from '../../i18n';
import { useEndpointQuery } from '../../serverState';

/**
 * Beside the inventory and disposal measures: what the school's ICT park records, so the answer
 * can be weighed against the facts. Nothing for other measures, or while the facts load.
 */
export function ParkFactsNote({ schoolId, reference }: { schoolId: string; reference: string | null }) {
  const { t, locale } = useI18n();
  const facts = useEndpointQuery(cyberCheckEndpoints.getCyberCheckParkFacts, { params: { schoolId } });
  if (!facts.data || !reference) return null;
  const { inventory, disposal } = facts.data;
  const share = (part: number, whole: number) => (whole === 0 ? '—' : formatPercent(part / whole, locale));
  if (reference === inventory.reference)
    return (
      <p className="alert alert-info" data-testid="park-facts">
        {t('cyber.parkInventory', { complete: inventory.complete, devices: inventory.devices, share: share(inventory.complete, inventory.devices) })}
      </p>
    );
  if (reference === disposal.reference)
    return (
      <p className="alert alert-info" data-testid="park-facts">
        {t('cyber.parkDisposal', { sanitised: disposal.sanitised, left: disposal.leftSchool, share: share(disposal.sanitised, disposal.leftSchool) })}
      </p>
    );
  return null;
}
