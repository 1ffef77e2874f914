import { type DeviceDto, deviceDetailSchema, deviceListSchema } from '../../src/shared/infra/api';
import type { TestClient } from '../support/test-app';

/** A device as a form would send it; `overrides` change any field. */
export function deviceInput(overrides: Record<string, unknown> = {}) {
  return {
    assetTag: `LT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    serial: 'PF3XK2L9',
    manufacturer: 'Lenovo',
    modelName: 'ThinkPad L13 Gen 4',
    type: 'laptop',
    purchaseDate: '2023-08-21',
    priceCents: 64_900,
    supplier: 'Signpost',
    orderNumber: 'PO-2023-118',
    fundingSource: 'digisprong',
    acquisition: 'bought',
    warrantyMonths: 36,
    campus: 'Hoofdgebouw',
    room: 'B1.04',
    notes: 'Leraarslaptop',
    ...overrides,
  };
}

export const devicesUrl = (schoolId: string, query = '') => `/api/schools/${schoolId}/devices${query}`;

export async function addDevice(client: TestClient, schoolId: string, overrides: Record<string, unknown> = {}, state?: string) {
  const response = await client.request({ method: 'POST', url: devicesUrl(schoolId), payload: { device: deviceInput(overrides), ...(state ? { state } : {}) } });
  if (response.statusCode !== 201) throw new Error(`createDevice failed: ${response.statusCode} ${response.body}`);
  return response.json().device as { id: string; assetTag: string; state: string };
}

/** Every device of a school in full, by asset tag: a list's items are summaries, each device's detail has the rest. */
export async function devicesInFull(client: TestClient, schoolId: string): Promise<DeviceDto[]> {
  const list = deviceListSchema.parse((await client.request({ method: 'GET', url: devicesUrl(schoolId, '?limit=200') })).json());
  return Promise.all(list.items.map(async (item) => deviceDetailSchema.parse((await client.request({ method: 'GET', url: `/api/devices/${item.id}` })).json()).device));
}

export const moveDevice = (client: TestClient, deviceId: string, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: `/api/devices/${deviceId}/state`, payload });

export const importDevices = (client: TestClient, schoolId: string, body: string | Buffer, query = '', contentType = 'text/csv; charset=utf-8') =>
  client.request({ method: 'POST', url: `/api/schools/${schoolId}/devices/import${query}`, headers: { 'content-type': contentType }, payload: body });

export const wipe = { method: 'purge', performedBy: 'Close the Gap', performedOn: '2026-06-30' };

/** The smallest bytes the file store takes for a PDF. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** Uploads a PDF certificate to the school's file store; its id. */
export async function uploadPdf(client: TestClient, schoolId: string, name = 'certificaat.pdf'): Promise<string> {
  const response = await client.request({ method: 'POST', url: `/api/schools/${schoolId}/infra-files`, payload: { name, contentBase64: PDF_BYTES.toString('base64') } });
  if (response.statusCode !== 201) throw new Error(`uploadInfraFile failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}
