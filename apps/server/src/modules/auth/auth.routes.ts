import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import { CSRF_COOKIE, SESSION_COOKIE, clientAddress, cookieOptions } from '../../http/session.js';
import { authorizeGlobal } from '../access/access.service.js';
import { newToken, signIn, signOut } from './auth.service.js';

export function authRoutes(db: Db, config: Config): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.getCsrf, async ({ request, reply }) => {
      if (request.auth) return { csrfToken: request.auth.csrfToken };
      const csrfToken = newToken();
      reply.setCookie(CSRF_COOKIE, csrfToken, cookieOptions(config, 60 * 60 * 24));
      return { csrfToken };
    });

    route(app, contracts.signIn, async ({ request, reply, body }) => {
      const result = await signIn(db, config, body, clientAddress(request), request.headers['user-agent']);
      // Signing in on a browser that holds a session ends that session once the new one exists:
      // it is not left behind for the next person, and two users never share a browser's session.
      if (request.auth) await signOut(db, request.auth.token);
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(config, config.sessionTtlHours * 3600));
      reply.clearCookie(CSRF_COOKIE, cookieOptions(config));
      return { user: result.user, csrfToken: result.csrfToken };
    });

    route(app, contracts.signOut, async ({ request, reply }) => {
      if (request.auth) await signOut(db, request.auth.token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
    });

    route(app, contracts.getSession, async ({ viewer, request }) => {
      authorizeGlobal(viewer, 'session.read');
      return { user: viewer.user, csrfToken: request.auth?.csrfToken ?? '' };
    });
  };
}
