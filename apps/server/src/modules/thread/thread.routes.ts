import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { route } from '../../http/route.js';
import * as service from './thread.service.js';

/** A task's thread: reading it, posting to it, the author's corrections, and the people to point at. */
export function threadRoutes(db: Db, readDb: Db = db): FastifyPluginAsync {
  return async (app) => {
    route(app, contracts.getTaskThread, ({ viewer, params, query }) => service.getThread(db, viewer, params.id, params.taskId, query));
    route(app, contracts.postReport, ({ viewer, params, body }) => service.postEntry(db, viewer, params.id, params.taskId, 'report', body));
    route(app, contracts.postComment, ({ viewer, params, body }) =>
      service.postEntry(db, viewer, params.id, params.taskId, 'comment', body),
    );
    route(app, contracts.postDirection, ({ viewer, params, body }) =>
      service.postEntry(db, viewer, params.id, params.taskId, 'direction', body),
    );
    route(app, contracts.updateEntry, ({ viewer, params, version, body }) =>
      service.updateEntry(db, viewer, params.id, params.taskId, params.entryId, version, body),
    );
    route(app, contracts.deleteEntry, ({ viewer, params, version }) =>
      service.deleteEntry(db, viewer, params.id, params.taskId, params.entryId, version),
    );
    route(app, contracts.listAgreementPeople, ({ viewer, params, query }) => service.listPeople(readDb, viewer, params.id, query));
  };
}
