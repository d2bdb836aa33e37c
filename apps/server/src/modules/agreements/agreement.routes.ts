import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import * as service from './agreement.service.js';

/** `readDb` (a replica, or the primary) serves the list; everything else the primary. */
export function agreementRoutes(db: Db, readDb: Db = db): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.listAgreements, ({ viewer, query }) => service.listAgreements(readDb, viewer, query));
    route(app, contracts.createAgreement, ({ viewer, body }) => service.createAgreement(db, viewer, body));
    route(app, contracts.getAgreement, ({ viewer, params }) => service.getAgreement(db, viewer, params.id));
    route(app, contracts.updateAgreement, ({ viewer, params, version, body }) =>
      service.updateAgreement(db, viewer, params.id, version, body),
    );
    route(app, contracts.changeAgreementStatus, ({ viewer, params, version, body }) =>
      service.changeStatus(db, viewer, params.id, version, body.status),
    );
  };
}
