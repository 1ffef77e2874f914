/**
 * What is wrong with one field or cell, as a code from a closed list with its parameters, so
 * the web app says it in the reader's language (`issues.<code>` in src/shared/i18n) and never
 * shows the server's English message. Free of zod: the browser imports it; the mapping from a
 * zod issue is in zod-issues.ts.
 */
export const issueCodes = [
  // a field of a form, a request or a line, as the schemas check it
  'required',
  'too_small',
  'too_big',
  'invalid_email',
  'invalid_url',
  'invalid_date',
  'invalid_format',
  'invalid_enum',
  'not_a_number',
  'not_an_integer',
  'not_multiple_of',
  'invalid_type',
  'unknown_field',
  'unknown_value',
  'invalid',
  // an uploaded table (CSV or .xlsx)
  'column_missing',
  'header_unknown',
  'file_empty',
  'file_too_large',
  'file_unreadable',
  'control_character',
  'no_rows',
  'too_many_rows',
  'duplicate',
  'more_problems',
  'not_a_level_step',
  'not_yes_no',
] as const;
export type IssueCode = (typeof issueCodes)[number];

/** What a text needs: bounds, the allowed values, the cell's value, a column's name. */
export type IssueParams = Record<string, string | number | string[]>;

/** One problem as the API lists it in `error.details`; `message` stays for API clients. */
export interface IssueDetail {
  field: string;
  message: string;
  code?: IssueCode;
  params?: IssueParams;
}

/** The kinds of bounds a too_small or too_big issue has, each with its own wording. */
export const boundKinds = ['string', 'array', 'number', 'number_exclusive', 'date'] as const;
export type BoundKind = (typeof boundKinds)[number];

const isBoundKind = (value: unknown): value is BoundKind => (boundKinds as readonly unknown[]).includes(value);

/**
 * The message key of an issue: `issues.<code>`, or for a bound `issues.too_small.<kind>`
 * (a text is "at least 3 characters", a list "at least 1 choice", a number "at least 0").
 */
export function issueMessageKey(code: IssueCode, params: IssueParams = {}): string {
  if (code === 'too_small' || code === 'too_big') return `issues.${code}.${isBoundKind(params.kind) ? params.kind : 'number'}`;
  return `issues.${code}`;
}

/** Every message key an issue can have, for the test that each has Dutch and English text. */
export const issueMessageKeys: readonly string[] = issueCodes.flatMap((code) =>
  code === 'too_small' || code === 'too_big' ? boundKinds.map((kind) => issueMessageKey(code, { kind })) : [issueMessageKey(code)],
);

export const isIssueCode = (value: unknown): value is IssueCode => (issueCodes as readonly unknown[]).includes(value);
