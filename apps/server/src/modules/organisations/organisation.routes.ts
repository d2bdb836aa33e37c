import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import * as service from './organisation.service.js';

export function organisationRoutes(db: Db): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.listOrganisations, async ({ viewer, query }) => ({ items: await service.listOrganisations(db, viewer, query) }));
    route(app, contracts.getOrganisation, ({ viewer, params }) => service.getOrganisation(db, viewer, params.id));
    route(app, contracts.createOrganisation, ({ viewer, body }) => service.createOrganisation(db, viewer, body));
    route(app, contracts.updateOrganisation, ({ viewer, params, version, body }) =>
      service.updateOrganisation(db, viewer, params.id, version, body),
    );
  };
}
