import {
  areaCreateInput,
  areaSchema,
  areaUpdateInput,
  auditEventSchema,
  planSchema,
  taskCreateInput,
  taskMoveInput,
  taskSchema,
  taskUpdateInput,
  uuid,
} from '@accord/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/pool.js';
import { expectedVersion, setEtag } from '../../http/concurrency.js';
import { requireUser } from '../../http/session.js';
import { historyQuery } from '../agreements/agreement.routes.js';
import * as service from './plan.service.js';

const agreementParams = z.object({ id: uuid });
const areaParams = z.object({ id: uuid, areaId: uuid });
const taskParams = z.object({ id: uuid, taskId: uuid });

/** `readDb` (a replica, or the primary) serves the plan tree and task histories; edits and the task read before an edit use the primary. */
export function planRoutes(db: Db, readDb: Db = db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/agreements/:id/plan',
      {
        schema: {
          tags: ['plan'],
          summary: 'The joint plan: areas with their task trees',
          params: agreementParams,
          response: { 200: planSchema },
        },
        // Thousands of tasks: serialised as the Plan type builds them, without re-validating every
        // node against the schema on the way out (that alone cost ~12 ms per 1,000 tasks).
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (request) => service.getPlan(readDb, requireUser(request), request.params.id),
    );

    app.post(
      '/api/agreements/:id/areas',
      {
        schema: {
          tags: ['plan'],
          summary: 'Add a cooperation area',
          params: agreementParams,
          body: areaCreateInput,
          response: { 201: areaSchema },
        },
      },
      async (request, reply) => {
        const area = await service.createArea(db, requireUser(request), request.params.id, request.body);
        setEtag(reply, area.version);
        return reply.status(201).send(area);
      },
    );
    app.patch(
      '/api/agreements/:id/areas/:areaId',
      {
        schema: {
          tags: ['plan'],
          summary: 'Edit a cooperation area (If-Match or version)',
          params: areaParams,
          body: areaUpdateInput,
          response: { 200: areaSchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const area = await service.updateArea(
          db,
          user,
          request.params.id,
          request.params.areaId,
          expectedVersion(request, request.body.version),
          request.body,
        );
        setEtag(reply, area.version);
        return area;
      },
    );
    app.delete(
      '/api/agreements/:id/areas/:areaId',
      { schema: { tags: ['plan'], summary: 'Delete an area and its tasks (kept in history; If-Match required)', params: areaParams } },
      async (request, reply) => {
        const user = requireUser(request);
        await service.deleteArea(db, user, request.params.id, request.params.areaId, expectedVersion(request, undefined));
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/agreements/:id/tasks',
      {
        schema: {
          tags: ['plan'],
          summary: 'Add a task under an area, or a sub-task under a task',
          params: agreementParams,
          body: taskCreateInput,
          response: { 201: taskSchema },
        },
      },
      async (request, reply) => {
        const task = await service.createTask(db, requireUser(request), request.params.id, request.body);
        setEtag(reply, task.version);
        return reply.status(201).send(task);
      },
    );
    app.get(
      '/api/agreements/:id/tasks/:taskId',
      { schema: { tags: ['plan'], params: taskParams, response: { 200: taskSchema } } },
      async (request, reply) => {
        const task = await service.getTask(db, requireUser(request), request.params.id, request.params.taskId);
        setEtag(reply, task.version);
        return task;
      },
    );
    app.patch(
      '/api/agreements/:id/tasks/:taskId',
      {
        schema: {
          tags: ['plan'],
          summary: 'Edit a task (If-Match or version; 412 on a stale version)',
          params: taskParams,
          body: taskUpdateInput,
          response: { 200: taskSchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const task = await service.updateTask(
          db,
          user,
          request.params.id,
          request.params.taskId,
          expectedVersion(request, request.body.version),
          request.body,
        );
        setEtag(reply, task.version);
        return task;
      },
    );
    app.post(
      '/api/agreements/:id/tasks/:taskId/move',
      {
        schema: {
          tags: ['plan'],
          summary: 'Move a task to another area, parent or position',
          params: taskParams,
          body: taskMoveInput,
          response: { 200: taskSchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const task = await service.moveTask(
          db,
          user,
          request.params.id,
          request.params.taskId,
          expectedVersion(request, request.body.version),
          request.body,
        );
        setEtag(reply, task.version);
        return task;
      },
    );
    app.delete(
      '/api/agreements/:id/tasks/:taskId',
      { schema: { tags: ['plan'], summary: 'Delete a task and its sub-tasks (kept in history; If-Match required)', params: taskParams } },
      async (request, reply) => {
        const user = requireUser(request);
        await service.deleteTask(db, user, request.params.id, request.params.taskId, expectedVersion(request, undefined));
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/agreements/:id/tasks/:taskId/history',
      {
        schema: {
          tags: ['plan'],
          summary: 'Every change to one task, newest first',
          params: taskParams,
          querystring: historyQuery,
          response: { 200: z.object({ items: z.array(auditEventSchema) }) },
        },
      },
      async (request) => ({
        items: await service.taskHistory(
          readDb,
          requireUser(request),
          request.params.id,
          request.params.taskId,
          request.query.limit,
          request.query.before,
        ),
      }),
    );
  };
}
