import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { trainingInputSchema } from './catalogue/api';
import { deviceInputSchema } from './infra/api';
import { isIssueCode, issueCodes, issueMessageKey, issueMessageKeys } from './issues';
import { loginBodySchema } from './platform/api';
import { issueOfZod } from './zod-issues';

const issuesOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return parsed.error.issues.map(issueOfZod);
};
const onlyIssue = (schema: z.ZodType, input: unknown) => issuesOf(schema, input)[0];

describe('issueOfZod: every kind of zod issue our schemas raise has a code', () => {
  it('a missing field or an empty required text is required', () => {
    expect(onlyIssue(z.object({ a: z.string() }), {})).toEqual({ code: 'required' });
    expect(onlyIssue(z.string().min(1), '')).toEqual({ code: 'required' });
  });

  it('bounds say their kind and value, inclusive or not', () => {
    expect(onlyIssue(z.string().min(3), 'ab')).toEqual({ code: 'too_small', params: { kind: 'string', minimum: 3 } });
    expect(onlyIssue(z.string().max(3), 'abcd')).toEqual({ code: 'too_big', params: { kind: 'string', maximum: 3 } });
    expect(onlyIssue(z.array(z.string()).min(1), [])).toEqual({ code: 'too_small', params: { kind: 'array', minimum: 1 } });
    expect(onlyIssue(z.number().min(0), -1)).toEqual({ code: 'too_small', params: { kind: 'number', minimum: 0 } });
    expect(onlyIssue(z.number().positive(), 0)).toEqual({ code: 'too_small', params: { kind: 'number_exclusive', minimum: 0 } });
    expect(onlyIssue(z.number().int().max(10), 11)).toEqual({ code: 'too_big', params: { kind: 'number', maximum: 10 } });
  });

  it('just inside a bound is no issue, just outside is one', () => {
    expect(z.string().min(3).safeParse('abc').success).toBe(true);
    expect(onlyIssue(z.string().min(3), 'ab').code).toBe('too_small');
    expect(onlyIssue(z.string().min(2), 'a').code).toBe('too_small');
  });

  it('formats: e-mail, link, date, other', () => {
    expect(onlyIssue(z.email(), 'no')).toEqual({ code: 'invalid_email' });
    expect(onlyIssue(z.url(), 'no')).toEqual({ code: 'invalid_url' });
    expect(onlyIssue(z.iso.date(), '2026-13-01')).toEqual({ code: 'invalid_date' });
    expect(onlyIssue(z.iso.datetime(), 'yesterday')).toEqual({ code: 'invalid_date' });
    expect(onlyIssue(z.string().regex(/^\d+$/), 'a')).toEqual({ code: 'invalid_format', params: { format: 'regex' } });
  });

  it('choices, numbers, unknown keys and the rest', () => {
    expect(onlyIssue(z.enum(['a', 'b']), 'c')).toEqual({ code: 'invalid_enum', params: { allowed: ['a', 'b'] } });
    expect(onlyIssue(z.literal(3), 4)).toEqual({ code: 'invalid_enum', params: { allowed: ['3'] } });
    expect(onlyIssue(z.number(), 'x')).toEqual({ code: 'not_a_number' });
    expect(onlyIssue(z.number().int(), 1.5)).toEqual({ code: 'not_an_integer' });
    expect(onlyIssue(z.number().multipleOf(5), 7)).toEqual({ code: 'not_multiple_of', params: { divisor: 5 } });
    expect(onlyIssue(z.boolean(), 'x')).toEqual({ code: 'invalid_type', params: { expected: 'boolean' } });
    expect(onlyIssue(z.strictObject({}), { x: 1 })).toEqual({ code: 'unknown_field', params: { keys: ['x'] } });
    expect(
      onlyIssue(
        z.string().refine((v) => v === 'ok'),
        'no',
      ),
    ).toEqual({ code: 'invalid' });
    expect(onlyIssue(z.union([z.string(), z.number()]), true)).toEqual({ code: 'invalid' });
  });

  it('each code has a message key, bounds one per kind', () => {
    for (const code of issueCodes) expect(issueMessageKeys).toContain(issueMessageKey(code));
    expect(issueMessageKey('too_small', { kind: 'string' })).toBe('issues.too_small.string');
    expect(issueMessageKey('too_big', { kind: 'nonsense' })).toBe('issues.too_big.number');
  });
});

describe('issueOfZod on random bad input to the contracts', () => {
  const junk = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()));
  const schemas = { training: trainingInputSchema, device: deviceInputSchema, login: loginBodySchema };

  for (const [name, schema] of Object.entries(schemas)) {
    it(`every issue of a bad ${name} has a known code and a field path`, () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom('title', 'url', 'email', 'password', 'assetTag', 'type', 'priceEuro', 'levelSteps', 'kind'), junk), (input) => {
          const parsed = schema.safeParse(input);
          if (parsed.success) return;
          for (const issue of parsed.error.issues) {
            const { code, params } = issueOfZod(issue);
            expect(isIssueCode(code)).toBe(true);
            for (const value of Object.values(params ?? {})) expect(['string', 'number', 'object']).toContain(typeof value);
            if (issue.code !== 'unrecognized_keys' && issue.code !== 'custom') expect(issue.path.length).toBeGreaterThan(0);
          }
        }),
        { seed: 15, numRuns: 300 },
      );
    });
  }
});
