import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import * as service from './search.service.js';

/** Search across agreements and tasks; read-only, so `db` may be a read replica. */
export function searchRoutes(db: Db): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.search, ({ viewer, query }) => service.search(db, viewer, query));
  };
}
