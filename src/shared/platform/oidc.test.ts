import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appPathSchema, oidcStartQuerySchema } from './oidc';

const APP = 'https://digisprong.example';
const accepted = (path: string) => appPathSchema.safeParse(path).success;

describe('appPathSchema: where a login may return to', () => {
  it('takes paths of the app, with their query', () => {
    for (const path of ['/', '/scan', '/opleidingen?q=co%C3%B6peratief', '/uitnodiging/abc_DEF-123', '/a//b']) {
      expect(accepted(path), path).toBe(true);
    }
  });

  it('refuses other sites however they are written', () => {
    for (const path of ['', 'scan', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', ' /scan', 'https://evil.example', 'javascript:alert(1)', '/ space']) {
      expect(accepted(path), JSON.stringify(path)).toBe(false);
    }
  });

  it('has a length limit of 500 characters', () => {
    expect(accepted(`/${'a'.repeat(499)}`)).toBe(true);
    expect(accepted(`/${'a'.repeat(500)}`)).toBe(false);
  });

  it('never leads a browser off the app, whatever is accepted', () => {
    const pathLike = fc.string({ unit: fc.constantFrom('/', '\\', '\t', '\n', ' ', ':', '.', '@', '%', '?', '#', 'a', 'e', 'x', '1'), maxLength: 12 });
    fc.assert(
      fc.property(
        fc.oneof(
          pathLike,
          fc.string({ maxLength: 40 }),
          pathLike.map((tail) => `/${tail}`),
        ),
        (path) => {
          if (!accepted(path)) return;
          expect(new URL(path, APP).origin).toBe(APP);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('oidcStartQuerySchema', () => {
  it('takes an invitation token as the links carry it, and nothing else', () => {
    expect(oidcStartQuerySchema.safeParse({ invitation: 'Xy_9-abc', locale: 'en' }).success).toBe(true);
    expect(oidcStartQuerySchema.safeParse({ invitation: 'a/b' }).success).toBe(false);
    expect(oidcStartQuerySchema.safeParse({ invitation: 'x'.repeat(201) }).success).toBe(false);
    expect(oidcStartQuerySchema.safeParse({}).success).toBe(true);
  });
});
