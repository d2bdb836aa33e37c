import { organisationCreateInput, organisationListQuery, organisationSchema, organisationUpdateInput, uuid } from '@accord/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/pool.js';
import { expectedVersion, setEtag } from '../../http/concurrency.js';
import { requireUser } from '../../http/session.js';
import * as service from './organisation.service.js';

const idParams = z.object({ id: uuid });

export function organisationRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisations',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Organisations of both sides (a flat list; parentId makes the tree)',
          querystring: organisationListQuery,
          response: { 200: z.object({ items: z.array(organisationSchema) }) },
        },
      },
      async (request) => ({ items: await service.listOrganisations(db, requireUser(request), request.query) }),
    );
    app.get(
      '/api/organisations/:id',
      { schema: { tags: ['organisations'], params: idParams, response: { 200: organisationSchema } } },
      async (request, reply) => {
        const org = await service.getOrganisation(db, requireUser(request), request.params.id);
        setEtag(reply, org.version);
        return org;
      },
    );
    app.post(
      '/api/organisations',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Add an organisation (administrator)',
          body: organisationCreateInput,
          response: { 201: organisationSchema },
        },
      },
      async (request, reply) => {
        const org = await service.createOrganisation(db, requireUser(request), request.body);
        setEtag(reply, org.version);
        return reply.status(201).send(org);
      },
    );
    app.patch(
      '/api/organisations/:id',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Edit, dissolve or merge an organisation (administrator)',
          params: idParams,
          body: organisationUpdateInput,
          response: { 200: organisationSchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const org = await service.updateOrganisation(
          db,
          user,
          request.params.id,
          expectedVersion(request, request.body.version),
          request.body,
        );
        setEtag(reply, org.version);
        return org;
      },
    );
  };
}
