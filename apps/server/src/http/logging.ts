import crypto from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from '../config.js';
import { securityEvent } from '../modules/security/security.service.js';
import { isApiRequest } from './session.js';

/**
 * Structured logs (pino, one JSON object per line): to standard output, and to a file under the
 * data folder rotated daily or at 10 MB, 14 files kept (`LOG_DIR`, `LOG_FILE=false` for none).
 * Every line of a request carries its `requestId` (also sent back as `X-Request-Id`); the lines
 * that matter (security events, errors) name the user (`userId`): a child logger per request to
 * put it on every line cost the cheapest request a tenth of its time. Secrets never reach a line: cookies, the CSRF token and every
 * password field are redacted.
 */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
];

/** The logger's options (level, redaction), shared by the server and the tests. */
export function loggerOptions(config: Config): pino.LoggerOptions {
  return { level: config.logLevel, redact: { paths: redactedPaths, censor: '[redacted]' } };
}

export function createLogger(config: Config): Logger {
  const targets: pino.TransportTargetOptions[] = [{ target: 'pino/file', options: { destination: 1 }, level: config.logLevel }];
  if (config.logFile) {
    targets.push({
      target: 'pino-roll',
      level: config.logLevel,
      options: {
        file: path.join(config.logDir, 'accord'),
        extension: '.log',
        frequency: 'daily',
        size: '10m',
        limit: { count: 14 },
        mkdir: true,
      },
    });
  }
  return pino(loggerOptions(config), pino.transport({ targets }));
}

/** What Fastify needs to give every request an id of its own (or the proxy's, when it is trusted). */
export function requestIdOptions(config: Config) {
  return {
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: config.trustProxy ? 'x-request-id' : (false as const),
  };
}

/**
 * The request id on every answer; every administrative change logged. Callback-style hooks: they run on every request, and an async one
 * costs a promise each time for nothing.
 */
export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', String(request.id));
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const user = request.auth?.user;
    if (
      !user ||
      user.role !== 'admin' ||
      request.method === 'GET' ||
      request.method === 'HEAD' ||
      reply.statusCode >= 400 ||
      !isApiRequest(request)
    ) {
      return done();
    }
    const details = { method: request.method, route: request.routeOptions.url ?? request.url, status: reply.statusCode };
    void securityEvent(request, 'admin.action', {}, details).finally(() => done());
  });
}
