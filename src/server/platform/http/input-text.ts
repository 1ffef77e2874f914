import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/errors';
import { controlCharacterIn, controlCharacterMessage } from '../../../shared/platform/control-characters';

/**
 * Refuses, before any schema or handler sees it, a request whose path parameters, query or JSON
 * body holds a control character (NUL and the other C0 characters but tab, LF and CR) in any
 * string or object key, as a `validation_error` naming the field, e.g. `body.title` or
 * `params.schoolId`. One check for every route, so PostgreSQL never sees a NUL (it cannot store
 * one) and both databases answer alike. The body of a table upload (CSV text or .xlsx bytes) is
 * the table reader's to check, cell by cell, so a problem names its line and column.
 */
export function refuseControlCharacters(app: FastifyInstance): void {
  // A callback hook, not an async one: every request passes here, and most have nothing to refuse.
  app.addHook('preValidation', (request, _reply, done) => {
    const problem =
      controlCharacterOf('params', request.params) ??
      controlCharacterOf('querystring', request.query) ??
      (isTableUpload(request.body) ? undefined : controlCharacterOf('body', request.body));
    done(problem && new AppError('validation_error', controlCharacterMessage(problem.field, problem.codePoint), problem.field));
  });
}

const isTableUpload = (body: unknown) => typeof body === 'string' || body instanceof Uint8Array;

/**
 * The first string (or key) under `value` holding a control character, with its field path.
 * Walks with a stack of its own, so a deeply nested body cannot overflow the call stack.
 */
export function controlCharacterOf(field: string, value: unknown): { field: string; codePoint: string } | undefined {
  const pending: Array<{ field: string; value: unknown }> = [{ field, value }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string') {
      const codePoint = controlCharacterIn(next.value);
      if (codePoint) return { field: next.field, codePoint };
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    const entries = Object.entries(next.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i];
      const keyCodePoint = controlCharacterIn(key);
      if (keyCodePoint) return { field: `${next.field}.${printable(key)}`, codePoint: keyCodePoint };
      pending.push({ field: `${next.field}.${key}`, value: inner });
    }
  }
  return undefined;
}

/** A key as a field path can show it: each control character as `?`. */
const printable = (key: string) => Array.from(key, (char) => (char.charCodeAt(0) < 0x20 ? '?' : char)).join('');
