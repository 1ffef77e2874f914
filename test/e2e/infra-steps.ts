import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DeviceInput } from '../../src/shared/infra/api';
import { accessibilityViolations } from './browser';

/** A device to seed in the ICT park's browser tests: every optional field empty unless the test names it. */
export function seededDevice(fields: Pick<DeviceInput, 'assetTag' | 'manufacturer' | 'modelName' | 'type' | 'purchaseDate' | 'priceCents'> & Partial<DeviceInput>): DeviceInput {
  return {
    serial: null,
    expectedLifeMonths: null,
    supplier: null,
    orderNumber: null,
    fundingSource: null,
    acquisition: 'bought',
    leaseEndsOn: null,
    warrantyMonths: null,
    campus: null,
    room: null,
    notes: null,
    ...fields,
  };
}

/**
 * On the new decommission batch page, with the keyboard: picks the devices by asset tag, hands
 * them to DigitalForYouth with the wipe record and a certificate PDF, and submits with Enter.
 * Waits for the batch's page. Checks axe once the form is filled.
 */
export async function handOverToDigitalForYouth(page: Page, tags: readonly string[], certificate: { name: string; reference: string }): Promise<void> {
  await page.getByTestId('decom-devices').getByRole('checkbox').first().waitFor();
  for (const tag of tags) {
    await page.getByRole('checkbox', { name: new RegExp(tag) }).focus();
    await page.keyboard.press('Space');
  }
  expect(await page.getByTestId('decom-picked').textContent()).toBe(`${tags.length} toestellen gekozen`);
  await page.getByRole('radio', { name: /DigitalForYouth \(/ }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Gewist door').fill('DigitalForYouth');
  await page.getByLabel('Hoe het wissen werd gecontroleerd').fill('Wisrapport per serienummer');
  await page.getByLabel('Referentie van het certificaat (optioneel)').fill(certificate.reference);
  await page.getByLabel(/^Certificaat \(PDF/).setInputFiles({ name: certificate.name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: `Draag ${tags.length} toestellen over` }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('decommission-batch').waitFor();
  expect(await page.getByTestId('batch-certificate').textContent()).toContain(certificate.name);
}
