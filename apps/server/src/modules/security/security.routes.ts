import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import * as service from './security.service.js';

export function securityRoutes(db: Db): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.listSecurityEvents, async ({ viewer, query }) => ({ items: await service.listSecurityEvents(db, viewer, query) }));
  };
}
