import { AppError } from '../../../shared/errors';

/**
 * For a lookup whose "nothing yet" is the normal case (a teacher's profile before the first
 * scan): the answer is 200 with `null`, not a 404 that a browser logs as an error.
 */
export function nullWhenNothingYet(error: unknown): string {
  if (error instanceof AppError && error.id === 'not_found') return 'null';
  throw error;
}
