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
 * Every line of a request carries its `requestId` (also sent back as `X-Request-Id`) and, once the
 * session is known, its `userId`. Secrets never reach a line: cookies, the CSRF token and every
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

/** The request id on every answer; the user on every log line of a signed-in request; every administrative change logged. */
export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
    if (request.auth) request.log = request.log.child({ userId: request.auth.user.id });
  });
  app.addHook('onResponse', async (request, reply) => {
    const user = request.auth?.user;
    if (!user || user.role !== 'admin' || request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
    if (!isApiRequest(request)) return;
    await securityEvent(
      request,
      'admin.action',
      {},
      { method: request.method, route: request.routeOptions.url ?? request.url, status: reply.statusCode },
    );
  });
}
