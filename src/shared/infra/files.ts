/**
 * The ICT park's file store: evidence such as a wipe certificate or an invoice, kept with the
 * school's records. Only PDF, PNG and JPEG are kept, each judged by its first bytes, whatever
 * the name or the header the browser sent says; a file passed off as a PDF is refused.
 */

/** The largest file kept: 5 MiB, more than a scanned certificate or invoice needs. */
export const INFRA_FILE_MAX_BYTES = 5 * 1024 * 1024;

export const infraFileMediaTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type InfraFileMediaType = (typeof infraFileMediaTypes)[number];

/** The signature each kept type starts with (PDF: `%PDF-`; PNG: its 8-byte signature; JPEG: the SOI marker and the first marker's FF). */
const signatures: ReadonlyArray<{ mediaType: InfraFileMediaType; bytes: readonly number[] }> = [
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The media type the bytes are, by their signature; null when they are none of the kept types. */
export function sniffMediaType(bytes: Uint8Array): InfraFileMediaType | null {
  const match = signatures.find((signature) => signature.bytes.length <= bytes.length && signature.bytes.every((byte, i) => bytes[i] === byte));
  return match?.mediaType ?? null;
}

/** The extension a downloaded file gets, so a name without one still opens in the right program. */
export const extensionOf: Record<InfraFileMediaType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The file's name as kept: its last path segment, without control characters, at most 200 characters, with the extension its bytes call for. */
export function keptFileName(name: string, mediaType: InfraFileMediaType): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()!
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is taken out
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 200) || 'bestand';
  const extension = extensionOf[mediaType];
  const hasOwn = mediaType === 'image/jpeg' ? /\.jpe?g$/i.test(base) : base.toLowerCase().endsWith(`.${extension}`);
  return hasOwn ? base : `${base}.${extension}`;
}
