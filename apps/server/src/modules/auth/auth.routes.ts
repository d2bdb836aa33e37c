import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import { clientAddress, cookieOptions, cookiesOf } from '../../http/session.js';
import { authorizeGlobal } from '../access/access.service.js';
import { AppError } from '@accord/domain';
import { securityEvent } from '../security/security.service.js';
import { changePassword, newToken, signIn, signOut } from './auth.service.js';

export function authRoutes(db: Db, config: Config): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.getCsrf, async ({ request, reply }) => {
      if (request.auth) return { csrfToken: request.auth.csrfToken };
      const csrfToken = newToken();
      const names = cookiesOf(request, config);
      reply.setCookie(names.csrf, csrfToken, cookieOptions(names, 60 * 60 * 24));
      return { csrfToken };
    });

    route(app, contracts.signIn, async ({ request, reply, body }) => {
      let result: Awaited<ReturnType<typeof signIn>>;
      try {
        result = await signIn(db, config, body, {
          ip: clientAddress(request),
          userAgent: request.headers['user-agent'],
          requestId: String(request.id),
        });
      } catch (error) {
        if (error instanceof AppError && (error.code === 'INVALID_CREDENTIALS' || error.code === 'SIGN_IN_THROTTLED')) {
          const kind = error.code === 'INVALID_CREDENTIALS' ? 'sign_in.failed' : 'sign_in.throttled';
          await securityEvent(
            request,
            kind,
            { email: body.email },
            kind === 'sign_in.throttled' ? { retryAfterSeconds: retryAfter(error) } : {},
          );
        }
        throw error;
      }
      // Its row of the security log was written with the session; this is its line.
      await securityEvent(request, 'sign_in.succeeded', { userId: result.user.id, email: result.user.email }, {}, { stored: true });
      // Signing in on a browser that holds a session ends that session once the new one exists:
      // it is not left behind for the next person, and two users never share a browser's session.
      if (request.auth) await signOut(db, request.auth.token);
      const names = cookiesOf(request, config);
      reply.setCookie(names.session, result.token, cookieOptions(names, config.sessionTtlHours * 3600));
      reply.clearCookie(names.csrf, cookieOptions(names));
      return { user: result.user, csrfToken: result.csrfToken };
    });

    route(app, contracts.signOut, async ({ request, reply }) => {
      if (request.auth) await signOut(db, request.auth.token);
      const names = cookiesOf(request, config);
      reply.clearCookie(names.session, cookieOptions(names));
    });

    route(app, contracts.changePassword, async ({ viewer, request, body }) => {
      const token = request.auth?.token ?? '';
      try {
        const { endedSessions } = await changePassword(db, config, viewer, { token, ip: clientAddress(request) }, body);
        await securityEvent(request, 'password.changed', {}, { endedSessions });
      } catch (error) {
        if (error instanceof AppError && error.code !== 'IDEMPOTENCY_KEY_REUSED') {
          await securityEvent(request, 'password.change_refused', {}, { code: error.code });
        }
        throw error;
      }
    });

    route(app, contracts.getSession, async ({ viewer, request }) => {
      authorizeGlobal(viewer, 'session.read');
      return { user: viewer.user, csrfToken: request.auth?.csrfToken ?? '' };
    });
  };
}

function retryAfter(error: AppError): number | null {
  const details = error.details as { retryAfterSeconds?: number } | undefined;
  return details?.retryAfterSeconds ?? null;
}
