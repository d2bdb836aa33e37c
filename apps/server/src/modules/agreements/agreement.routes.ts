import {
  agreementCreateInput,
  agreementDetailSchema,
  agreementListQuery,
  agreementListSchema,
  agreementStatusInput,
  agreementUpdateInput,
  auditEventSchema,
  uuid,
} from '@accord/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/pool.js';
import { expectedVersion, setEtag } from '../../http/concurrency.js';
import { requireUser } from '../../http/session.js';
import * as service from './agreement.service.js';

const idParams = z.object({ id: uuid });
export const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

/** `readDb` (a replica, or the primary) serves the list and the history; everything else the primary. */
export function agreementRoutes(db: Db, readDb: Db = db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Agreements the user may see; q ignores diacritics and case',
          querystring: agreementListQuery,
          response: { 200: agreementListSchema },
        },
      },
      async (request) => service.listAgreements(readDb, requireUser(request), request.query),
    );

    app.post(
      '/api/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Create an agreement (draft)',
          body: agreementCreateInput,
          response: { 201: agreementDetailSchema },
        },
      },
      async (request, reply) => {
        const created = await service.createAgreement(db, requireUser(request), request.body);
        setEtag(reply, created.version);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/agreements/:id',
      { schema: { tags: ['agreements'], params: idParams, response: { 200: agreementDetailSchema } } },
      async (request, reply) => {
        const agreement = await service.getAgreement(db, requireUser(request), request.params.id);
        setEtag(reply, agreement.version);
        return agreement;
      },
    );

    app.patch(
      '/api/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Edit an agreement; send If-Match (its ETag) or version; 412 when someone else changed it',
          params: idParams,
          body: agreementUpdateInput,
          response: { 200: agreementDetailSchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const updated = await service.updateAgreement(
          db,
          user,
          request.params.id,
          expectedVersion(request, request.body.version),
          request.body,
        );
        setEtag(reply, updated.version);
        return updated;
      },
    );

    app.post(
      '/api/agreements/:id/status',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Change status: draft → signed → in force → completed / expired / terminated',
          params: idParams,
          body: agreementStatusInput,
          response: { 200: agreementDetailSchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const updated = await service.changeStatus(
          db,
          user,
          request.params.id,
          expectedVersion(request, request.body.version),
          request.body.status,
        );
        setEtag(reply, updated.version);
        return updated;
      },
    );

    app.get(
      '/api/agreements/:id/history',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Every change to the agreement, its areas and tasks, newest first',
          params: idParams,
          querystring: historyQuery,
          response: { 200: z.object({ items: z.array(auditEventSchema) }) },
        },
      },
      async (request) => ({
        items: await service.agreementHistory(readDb, requireUser(request), request.params.id, request.query.limit, request.query.before),
      }),
    );
  };
}
