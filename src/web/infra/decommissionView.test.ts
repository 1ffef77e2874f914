import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileToBase64, schoolYearLabel } from './decommissionView';

describe('decommission view', () => {
  it('names a school year by both its years', () => {
    expect(schoolYearLabel(2026)).toBe('2026-2027');
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
