import { AppError, takesIdempotencyKey, type Contract } from '@accord/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import type { Viewer } from '../modules/access/viewer.js';
import { IdempotentReplay, idempotencyKeyOf, requestHash, storedAnswer, withIdempotencyKey } from '../change/idempotency.js';
import type { Db } from '../db/pool.js';
import { bodyLimitOf } from './body.js';
import { expectedVersion, setEtag } from './concurrency.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's contract is public: no session needed. */
    public?: boolean;
  }
  interface FastifyInstance {
    /** The primary database, where a route keeps the answers to its Idempotency-Keys. */
    changeDb: Db;
  }
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<C extends Contract> {
  params: Out<C['params']>;
  query: Out<C['query']>;
  body: Out<C['body']>;
  /** The signed-in user (absent only on public routes). */
  viewer: C['operation'] extends 'public' ? Viewer | null : Viewer;
  /** The version the client says it edits (If-Match or body `version`); versioned routes only. */
  version: C['versioned'] extends true ? number : undefined;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Answer<C extends Contract> = C['response'] extends z.ZodType ? z.input<C['response']> : void;

/**
 * Registers the route of a contract: its method, path and schemas (validation and OpenAPI), the
 * session it needs, the version an edit must name, and the ETag of what it answers. The handler
 * calls one service function with the viewer.
 */
export function route<C extends Contract>(
  app: FastifyInstance,
  contract: C,
  /** Answers what the contract describes, or the reply itself when it sent the answer (a download, a 304). */
  handler: (input: RouteInput<C>) => Promise<Answer<C> | FastifyReply>,
  options: Pick<RouteOptions, 'serializerCompiler' | 'bodyLimit'> = {},
): void {
  const status = contract.status ?? 200;
  const keyed = takesIdempotencyKey(contract);
  const db = keyed ? app.changeDb : undefined;
  if (keyed && !db) throw new Error(`${contract.id} takes an Idempotency-Key: the app must be decorated with changeDb first`);
  const send = (reply: FastifyReply, result: unknown, code: number) => {
    if (contract.response === null) return reply.status(204).send();
    if (result && typeof result === 'object' && 'version' in result && typeof result.version === 'number') setEtag(reply, result.version);
    return reply.status(code).send(result);
  };
  app.route({
    method: contract.method,
    url: contract.path,
    config: { public: contract.operation === 'public' },
    bodyLimit: bodyLimitOf(contract),
    schema: {
      tags: [contract.tag],
      summary: contract.summary,
      ...(keyed
        ? {
            description:
              'Takes an `Idempotency-Key` header (1–200 visible ASCII characters, e.g. a UUID): the same key and request again within a day ' +
              'answers the first answer (with `Idempotency-Replayed: true`) and changes nothing; the same key with another request is ' +
              'refused with 422 `IDEMPOTENCY_KEY_REUSED`.',
          }
        : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(contract.response ? { response: { [status]: contract.response } } : {}),
    },
    ...options,
    handler: async (request, reply) => {
      const viewer = request.auth?.viewer ?? null;
      if (!viewer && contract.operation !== 'public') throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      const key = keyed && viewer ? idempotencyKeyOf(request) : undefined;
      const body = request.body as { version?: number } | undefined;
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        viewer,
        version: contract.versioned ? expectedVersion(request, body?.version) : undefined,
        request,
        reply,
      } as unknown as RouteInput<C>;
      if (key === undefined || !viewer || !db) {
        const result = await handler(input);
        return result === reply || reply.sent ? reply : send(reply, result, status);
      }
      // The same key and request again: the first answer, and nothing changes.
      const claim = {
        userId: viewer.user.id,
        key,
        requestHash: requestHash(request.method, request.url, request.body),
        status,
        used: false,
      };
      const replay = (answer: { status: number; response: unknown }) => {
        reply.header('idempotency-replayed', 'true');
        return send(reply, answer.response, answer.status);
      };
      const earlier = await storedAnswer(db, claim);
      if (earlier) return replay(earlier);
      try {
        const result = await withIdempotencyKey(claim, () => handler(input));
        return result === reply || reply.sent ? reply : send(reply, result, status);
      } catch (error) {
        if (error instanceof IdempotentReplay) return replay(error.answer);
        throw error;
      }
    },
  });
}
