import type { z } from 'zod';
import type { BoundKind, IssueCode, IssueParams } from './issues';

export type ZodIssue = z.core.$ZodIssue;

/** A zod issue as the API's code and parameters; every kind of issue has one (`invalid` at worst). */
export function issueOfZod(issue: ZodIssue): { code: IssueCode; params?: IssueParams } {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports the input's type in the message only; a missing field is "received undefined"
      if (/received undefined$/.test(issue.message)) return { code: 'required' };
      if (issue.expected === 'int') return { code: 'not_an_integer' };
      if (issue.expected === 'number' || issue.expected === 'bigint') return { code: 'not_a_number' };
      return { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required' };
      return { code: 'too_small', params: { kind: boundKind(issue.origin, issue.inclusive), minimum: boundValue(issue.minimum) } };
    case 'too_big':
      return { code: 'too_big', params: { kind: boundKind(issue.origin, issue.inclusive), maximum: boundValue(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid_email' };
      if (issue.format === 'url') return { code: 'invalid_url' };
      if (issue.format === 'date' || issue.format === 'datetime') return { code: 'invalid_date' };
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'invalid_value':
      return { code: 'invalid_enum', params: { allowed: issue.values.map(String) } };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: { keys: issue.keys } };
    default:
      return { code: 'invalid' };
  }
}

function boundKind(origin: string, inclusive: boolean | undefined): BoundKind {
  if (origin === 'string') return 'string';
  if (origin === 'array' || origin === 'set') return 'array';
  if (origin === 'date') return 'date';
  return inclusive === false ? 'number_exclusive' : 'number';
}

// a date bound is a Date, a bigint bound a bigint: the API sends numbers and text only
const boundValue = (bound: number | bigint | Date): number | string => (bound instanceof Date ? bound.toISOString().slice(0, 10) : Number(bound));

/** The field path of a zod issue as the API names it (`body.levelSteps.0.to`). */
export const issuePath = (prefix: string, path: ReadonlyArray<PropertyKey>): string => [prefix, ...path.map(String)].filter(Boolean).join('.');

/** A zod issue as one entry of `error.details`: the English message for API clients, and its code. */
export function issueDetail(field: string, issue: ZodIssue): { field: string; message: string; code: IssueCode; params?: IssueParams } {
  return { field, message: `${field}: ${issue.message}`, ...issueOfZod(issue) };
}
