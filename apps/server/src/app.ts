import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { AppError, contracts } from '@accord/domain';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { pendingMigrations } from './db/migrate.js';
import type { Db } from './db/pool.js';
import { registerBodyParser } from './http/body.js';
import { registerRequestLogging, requestIdOptions } from './http/logging.js';
import { securityRoutes } from './modules/security/security.routes.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/errors.js';
import { isApiRequest, registerAuthGate, registerSessions } from './http/session.js';
import { agreementRoutes } from './modules/agreements/agreement.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { organisationRoutes } from './modules/organisations/organisation.routes.js';
import { PlanCache } from './modules/plan/plan-cache.js';
import { KEPT_APPROVALS, planImportUploadRoutes, planRoutes } from './modules/plan/plan.routes.js';
import { StampedCache } from './modules/plan/stamped-cache.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { taskRoutes } from './modules/tasks/task.routes.js';
import { historyRoutes } from './modules/history/history.routes.js';
import { threadRoutes } from './modules/thread/thread.routes.js';
import { route } from './http/route.js';
import { fileRoutes } from './modules/files/files.routes.js';
import { createFileStorage, type FileStorage } from './storage/index.js';

export interface AppOptions {
  db: Db;
  /** Where read-only lists, search, plan trees and histories go (a replica); default `db`. */
  readDb?: Db;
  /** The readiness check's own small pool, so that it never queues behind user work; default `db`. */
  healthDb?: Db;
  config: Config;
  /** Where the app logs (pino, `http/logging.ts`); none by default (tests). */
  logger?: FastifyBaseLogger;
  /** A line for every request besides the ones that matter (errors, security events). */
  logRequests?: boolean;
  /** Where evidence files' bytes are kept; default the store the configuration names. */
  fileStorage?: FileStorage;
}

/** Builds the Fastify application: security headers, sessions, CSRF, the API, docs and the web app. */
export async function buildApp({
  db,
  readDb = db,
  healthDb = db,
  config,
  logger,
  logRequests = false,
  fileStorage = createFileStorage(config),
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    ...requestIdOptions(config),
    logController: new LogController({ disableRequestLogging: !logRequests, requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerBodyParser(app);
  app.decorate('changeDb', db);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Browsers heed HSTS only when it comes over HTTPS, so it is harmless on plain HTTP.
    strictTransportSecurity: config.cookieSecure !== 'never',
  });
  // Answers of 1 KB or more in brotli or gzip, as the client accepts (the plan of 9,000 tasks is
  // 8.9 MB of JSON), at the fastest levels: brotli 1 makes the plan of 1,270 tasks 202 KB of 1.85 MB
  // in 4.7 ms of CPU, where quality 4 makes it 143 KB in 14.6 ms (docs/PERFORMANCE.md). Never below that: the small answers that carry the CSRF token (the session,
  // sign-in) stay as they are, out of reach of a compression side channel. Evidence files are of
  // types that do not compress (PDF, images, Office, ZIP) and go as stored. Request bodies are
  // never inflated: a compressed upload would walk around the body limits.
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
    // Up to 64 KB (a page of any list) in one call on the event loop, about 0.1 ms at these levels:
    // a compression stream for each answer cost more than the compression (0.5 ms a list request).
    syncThreshold: 65_536,
  });
  await app.register(fastifyCookie);
  // API answers are about one user and change with every edit: no browser or proxy keeps them.
  app.addHook('onSend', async (request, reply) => {
    if (isApiRequest(request) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  registerSessions(app, db, config);
  registerAuthGate(app, { publicDocs: config.apiDocsPublic });
  registerRequestLogging(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Accord API',
        version: '0.1.0',
        description:
          'Agreements, organisations and the joint plan. Sign in with POST /api/auth/sign-in (after GET /api/auth/csrf); ' +
          'send X-CSRF-Token on every change and If-Match (the ETag) on every edit. Errors: { error: { code, message, details } }.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Liveness asks nothing of the database; readiness asks that it answers and is migrated.
  route(app, contracts.getLiveness, async () => ({ status: 'ok' as const }));
  route(app, contracts.getHealth, async () => {
    const pending = await pendingMigrations(healthDb);
    if (pending.length > 0) {
      throw new AppError('MIGRATIONS_PENDING', `${pending.length} database migrations are not applied yet.`, { pending: pending.length });
    }
    return { status: 'ok' as const, database: 'ok' as const, migrations: 'ok' as const };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes(db, config));
  await app.register(organisationRoutes(db));
  await app.register(agreementRoutes(db, readDb));
  await app.register(planRoutes(db, readDb, { plans: new PlanCache(config.planCacheBytes), approvals: new StampedCache(KEPT_APPROVALS) }));
  await app.register(taskRoutes(db, readDb));
  await app.register(threadRoutes(db, readDb));
  await app.register(fileRoutes(db, fileStorage, config.files.maxBytes));
  await app.register(planImportUploadRoutes(db, config.importMaxBytes));
  await app.register(historyRoutes(readDb));
  await app.register(searchRoutes(readDb));
  await app.register(securityRoutes(db));

  const hasWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up at request time, so a rebuild is served without a restart.
    // preCompressed: the build writes .br and .gz beside each file; they are sent as they are.
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: true,
      index: false,
      maxAge: '1h',
      preCompressed: true,
      // The build's own records (Vite's manifest) are for the benchmark, not for visitors.
      allowedPath: (pathName) => !pathName.startsWith('/.vite/'),
    });
  }
  // The web app routes on the client: the root and every other page get index.html, never cached.
  const sendIndex = (reply: import('fastify').FastifyReply) => {
    if (!hasWeb) return reply.status(404).type('text/plain').send('The web app is not built. Run: npm run build');
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  };
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request) || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
    }
    return sendIndex(reply);
  });

  return app;
}
