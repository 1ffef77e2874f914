import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../../shared/errors';
import { sendAppShell } from './web-app';

/**
 * Every failure leaves the API as `{ error: { id, message, field } }` with a stable id.
 * Bad input is a 4xx naming the field; only a real fault is a 500, and it says nothing internal.
 */
export function registerErrorHandling(app: FastifyInstance, options: { serveAppShell: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(appError.status).send(appError.toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.serveAppShell) {
      const shell = sendAppShell(request, reply);
      if (shell) return shell;
    }
    const error = new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).send(error.toBody());
  });
}

export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const details = error.validation.map((issue) => {
      const path = issue.instancePath.split('/').filter(Boolean);
      const unknownKeys = (issue.params as { keys?: unknown }).keys;
      if (Array.isArray(unknownKeys) && unknownKeys.length > 0) path.push(String(unknownKeys[0]));
      const field = [context, ...path].join('.');
      return { field, message: `${field}: ${issue.message}` };
    });
    return new AppError('validation_error', details[0]?.message ?? 'Invalid request', details[0]?.field, details);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('validation_error', 'The request body is not valid JSON', 'body');
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('validation_error', 'Send the body as application/json', 'body');
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError('validation_error', 'The request body is too large', 'body');
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('validation_error', fastifyError.message, 'request');
  }
  return new AppError('internal_error', 'Something went wrong on our side; it has been logged');
}
