import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PageCopies } from './page-copies';

/** A process's copy of the stored pages gives back what it was handed, byte for byte, the latest per scope. */
describe('PageCopies', () => {
  const copies = new PageCopies();
  afterAll(() => copies.close());

  it('reads a page back with its version and schools, whatever its size, and only the latest of a scope', () => {
    expect(copies.get('school-1')).toBeUndefined();
    for (const size of [0, 1, 16_000, 16_384, 40_000, 300_000]) {
      const body = Buffer.from(`{"name":"Sint-Jozefscollege – été €","filler":"${'x'.repeat(size)}"}`);
      copies.keep('school-1', { version: size, schools: size % 2 ? '' : 'Ab+/9w==', body });
      const page = copies.get('school-1');
      expect(page).toEqual({ version: size, schools: size % 2 ? '' : 'Ab+/9w==', body });
    }
    expect(copies.get('school-2')).toBeUndefined();
  });

  it('keeps each scope apart', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.nat(2_147_483_647), fc.uint8Array({ maxLength: 2_000 })), { maxLength: 20 }), (writes) => {
        const latest = new Map<string, { version: number; body: Uint8Array }>();
        for (const [scope, version, body] of writes) {
          copies.keep(`p-${scope}`, { version, schools: '', body });
          latest.set(scope, { version, body });
        }
        for (const [scope, { version, body }] of latest) {
          const page = copies.get(`p-${scope}`);
          expect(page?.version).toBe(version);
          expect(Buffer.compare(Buffer.from(page!.body), Buffer.from(body))).toBe(0);
        }
      }),
    );
  });
});
