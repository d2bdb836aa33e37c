import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import * as lists from './task-list.service.js';
import * as service from './task.service.js';

/** `readDb` (a replica, or the primary) serves the lists; a task read before an edit and the edits use the primary. */
export function taskRoutes(db: Db, readDb: Db = db): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.listAgreementTasks, ({ viewer, params, query }) => lists.listAgreementTasks(readDb, viewer, params.id, query));
    route(app, contracts.listUnitTasks, ({ viewer, query }) => lists.listUnitTasks(readDb, viewer, query));
    route(app, contracts.getAgreementReporting, ({ viewer, params }) => lists.agreementReporting(readDb, viewer, params.id));
    route(app, contracts.listAcceptanceQueue, ({ viewer, query }) => lists.listAcceptanceQueue(readDb, viewer, query));
    route(app, contracts.createTask, ({ viewer, params, body }) => service.createTask(db, viewer, params.id, body));
    route(app, contracts.getTask, ({ viewer, params }) => service.getTask(db, viewer, params.id, params.taskId));
    route(app, contracts.updateTask, ({ viewer, params, version, body }) =>
      service.updateTask(db, viewer, params.id, params.taskId, version, body),
    );
    route(app, contracts.moveTask, ({ viewer, params, version, body }) =>
      service.moveTask(db, viewer, params.id, params.taskId, version, body),
    );
    route(app, contracts.deliverTask, ({ viewer, params, version, body }) =>
      service.deliverTask(db, viewer, params.id, params.taskId, version, body.note ?? null, undefined, body.fileIds),
    );
    route(app, contracts.acceptTask, ({ viewer, params, version, body }) =>
      service.acceptTask(db, viewer, params.id, params.taskId, version, body.note ?? null),
    );
    route(app, contracts.rejectTask, ({ viewer, params, version, body }) =>
      service.rejectTask(db, viewer, params.id, params.taskId, version, body.reason),
    );
    route(app, contracts.waiveTaskClarity, ({ viewer, params, version, body }) =>
      service.setClarityWaiver(db, viewer, params.id, params.taskId, version, body.reason),
    );
    route(app, contracts.clearTaskWaiver, ({ viewer, params, version }) =>
      service.setClarityWaiver(db, viewer, params.id, params.taskId, version, null),
    );
    route(app, contracts.deleteTask, ({ viewer, params, version }) => service.deleteTask(db, viewer, params.id, params.taskId, version));
  };
}
