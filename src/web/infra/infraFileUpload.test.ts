import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileToBase64 } from './infraFileUpload';

describe('a file for the ICT park file store', () => {
  it('encodes bytes as base64', async () => {
    expect(await fileToBase64(new Blob([new TextEncoder().encode('%PDF-1.4')]))).toBe('JVBERi0xLjQ=');
  });

  it('encodes any bytes as base64 that decode back to them, past one chunk too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 70_000 }), async (bytes) => {
        const encoded = await fileToBase64(new Blob([bytes]));
        expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
