/**
 * Problems of a form, by field path as the API names them without the `body.` prefix
 * (`title`, `levelSteps.0.to`, `location.postalCode`). Each path maps to a message key.
 */
export type FieldProblems = Record<string, true>;

/** The API's `error.field` and `error.details` → the form's problems. */
export function problemsFromApi(error: { field?: string; details?: Array<{ field: string }> }): FieldProblems {
  const problems: FieldProblems = {};
  const fields = [...(error.details ?? []).map((detail) => detail.field), ...(error.field ? [error.field] : [])];
  for (const field of fields) problems[field.replace(/^body\.?/, '') || 'body'] = true;
  return problems;
}

/**
 * The problems of a refusal that names its fields, to show beside them; none for any other
 * failure, which the form shows as an alert instead.
 */
export function fieldProblemsOf(error: { id: string; field?: string; details?: Array<{ field: string }> }): FieldProblems | undefined {
  return error.id === 'validation_error' && (error.field || error.details) ? problemsFromApi(error) : undefined;
}

/** The problems at or under one path (`levelSteps.2` also matches `levelSteps.2.to`). */
export function problemsUnder(problems: FieldProblems, path: string): string[] {
  return Object.keys(problems).filter((key) => key === path || key.startsWith(`${path}.`));
}

/** The element id of a field, for labels and the error summary's links. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/\./g, '-')}`;
}

/** Decimal numbers as Belgians type them: `12,50`, `12.50`, `1,5`. Null when it is not one number. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** A number as it reads in a Belgian form field: `12,5`. */
export function decimalText(value: number): string {
  return String(value).replace('.', ',');
}
