import type { Services } from '../app';
import type { RecordBody } from '../infra/funding.service';

/** A one-page PDF naming the invoice, enough for the demo's evidence to download and open. */
function invoicePdf(text: string): string {
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  return [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    `4 0 obj << /Length ${stream.length} >> stream`,
    stream,
    'endstream endobj',
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
}

const line = (overrides: Partial<RecordBody> & Pick<RecordBody, 'category' | 'description' | 'amountCents' | 'invoiceReference' | 'invoiceDate'>): RecordBody => ({
  scheme: 'digisprong',
  supplier: null,
  notDoubleFinanced: true,
  procurementProcedure: 'low_value_invoice',
  procurementReference: null,
  evidenceFileIds: [],
  ...overrides,
});

/**
 * Digisprong at the demo school and at a second school of the demo board: the pupils counted on
 * 1 February 2020, the emergency laptops of 2020 to deduct, and spending lines in every state an
 * auditor meets: ready with its invoice, one without its declaration and invoice yet.
 */
export async function seedDemoFunding(services: Services, schools: { demo: string; second: string }, ictUserId: string): Promise<void> {
  const { funding, files } = services;
  await funding.seedCountsAndTerms(
    schools.demo,
    [
      { group: 'pre_primary', countingDay: '2020-02-01', pupils: 96 },
      { group: 'primary_1_4', countingDay: '2020-02-01', pupils: 141 },
      { group: 'primary_5_6', countingDay: '2020-02-01', pupils: 52 },
    ],
    { scheme: 'digisprong', rentScheme: false, deductionBases: { emergency_devices_2020: 1_200_00 } },
  );
  const upload = async (name: string, text: string) => (await files.upload(ictUserId, schools.demo, { name, contentBase64: Buffer.from(invoicePdf(text)).toString('base64') })).id;
  const chromebooks = await upload('factuur-2022-0824.pdf', 'Demo: factuur F-2022-0824, 52 Chromebooks');
  const wifi = await upload('factuur-2022-0110.pdf', 'Demo: factuur NB-2022-0031, wifi');
  for (const body of [
    line({
      category: 'devices',
      description: 'Chromebooks voor het 5de en 6de leerjaar',
      supplier: 'Signpost',
      amountCents: 15_080_00,
      invoiceReference: 'F-2022-0824',
      invoiceDate: '2022-08-24',
      procurementProcedure: 'framework_agreement',
      procurementReference: 'Raamovereenkomst scholengroep 2021/07',
      evidenceFileIds: [chromebooks],
    }),
    line({
      category: 'network',
      description: 'Wifi-toegangspunten in de gangen',
      supplier: 'Netwerkbedrijf Dendermonde',
      amountCents: 238_00,
      invoiceReference: 'NB-2022-0031',
      invoiceDate: '2022-01-10',
      evidenceFileIds: [wifi],
    }),
    line({ category: 'peripherals', description: 'Koptelefoons en muizen', amountCents: 412_50, invoiceReference: 'BV-2023-117', invoiceDate: '2023-03-14', notDoubleFinanced: false }),
  ])
    await funding.seedSpending(ictUserId, schools.demo, body);

  await funding.seedCountsAndTerms(
    schools.second,
    [
      { group: 'pre_primary', countingDay: '2020-02-01', pupils: 40 },
      { group: 'primary_1_4', countingDay: '2020-02-01', pupils: 62 },
      { group: 'primary_5_6', countingDay: '2020-02-01', pupils: 25 },
    ],
    { scheme: 'digisprong', rentScheme: true, deductionBases: {} },
  );
  await funding.seedSpending(
    ictUserId,
    schools.second,
    line({
      category: 'devices',
      description: 'Laptops voor het 5de en 6de leerjaar',
      supplier: 'Signpost',
      amountCents: 7_250_00,
      invoiceReference: 'F-2021-0913',
      invoiceDate: '2021-09-13',
      procurementProcedure: 'negotiated_without_publication',
      procurementReference: 'OZB-2021-04',
    }),
  );
}
