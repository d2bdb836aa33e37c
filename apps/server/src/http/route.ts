import { AppError, type Contract } from '@accord/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import type { Viewer } from '../modules/access/viewer.js';
import { expectedVersion, setEtag } from './concurrency.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's contract is public: no session needed. */
    public?: boolean;
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
  handler: (input: RouteInput<C>) => Promise<Answer<C>>,
  options: Pick<RouteOptions, 'serializerCompiler'> = {},
): void {
  const status = contract.status ?? 200;
  app.route({
    method: contract.method,
    url: contract.path,
    config: { public: contract.operation === 'public' },
    schema: {
      tags: [contract.tag],
      summary: contract.summary,
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(contract.response ? { response: { [status]: contract.response } } : {}),
    },
    ...options,
    handler: async (request, reply) => {
      const viewer = request.auth?.viewer ?? null;
      if (!viewer && contract.operation !== 'public') throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
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
      const result = await handler(input);
      if (reply.sent) return reply;
      if (contract.response === null) return reply.status(204).send();
      if (result && typeof result === 'object' && 'version' in result && typeof result.version === 'number') setEtag(reply, result.version);
      return reply.status(status).send(result);
    },
  });
}
