import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptFileName, sniffMediaType } from './files';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('sniffMediaType', () => {
  it('knows PDF, PNG and JPEG by their first bytes, whatever follows', () => {
    expect(sniffMediaType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff))).toBe('image/jpeg');
  });

  it('refuses a signature one byte short or one byte wrong, and anything else', () => {
    expect(sniffMediaType(new TextEncoder().encode('%PDF'))).toBeNull();
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull();
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xfe))).toBeNull();
    expect(sniffMediaType(bytes())).toBeNull();
    expect(sniffMediaType(new TextEncoder().encode('<html>%PDF-'))).toBeNull();
  });

  it('judges only the start: any tail after a signature keeps the type, and a type is only found where its signature is', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        expect(sniffMediaType(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, ...tail]))).toBe('application/pdf');
        const judged = sniffMediaType(tail);
        if (judged === 'application/pdf') expect(new TextDecoder('latin1').decode(tail.slice(0, 5))).toBe('%PDF-');
        if (judged === 'image/jpeg') expect([...tail.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      }),
    );
  });
});

describe('keptFileName', () => {
  it('keeps the last path segment and gives the extension the bytes call for', () => {
    expect(keptFileName('C:\\scans\\certificaat.pdf', 'application/pdf')).toBe('certificaat.pdf');
    expect(keptFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(keptFileName('foto.JPG', 'image/jpeg')).toBe('foto.JPG');
    expect(keptFileName('foto.png', 'image/jpeg')).toBe('foto.png.jpg');
    expect(keptFileName('  /  ', 'image/png')).toBe('bestand.png');
  });

  it('never keeps a slash or a control character, and stays short', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('application/pdf' as const, 'image/png' as const, 'image/jpeg' as const), (name, mediaType) => {
        const kept = keptFileName(name, mediaType);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be absent
        expect(kept).not.toMatch(/[\\/\u0000-\u001f\u007f]/);
        expect(kept.length).toBeGreaterThan(0);
        expect(kept.length).toBeLessThanOrEqual(204);
      }),
    );
  });
});
