import crypto from 'node:crypto';
import { AppError, type SessionUser } from '@accord/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db, Queryable } from '../db/pool.js';
import { ReachCache } from '../modules/access/reach-cache.js';
import type { Viewer } from '../modules/access/viewer.js';
import { sessionResolver } from '../modules/auth/auth.service.js';

/** The cookies' names over plain HTTP (a developer's machine, tests). */
export const SESSION_COOKIE = 'accord_session';
export const CSRF_COOKIE = 'accord_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: { user: SessionUser; viewer: Viewer; csrfToken: string; token: string } | null;
  }
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * The cookies of a request. Over HTTPS (the connection itself, or a trusted proxy's
 * X-Forwarded-Proto) they are Secure and carry the `__Host-` prefix, which the browser keeps only
 * for a Secure cookie of this very host and path `/`, so that no other site or plain-HTTP page can
 * set one in their place; only those names are read then. `COOKIE_SECURE=true` makes them so
 * whatever the request says, `false` never.
 */
export interface RequestCookies {
  secure: boolean;
  session: string;
  csrf: string;
}

export function cookiesOf(request: FastifyRequest, config: Config): RequestCookies {
  const secure = config.cookieSecure === 'always' || (config.cookieSecure === 'auto' && request.protocol === 'https');
  return secure
    ? { secure, session: `__Host-${SESSION_COOKIE}`, csrf: `__Host-${CSRF_COOKIE}` }
    : { secure, session: SESSION_COOKIE, csrf: CSRF_COOKIE };
}

export function cookieOptions(cookies: RequestCookies, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: cookies.secure,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

/**
 * The path a request is routed by, percent-decoded: the router matches `/%61pi/…` to the API's
 * routes, so a decision made on the raw URL (`request.url`) could be walked around. Every hook
 * that asks "is this the API?" asks here.
 */
export function routedPath(request: FastifyRequest): string {
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    // Not decodable: the router refuses it too (400).
    return raw;
  }
}

/**
 * Whether a request is for the API, by its decoded path: what the router matched on. (Not by the
 * matched route: with the web app built, its catch-all `/*` also matches unknown API paths.)
 */
export function isApiRequest(request: FastifyRequest): boolean {
  return routedPath(request).startsWith('/api/');
}

/**
 * Loads the server-side session named by the cookie, then checks CSRF on every state-changing
 * API request: the X-CSRF-Token header must match the session's token (or, before sign-in,
 * the token of the pre-session cookie).
 */
export function registerSessions(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('auth', null);
  const reaches = new ReachCache();
  const resolveSession = sessionResolver(db, config);
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return;
    const names = cookiesOf(request, config);
    const token = request.cookies[names.session];
    if (token && token.length <= 100) {
      const found = await resolveSession(token);
      if (found) {
        const { reach, down } = await reaches.get(db, found.user.organisation.id, found.generation);
        const subtree = (on: Queryable, organisationId: string) => reaches.subtree(on, organisationId, found.generation);
        request.auth = { user: found.user, viewer: { user: found.user, reach, down, subtree }, csrfToken: found.csrfToken, token };
      } else reply.clearCookie(names.session, cookieOptions(names));
    }
    if (SAFE_METHODS.has(request.method)) return;
    const header = request.headers['x-csrf-token'];
    const sent = typeof header === 'string' ? header : undefined;
    const expected = request.auth ? request.auth.csrfToken : request.cookies[names.csrf];
    if (!sameToken(sent, expected)) {
      throw new AppError('CSRF_TOKEN_INVALID', 'The form has expired. Reload the page and try again.');
    }
  });
}

/**
 * API routes open without a session: those whose contract is public, and the API's own
 * description when `publicDocs` (not in production by default). Everything else under /api
 * answers 401 as soon as the request's head is read: before its body is read or parsed, so that an
 * anonymous body costs nothing.
 */
const API_DESCRIPTION = [/^\/api\/openapi\.json$/, /^\/api\/docs(\/|$)/];

export function registerAuthGate(app: FastifyInstance, { publicDocs }: { publicDocs: boolean }): void {
  app.addHook('onRequest', async (request) => {
    if (!isApiRequest(request) || request.auth || request.routeOptions.config.public) return;
    const path = routedPath(request);
    if (publicDocs && API_DESCRIPTION.some((re) => re.test(path))) return;
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  });
}

export function clientAddress(request: FastifyRequest): string {
  return request.ip;
}

export type Reply = FastifyReply;
