import { agreementTaskListQuery, taskListSchema, unitTaskListQuery, uuid } from '@accord/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/pool.js';
import { requireUser } from '../../http/session.js';
import * as service from './task-list.service.js';

/** Read-only task lists; `db` may be a read replica. */
export function taskListRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/agreements/:id/tasks',
      {
        schema: {
          tags: ['plan'],
          summary:
            "One agreement's tasks as a flat list: filter by status, lead unit (and the units below it), area, due dates, overdue or words; sort; page",
          params: z.object({ id: uuid }),
          querystring: agreementTaskListQuery,
          response: { 200: taskListSchema },
        },
      },
      async (request) => service.listAgreementTasks(db, requireUser(request), request.params.id, request.query),
    );
    app.get(
      '/api/tasks',
      {
        schema: {
          tags: ['plan'],
          summary: "A unit's tasks across every agreement the user can read (default: the user's own organisation and the units below it)",
          querystring: unitTaskListQuery,
          response: { 200: taskListSchema },
        },
      },
      async (request) => service.listUnitTasks(db, requireUser(request), request.query),
    );
  };
}
