import type { TFunction } from 'i18next';
import { formatNumber, type UiLocale } from '../../shared/i18n/format';
import { type IssueDetail, type IssueParams, isIssueCode, issueMessageKey } from '../../shared/issues';

/** A problem as the reader reads it: translated from its code, or the server's English when it has none. */
export interface IssueText {
  text: string;
  /** Set when the text is the server's own message, so a screen reader reads it as English. */
  lang?: 'en';
}

const withoutPrefix = (message: string, field: string) => (message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message);

/** Numbers as the reader writes them (`1.000` in Dutch), lists with commas. */
function readable(params: IssueParams, locale: UiLocale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.map((item) => (item === '' ? '""' : item)).join(', ') : typeof value === 'number' ? formatNumber(value, locale, 2) : value,
    ]),
  );
}

/** The text of one entry of `error.details`; the API's English message only for a problem without a code. */
export function issueText(t: TFunction, locale: UiLocale, detail: Pick<IssueDetail, 'field' | 'message' | 'code' | 'params'>): IssueText {
  if (!isIssueCode(detail.code)) return { text: withoutPrefix(detail.message, detail.field), lang: 'en' };
  const params = readable(detail.params ?? {}, locale);
  // interpolation escaping is for HTML; React escapes what it renders
  const text = t(issueMessageKey(detail.code, detail.params) as 'issues.invalid', { ...params, interpolation: { escapeValue: false } });
  if (params.value === undefined) return { text };
  return { text: t('issues.withValue', { value: params.value, text, interpolation: { escapeValue: false } }) };
}

/**
 * Where a problem is, in the reader's words: `line 3: e-mail` reads `regel 3: e-mail` (a column
 * keeps the file's own name), and a request field such as `body.email` reads by its label.
 */
export function fieldText(t: TFunction, field: string): string {
  const line = /^line (\d+): (.*)$/.exec(field);
  if (line) return `${t('import.line', { line: line[1] })}: ${fieldText(t, line[2])}`;
  const name = field.replace(/^(body|query|params)\./, '');
  return t(`fields.${name}` as 'fields.file', { defaultValue: name });
}

/** What a form shows beside the field a refusal names: its issue when it has one, else the error id's text. */
export function fieldProblemText(t: TFunction, locale: UiLocale, error: { id: string; field?: string; message: string; details?: IssueDetail[] }): string {
  const detail = error.details?.find((candidate) => candidate.field === error.field && isIssueCode(candidate.code));
  return detail ? issueText(t, locale, detail).text : t(`errors.${error.id}` as 'errors.validation_error');
}
