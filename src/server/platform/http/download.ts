import type { FastifyReply } from 'fastify';
import { XLSX_CONTENT_TYPE } from '../export/xlsx';

/**
 * The one way a route sends a file to save: CSV, XLSX, JSON, a kept PDF, PNG or JPEG, or a ZIP, with its content type and a
 * `Content-Disposition` that names the file safely. CSV goes out as UTF-8 with a BOM, so Excel
 * opens accents correctly (`toCsv` writes one already; a body without is given one). No cache
 * headers are set, as before: a download is answered fresh on every request like any API call.
 */

export type DownloadFormat = 'csv' | 'xlsx' | 'json' | 'pdf' | 'png' | 'jpeg' | 'zip';

export const DOWNLOAD_CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_CONTENT_TYPE,
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
};

const BOM = '\uFEFF';

/** A Content-Disposition value for a download, with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-');
  // RFC 5987 allows none of '()* unescaped, which encodeURIComponent leaves as they are.
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/**
 * Sends `body` as a file named `fileName`. The typed reply of a route knows no Buffer among its
 * responses; Fastify sends one as it is, hence the loose reply type.
 */
export function sendDownload(reply: FastifyReply, format: DownloadFormat, fileName: string, body: string | Buffer): FastifyReply {
  const content = format === 'csv' && typeof body === 'string' && !body.startsWith(BOM) ? BOM + body : body;
  return reply.type(DOWNLOAD_CONTENT_TYPES[format]).header('content-disposition', attachmentDisposition(fileName)).send(content);
}

/** Today's date as files are named by it: `2026-03-01`. */
export const downloadDate = (now = new Date()) => now.toISOString().slice(0, 10);
