import { AppError, fieldIssue, fieldIssueCodeOf, type ErrorCode, errorCodes, type FieldIssue, type FieldIssueKey } from '@accord/domain';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { securityEvent } from '../modules/security/security.service.js';
import { databaseFaultOf } from '../db/faults.js';
import { databaseErrorOf } from './database-errors.js';

/** A schema validation problem as a field issue with its code and parameters, for the client to translate. */
function issueOf(field: string, keyword: string, message: string | undefined, params: Record<string, unknown>): FieldIssue {
  const n = (v: unknown) => Number(v);
  const isArray = params.origin === 'array';
  // A number past its bounds is out of range, not too long or too short.
  if ((keyword === 'too_small' || keyword === 'too_big') && (params.origin === 'number' || params.origin === 'int')) {
    return fieldIssue(field, 'outOfRange');
  }
  switch (keyword) {
    case 'too_small':
      if (isArray) return fieldIssue(field, 'tooFew', { n: n(params.minimum) });
      return n(params.minimum) <= 1 ? fieldIssue(field, 'required') : fieldIssue(field, 'tooShort', { n: n(params.minimum) });
    case 'too_big':
      return isArray ? fieldIssue(field, 'tooMany', { n: n(params.maximum) }) : fieldIssue(field, 'tooLong', { n: n(params.maximum) });
    case 'invalid_format': {
      const byFormat: Record<string, FieldIssueKey> = { url: 'invalidUrl', date: 'invalidDate', email: 'invalidEmail' };
      return fieldIssue(field, byFormat[String(params.format)] ?? 'invalid');
    }
    case 'invalid_type':
      return fieldIssue(field, params.input === undefined ? 'required' : 'invalid');
    case 'custom':
      return fieldIssue(field, (message && fieldIssueCodeOf(message)) || 'invalid');
    default:
      return fieldIssue(field, 'invalid');
  }
}

function send(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  // A 503 is worth trying again soon: a restart, a failover or a released lock takes seconds.
  if (errorCodes[code] === 503) reply.header('retry-after', '5');
  const wait = details && typeof details === 'object' && 'retryAfterSeconds' in details ? Number(details.retryAfterSeconds) : NaN;
  if (Number.isFinite(wait) && wait > 0) reply.header('retry-after', String(Math.ceil(wait)));
  return reply.status(errorCodes[code]).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_BAD_URL: 'MALFORMED_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'MALFORMED_REQUEST',
};

/** One error shape for every failure: `{ error: { code, message, details } }`. No stack, no SQL. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // A signed-in user refused something, or a change without its CSRF token: the security log says so.
      if (error.code === 'FORBIDDEN' || error.code === 'CSRF_TOKEN_INVALID') {
        await securityEvent(
          request,
          'access.denied',
          {},
          { code: error.code, method: request.method, route: request.routeOptions.url ?? null },
        );
      }
      // The server's own failures (a stored file that changed, a file store that does not answer) reach the operators' log.
      if (error.status >= 500)
        request.log.error({ err: error, code: error.code, details: error.details, userId: request.auth?.user.id }, error.message);
      return send(reply, error.code, error.message, error.details);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => {
        const where = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
        return issueOf(where || error.validationContext || 'body', v.keyword, v.message, (v.params ?? {}) as Record<string, unknown>);
      });
      return send(reply, 'VALIDATION_FAILED', `Invalid ${issues.map((i) => i.field).join(', ')}`, { issues });
    }

    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return send(reply, mapped, error.message);
    if (error instanceof SyntaxError || (error.statusCode === 400 && !error.code?.startsWith('FST_ERR_VALIDATION'))) {
      return send(reply, 'MALFORMED_REQUEST', 'The request could not be read.');
    }
    const fault = databaseFaultOf(error);
    if (fault) {
      request.log.warn({ err: error, userId: request.auth?.user.id }, `database ${fault.fault}`);
      return fault.fault === 'timeout'
        ? send(reply, 'DATABASE_TIMEOUT', 'The database did not answer in time. The change, if any, was not saved; try again.')
        : send(
            reply,
            'DATABASE_UNAVAILABLE',
            'The database cannot be reached right now. The change, if any, was not saved; try again shortly.',
          );
    }
    const database = databaseErrorOf(error);
    if (database) return send(reply, database.code, database.message, database.details);
    if (error.statusCode === 429) return send(reply, 'RATE_LIMITED', 'Too many requests.');
    if (error.statusCode === 403) return send(reply, 'FORBIDDEN', 'This is not allowed.');
    if (error.statusCode === 404) return send(reply, 'NOT_FOUND', 'Not found.');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, 'MALFORMED_REQUEST', error.message);
    }
    request.log.error({ err: error, userId: request.auth?.user.id }, 'unhandled error');
    if (process.env.ACCORD_DEBUG_ERRORS) console.error(error);
    return send(reply, 'INTERNAL_ERROR', 'Something went wrong on our side. The change, if any, was not saved.');
  });
}

export function notFound(code: ErrorCode = 'NOT_FOUND', what = 'The item'): AppError {
  return new AppError(code, `${what} was not found.`);
}

/**
 * The headers every answer carries, also those sent before any hook runs (an address that cannot
 * be decoded, headers too large): nothing of them may be framed, sniffed or kept.
 */
export const baselineHeaders = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

/** Fastify's `frameworkErrors`: errors it meets before routing (a bad URL, an over-long id), in the one shape. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.headers(baselineHeaders);
  void send(
    reply,
    'MALFORMED_REQUEST',
    error.code === 'FST_ERR_BAD_URL' ? 'The address could not be read.' : 'The request could not be read.',
  );
}

/**
 * Node's `clientError`: a request the HTTP parser refused (headers too large, a timeout, bytes
 * that are not HTTP). There is no request object yet, so the answer is written on the socket, in
 * the one shape with the baseline headers.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'MALFORMED_REQUEST';
  const messages: Partial<Record<ErrorCode, string>> = {
    HEADERS_TOO_LARGE: 'The request headers are too large.',
    REQUEST_TIMEOUT: 'The request took too long to arrive.',
  };
  const body = JSON.stringify({ error: { code, message: messages[code] ?? 'The request could not be read.' } });
  const status = errorCodes[code];
  const headers = Object.entries({ ...baselineHeaders, 'content-type': 'application/json; charset=utf-8', connection: 'close' })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\n${headers}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
