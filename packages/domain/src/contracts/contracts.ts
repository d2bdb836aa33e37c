import { z } from 'zod';
import {
  agreementCreateInput,
  agreementDetailSchema,
  agreementListQuery,
  agreementListSchema,
  agreementStatusInput,
  agreementUpdateInput,
} from '../agreement.js';
import {
  planApprovalSchema,
  planApproveInput,
  planDiffQuery,
  planDiffSchema,
  planReturnInput,
  planSubmitInput,
  planVersionSchema,
  taskWaiverInput,
} from '../plan-approval.js';
import { fileDownloadQuery, fileSchema, fileUploadQuery } from '../files.js';
import { auditEventSchema } from '../history.js';
import { organisationCreateInput, organisationListQuery, organisationSchema, organisationUpdateInput } from '../organisation.js';
import {
  areaCreateInput,
  areaSchema,
  areaUpdateInput,
  planSchema,
  planOutlineSchema,
  planAreaPageQuery,
  planAreaPageSchema,
  taskCreateInput,
  taskMoveInput,
  taskDeliverInput,
  taskAcceptInput,
  taskRejectInput,
  taskSchema,
  taskUpdateInput,
} from '../plan.js';
import {
  acceptanceQueueQuery,
  agreementReportingSchema,
  agreementTaskListQuery,
  searchQuery,
  searchResultSchema,
  taskListSchema,
  unitTaskListQuery,
} from '../task-list.js';
import { planImportApplyInput, planImportCheckInput, planImportSchema, planImportUploadQuery } from '../plan-import.js';
import { uuid } from '../text.js';
import {
  entryCreateInput,
  entrySchema,
  entryUpdateInput,
  peopleQuery,
  personSchema,
  reportCreateInput,
  threadQuery,
  threadSchema,
} from '../thread.js';
import { passwordChangeInput, securityEventQuery, securityEventSchema, sessionSchema, signInInput } from '../user.js';
import { endpoints, type Endpoint, type EndpointId } from './endpoints.js';

/** One definition per endpoint: its entry in `endpoints` and the schemas of what goes in and out. */
export interface Contract extends Endpoint {
  id: EndpointId;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** null: no body in the answer (204). */
  response: z.ZodType | null;
}

const agreementParams = z.object({ id: uuid });
const areaParams = z.object({ id: uuid, areaId: uuid });
const taskParams = z.object({ id: uuid, taskId: uuid });
const entryParams = z.object({ id: uuid, taskId: uuid, entryId: uuid });
const versionParams = z.object({ id: uuid, versionId: uuid });
const importParams = z.object({ id: uuid, importId: uuid });
const fileParams = z.object({ id: uuid, taskId: uuid, fileId: uuid });
const posted = z.object({ entry: entrySchema, task: taskSchema });
export const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});
const historyList = z.object({ items: z.array(auditEventSchema) });

type Schemas = Omit<Contract, keyof Endpoint | 'id'>;
const schemas = {
  getCsrf: { response: z.object({ csrfToken: z.string() }) },
  signIn: { body: signInInput, response: sessionSchema },
  signOut: { response: null },
  getSession: { response: sessionSchema },
  changePassword: { body: passwordChangeInput, response: null },
  listSecurityEvents: { query: securityEventQuery, response: z.object({ items: z.array(securityEventSchema) }) },
  getHealth: { response: z.object({ status: z.literal('ok'), database: z.literal('ok'), migrations: z.literal('ok') }) },
  getLiveness: { response: z.object({ status: z.literal('ok') }) },

  listOrganisations: { query: organisationListQuery, response: z.object({ items: z.array(organisationSchema) }) },
  getOrganisation: { params: agreementParams, response: organisationSchema },
  createOrganisation: { body: organisationCreateInput, response: organisationSchema },
  updateOrganisation: { params: agreementParams, body: organisationUpdateInput, response: organisationSchema },

  listAgreements: { query: agreementListQuery, response: agreementListSchema },
  createAgreement: { body: agreementCreateInput, response: agreementDetailSchema },
  getAgreement: { params: agreementParams, response: agreementDetailSchema },
  updateAgreement: { params: agreementParams, body: agreementUpdateInput, response: agreementDetailSchema },
  changeAgreementStatus: { params: agreementParams, body: agreementStatusInput, response: agreementDetailSchema },

  getPlan: { params: agreementParams, response: planSchema },
  getPlanOutline: { params: agreementParams, response: planOutlineSchema },
  getPlanAreaTasks: { params: areaParams, query: planAreaPageQuery, response: planAreaPageSchema },
  /** A file, sent by the handler itself. */
  exportPlan: { params: agreementParams, response: null },
  getPlanApproval: { params: agreementParams, response: planApprovalSchema },
  submitPlan: { params: agreementParams, body: planSubmitInput, response: planVersionSchema },
  approvePlanVersion: { params: versionParams, body: planApproveInput, response: planVersionSchema },
  returnPlanVersion: { params: versionParams, body: planReturnInput, response: planVersionSchema },
  withdrawPlanVersion: { params: versionParams, response: planVersionSchema },
  getPlanDiff: { params: agreementParams, query: planDiffQuery, response: planDiffSchema },
  uploadPlanImport: { params: agreementParams, query: planImportUploadQuery, response: planImportSchema },
  checkPlanImport: { params: importParams, body: planImportCheckInput, response: planImportSchema },
  applyPlanImport: { params: importParams, body: planImportApplyInput, response: planImportSchema },
  createArea: { params: agreementParams, body: areaCreateInput, response: areaSchema },
  updateArea: { params: areaParams, body: areaUpdateInput, response: areaSchema },
  deleteArea: { params: areaParams, response: null },

  listAgreementTasks: { params: agreementParams, query: agreementTaskListQuery, response: taskListSchema },
  createTask: { params: agreementParams, body: taskCreateInput, response: taskSchema },
  getTask: { params: taskParams, response: taskSchema },
  updateTask: { params: taskParams, body: taskUpdateInput, response: taskSchema },
  moveTask: { params: taskParams, body: taskMoveInput, response: taskSchema },
  deliverTask: { params: taskParams, body: taskDeliverInput, response: taskSchema },
  acceptTask: { params: taskParams, body: taskAcceptInput, response: taskSchema },
  rejectTask: { params: taskParams, body: taskRejectInput, response: taskSchema },
  waiveTaskClarity: { params: taskParams, body: taskWaiverInput, response: taskSchema },
  clearTaskWaiver: { params: taskParams, response: taskSchema },
  deleteTask: { params: taskParams, response: null },
  listUnitTasks: { query: unitTaskListQuery, response: taskListSchema },
  listAcceptanceQueue: { query: acceptanceQueueQuery, response: taskListSchema },
  getAgreementReporting: { params: agreementParams, response: agreementReportingSchema },
  uploadFile: { params: taskParams, query: fileUploadQuery, response: fileSchema },
  downloadFile: { params: fileParams, query: fileDownloadQuery, response: null },
  deletePendingFile: { params: fileParams, response: null },

  getTaskThread: { params: taskParams, query: threadQuery, response: threadSchema },
  postReport: { params: taskParams, body: reportCreateInput, response: posted },
  postComment: { params: taskParams, body: entryCreateInput, response: posted },
  postDirection: { params: taskParams, body: entryCreateInput, response: posted },
  updateEntry: { params: entryParams, body: entryUpdateInput, response: entrySchema },
  deleteEntry: { params: entryParams, response: null },
  listAgreementPeople: { params: agreementParams, query: peopleQuery, response: z.object({ items: z.array(personSchema) }) },

  getAgreementHistory: { params: agreementParams, query: historyQuery, response: historyList },
  getTaskHistory: { params: taskParams, query: historyQuery, response: historyList },

  search: { query: searchQuery, response: searchResultSchema },
} satisfies Record<EndpointId, Schemas>;

type S = typeof schemas;
export type Contracts = { [K in EndpointId]: (typeof endpoints)[K] & S[K] & { id: K } };

export const contracts = Object.fromEntries(
  (Object.keys(endpoints) as EndpointId[]).map((id) => [id, { ...endpoints[id], ...schemas[id], id }]),
) as unknown as Contracts;

type Field<C, K extends string> = C extends Record<K, infer T> ? (T extends z.ZodType ? T : never) : never;
/** What a caller sends: the schemas' input types. */
export type ParamsOf<K extends EndpointId> = z.input<Field<Contracts[K], 'params'>>;
export type QueryOf<K extends EndpointId> = z.input<Field<Contracts[K], 'query'>>;
export type BodyOf<K extends EndpointId> = z.input<Field<Contracts[K], 'body'>>;
/** What the server answers. */
export type ResponseOf<K extends EndpointId> = Contracts[K]['response'] extends z.ZodType ? z.output<Contracts[K]['response']> : void;
