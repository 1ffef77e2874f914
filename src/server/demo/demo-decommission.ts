import type { Services } from '../app';

/** A one-page PDF, enough for a demo certificate to download and open. */
const certificatePdf = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
  '4 0 obj << /Length 74 >> stream',
  'BT /F1 18 Tf 72 760 Td (Demo: wiscertificaat CTG-2026-0412, 2 toestellen) Tj ET',
  'endstream endobj',
  '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');

/**
 * The demo school's first decommission batch: two desktops of the computer room, too slow for
 * the tests, handed to Close the Gap for refurbishing with the partner's wipe certificate.
 */
export async function seedDemoDecommission(services: Services, schoolId: string, ictUserId: string): Promise<void> {
  const tags = ['PC-004', 'PC-005'];
  for (const tag of tags) {
    const [desktop] = (await services.devices.listDevices(ictUserId, schoolId, { q: tag, sort: 'assetTag', order: 'asc', page: 1, limit: 1 })).items;
    await services.devices.changeState(ictUserId, desktop.id, { to: 'to_refurbish', note: 'Te traag voor de toetsen', sanitisation: null });
  }
  const certificate = await services.files.upload(ictUserId, schoolId, { name: 'wiscertificaat-close-the-gap.pdf', contentBase64: Buffer.from(certificatePdf).toString('base64') });
  await services.decommission.createBatch(ictUserId, schoolId, {
    partnerId: 'close-the-gap',
    handedOverOn: '2026-10-15',
    note: 'Opgehaald samen met de toestellen van de buurschool',
    sanitisation: {
      method: 'purge',
      performedBy: 'Close the Gap',
      performedOn: '2026-10-22',
      verification: 'Wisrapport van de partner per serienummer',
      certificateRef: 'CTG-2026-0412',
      certificateFileId: certificate.id,
    },
    devices: tags.map((assetTag) => ({ assetTag, certificateRef: null, certificateFileId: null })),
  });
}
