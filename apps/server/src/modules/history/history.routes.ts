import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import * as service from './history.service.js';

/** Histories are read-only: `db` may be a read replica. */
export function historyRoutes(db: Db): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.getAgreementHistory, async ({ viewer, params, query }) => ({
      items: await service.agreementHistory(db, viewer, params.id, query.limit, query.before),
    }));
    route(app, contracts.getTaskHistory, async ({ viewer, params, query }) => ({
      items: await service.taskHistory(db, viewer, params.id, params.taskId, query.limit, query.before),
    }));
  };
}
