import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../../shared/errors';
import { issueDetail, type ZodIssue } from '../../../shared/zod-issues';
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

/**
 * Fastify's `frameworkErrors`: what goes wrong before a route is found (an address that is not
 * valid percent-encoding, a path parameter over the length limit) answers in our format too.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  reply.status(appError.status).send(appError.toBody());
}

/**
 * Fastify's `clientErrorHandler`: a request Node cannot even parse as HTTP (a malformed request
 * line or header, headers too large, a request too slow) gets our error body on the raw socket,
 * with the status Node would give, and the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive']
        : [400, 'Bad Request', 'The request is not valid HTTP'];
  const body = JSON.stringify(new AppError('validation_error', message, 'request').toBody());
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const details = error.validation.map((issue) => {
      const path = issue.instancePath.split('/').filter(Boolean);
      const unknownKeys = (issue.params as { keys?: unknown }).keys;
      if (Array.isArray(unknownKeys) && unknownKeys.length > 0) path.push(String(unknownKeys[0]));
      // the provider keeps the zod issue's own properties in params and its code as the keyword
      return issueDetail([context, ...path].join('.'), { ...issue.params, code: issue.keyword, message: issue.message } as unknown as ZodIssue);
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
    return new AppError('payload_too_large', 'The request body is too large', 'body');
  }
  if (fastifyError.code === 'FST_ERR_BAD_URL') {
    return new AppError('validation_error', 'The address is not valid: every % must begin an escape of UTF-8, such as %C3%A9', 'url');
  }
  if (fastifyError.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return new AppError('validation_error', 'A part of the address is too long', 'url');
  }
  if (fastifyError.code?.startsWith('FST_ERR_CTP_')) {
    return new AppError('validation_error', `The request body cannot be read: ${fastifyError.message}`, 'body');
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('validation_error', fastifyError.message, 'request');
  }
  return new AppError('internal_error', 'Something went wrong on our side; it has been logged');
}
