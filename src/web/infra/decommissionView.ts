import type { UiLocale } from '../../shared/i18n/format';
import type { ReusePartner } from '../../shared/infra/decommission-api';

/** What a partner takes, in the page's language. */
export const partnerTakes = (partner: ReusePartner, locale: UiLocale) => partner.takes[locale];

/** A school year by the year it starts, as schools write it: 2026-2027. */
export const schoolYearLabel = (startYear: number) => `${startYear}-${startYear + 1}`;

/** The bytes of a picked file in base64, as uploadInfraFile takes them. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
