import { contracts } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { acceptFileBytes } from '../../http/body.js';
import { sendPrecompressed, sendRevalidated } from '../../http/concurrency.js';
import { sendDownload } from '../../http/download.js';
import { route } from '../../http/route.js';
import { PlanCache } from './plan-cache.js';
import { exportPlan } from './plan-export.js';
import * as approval from './plan-approval.service.js';
import { StampedCache } from './stamped-cache.js';
import * as imports from './plan-import.service.js';
import * as service from './plan.service.js';

/** What an instance keeps of its plans, each checked against the plan's stamp on every request. */
export interface PlanCaches {
  /** Whole plan trees. */
  plans: PlanCache;
  /** The plans' facts behind their approval (content hash, readiness). */
  approvals: StampedCache<approval.PlanFacts>;
}

/** The plans whose approval facts an instance keeps (a few KB each). */
export const KEPT_APPROVALS = 10_000;

/** `readDb` (a replica, or the primary) serves the plan tree; area changes use the primary. */
export function planRoutes(
  db: Db,
  readDb: Db = db,
  { plans, approvals }: PlanCaches = { plans: new PlanCache(0), approvals: new StampedCache(KEPT_APPROVALS) },
): FastifyPluginAsync {
  return async (app) => {
    // Thousands of tasks: made once per version of the plan and class of viewer, serialised as
    // the Plan type builds them, without re-validating every node against the schema on the way
    // out (that alone cost ~12 ms per 1,000 tasks), kept compressed, with an ETag of what this
    // viewer sees, so that a browser keeps an unchanged plan (304).
    route(app, contracts.getPlan, async ({ viewer, params, request, reply }) =>
      sendPrecompressed(request, reply, await service.getPlanAnswer(readDb, plans, viewer, params.id)),
    );
    route(app, contracts.getPlanOutline, async ({ viewer, params, request, reply }) =>
      sendRevalidated(request, reply, await service.getPlanOutline(readDb, viewer, params.id)),
    );
    route(app, contracts.getPlanAreaTasks, async ({ viewer, params, query, request, reply }) =>
      sendRevalidated(request, reply, await service.getPlanAreaTasks(readDb, viewer, params.id, params.areaId, query)),
    );
    route(app, contracts.exportPlan, async ({ viewer, params, reply }) => {
      const file = await exportPlan(readDb, viewer, params.id);
      return sendDownload(reply, { ...file, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    });
    route(app, contracts.getPlanApproval, ({ viewer, params }) => approval.getPlanApproval(db, approvals, viewer, params.id));
    route(app, contracts.submitPlan, ({ viewer, params, body }) => approval.submitPlan(db, viewer, params.id, body.note ?? null));
    route(app, contracts.approvePlanVersion, ({ viewer, params, version, body }) =>
      approval.decidePlanVersion(db, viewer, params.id, params.versionId, version, 'approved', body.note ?? null),
    );
    route(app, contracts.returnPlanVersion, ({ viewer, params, version, body }) =>
      approval.decidePlanVersion(db, viewer, params.id, params.versionId, version, 'returned', body.reason),
    );
    route(app, contracts.withdrawPlanVersion, ({ viewer, params, version }) =>
      approval.withdrawPlanVersion(db, viewer, params.id, params.versionId, version),
    );
    route(app, contracts.getPlanDiff, ({ viewer, params, query }) => approval.getPlanDiff(db, viewer, params.id, query.from, query.to));
    route(app, contracts.checkPlanImport, ({ viewer, params, body }) =>
      imports.checkImport(db, viewer, params.id, params.importId, body.fixes),
    );
    route(app, contracts.applyPlanImport, ({ viewer, params, version, body }) =>
      imports.applyImport(db, viewer, params.id, params.importId, version, body.fixes),
    );
    route(app, contracts.createArea, ({ viewer, params, body }) => service.createArea(db, viewer, params.id, body));
    route(app, contracts.updateArea, ({ viewer, params, version, body }) =>
      service.updateArea(db, viewer, params.id, params.areaId, version, body),
    );
    route(app, contracts.deleteArea, ({ viewer, params, version }) => service.deleteArea(db, viewer, params.id, params.areaId, version));
  };
}

/** The upload of a workbook to import: its body is the file's bytes, whatever Content-Type is claimed (the reader decides what it is). */
export function planImportUploadRoutes(db: Db, maxBytes: number): FastifyPluginAsync {
  return async (app) => {
    acceptFileBytes(app);
    route(
      app,
      contracts.uploadPlanImport,
      ({ viewer, params, query, request }) =>
        imports.uploadImport(db, viewer, params.id, query.name, request.body as Buffer | undefined, maxBytes),
      { bodyLimit: maxBytes },
    );
  };
}
