import { sessionSchema, signInInput } from '@accord/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/pool.js';
import { CSRF_COOKIE, SESSION_COOKIE, clientAddress, cookieOptions, requireUser } from '../../http/session.js';
import { newToken, signIn, signOut } from './auth.service.js';

export function authRoutes(db: Db, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/auth/csrf',
      {
        schema: {
          tags: ['auth'],
          summary: 'A CSRF token for signing in (also set as a cookie)',
          response: { 200: z.object({ csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        if (request.auth) return { csrfToken: request.auth.csrfToken };
        const csrfToken = newToken();
        reply.setCookie(CSRF_COOKIE, csrfToken, cookieOptions(config, 60 * 60 * 24));
        return { csrfToken };
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: signInInput, response: { 200: sessionSchema } },
      },
      async (request, reply) => {
        const result = await signIn(db, config, request.body, clientAddress(request), request.headers['user-agent']);
        reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(config, config.sessionTtlHours * 3600));
        reply.clearCookie(CSRF_COOKIE, cookieOptions(config));
        return { user: result.user, csrfToken: result.csrfToken };
      },
    );

    app.post('/api/auth/sign-out', { schema: { tags: ['auth'], summary: 'Sign out and end the session' } }, async (request, reply) => {
      if (request.auth) await signOut(db, request.auth.token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
      return reply.status(204).send();
    });

    app.get(
      '/api/auth/session',
      { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: sessionSchema } } },
      async (request) => {
        const user = requireUser(request);
        return { user, csrfToken: request.auth?.csrfToken ?? '' };
      },
    );
  };
}
