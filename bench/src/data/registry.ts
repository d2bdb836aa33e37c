import type { OrganisationWrite } from '@accord/server/src/modules/organisations/organisation.repository.js';
import type { AgreementStatus, AreaTheme, Obligor, Role, Side, TaskState } from '@accord/domain';

/**
 * What the generators have made so far, in memory, for the generators that come after them:
 * ids, names, dates and who belongs where. A later generator (progress updates, KPIs) reads
 * these instead of querying the database, and adds its own list here when others need it.
 * Days are day numbers (see time.ts), times are epoch milliseconds.
 */

/** An organisation as the app writes it, with its id and creation time. */
export interface OrgEntry extends OrganisationWrite {
  id: string;
  createdAt: number;
}

export interface ProvinceEntry {
  org: OrgEntry;
  code: string;
  /** 'Cà Mau' */
  name: string;
  /** 'tỉnh Cà Mau', 'thành phố Hà Nội' */
  fullName: string;
  isCity: boolean;
  /** ASCII, for e-mail addresses: 'camau' */
  slug: string;
  /** 0 for the largest; small scales use the first provinces. */
  rank: number;
  /** Whether agreements and accounts are made here at this scale (every province at scale ≥ 0.1). */
  active: boolean;
  departments: OrgEntry[];
  communes: OrgEntry[];
  /** The provinces merged into this one on 1 July 2025 (pre-2025 codes, valid until 30 June 2025). */
  predecessors: { org: OrgEntry; name: string; fullName: string }[];
}

export interface GroupEntry {
  key: string;
  org: OrgEntry;
  /** 'VNPT' */
  shortName: string;
  /** How likely a province is to sign with this group. */
  appeal: number;
  units: OrgEntry[];
  branches: BranchEntry[];
}

export interface BranchEntry {
  org: OrgEntry;
  group: GroupEntry;
  province: ProvinceEntry;
  units: OrgEntry[];
}

export interface UserEntry {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  side: Side;
}

export interface PartyEntry {
  org: OrgEntry;
  side: Side;
  nameAtSigning: string;
  label: string;
  signatoryName: string | null;
  signatoryTitle: string | null;
}

/** One change of an agreement's status, as the history records it. */
export interface StatusStep {
  status: AgreementStatus;
  at: number;
}

export interface AgreementEntry {
  id: string;
  /** 'group': a group with a province; 'branch': a group's branch with a commune or department. */
  level: 'group' | 'branch';
  province: ProvinceEntry;
  group: GroupEntry;
  branch: BranchEntry | null;
  title: string;
  kind: 'agreement' | 'mou';
  reference: string | null;
  summary: string | null;
  status: AgreementStatus;
  signedOn: number | null;
  signedPlace: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  predecessorId: string | null;
  parentId: string | null;
  legalBases: string[];
  sourceUrls: string[];
  visibility: 'parties' | 'public';
  parties: PartyEntry[];
  createdBy: string | null;
  createdAt: number;
  /** The walk from draft to the current status (empty for a draft). */
  statusSteps: StatusStep[];
  /** When someone edited the agreement's details. */
  editTimes: number[];
  version: number;
  updatedAt: number;
  areas: AreaEntry[];
  tasks: TaskEntry[];
}

export interface AreaEntry {
  id: string;
  agreement: AgreementEntry;
  theme: AreaTheme;
  title: string;
  description: string | null;
  position: number;
  createdAt: number;
  editTimes: number[];
  version: number;
  updatedAt: number;
}

/**
 * What happened to a task, in the generator's own words: it decides the facts below. The app
 * never stores this; it works a task's status out from the facts (and the calendar).
 */
export type TaskOutcome = 'not_started' | 'in_progress' | 'completed' | 'paused' | 'cancelled';

export interface TaskEntry {
  id: string;
  agreement: AgreementEntry;
  area: AreaEntry;
  parentId: string | null;
  depth: number;
  position: number;
  /** How many tasks share this task's parent (itself included). */
  siblings: number;
  code: string;
  title: string;
  description: string | null;
  obligor: Obligor;
  leadOrgId: string | null;
  coordinatorIds: string[];
  responsiblePerson: string | null;
  startDate: number | null;
  dueDate: number | null;
  expectedProduct: string | null;
  outcome: TaskOutcome;
  /** The facts the app keeps (days are day numbers): whether it goes on, why not, how far along. */
  state: TaskState;
  stateReason: string | null;
  progress: number;
  weight: number;
  startedOn: number | null;
  deliveredOn: number | null;
  acceptedOn: number | null;
  createdAt: number;
  /** When the task was updated or moved after its creation, in order; each one is an audit event. */
  changeTimes: number[];
  version: number;
  updatedAt: number;
}

/** A progress report in a task's thread (reports are shared with both sides): what evidence files come with. */
export interface ReportEntry {
  id: string;
  task: TaskEntry;
  authorId: string;
  /** When it was posted. */
  at: number;
}

export interface DatasetRegistry {
  organisations: OrgEntry[];
  orgById: Map<string, OrgEntry>;
  central: OrgEntry | null;
  centralUnits: OrgEntry[];
  provinces: ProvinceEntry[];
  groups: GroupEntry[];
  users: UserEntry[];
  usersByOrg: Map<string, UserEntry[]>;
  agreements: AgreementEntry[];
  areas: AreaEntry[];
  tasks: TaskEntry[];
  /** Every task's progress reports, task by task, each thread in order. */
  reports: ReportEntry[];
}

export function emptyRegistry(): DatasetRegistry {
  return {
    organisations: [],
    orgById: new Map(),
    central: null,
    centralUnits: [],
    provinces: [],
    groups: [],
    users: [],
    usersByOrg: new Map(),
    agreements: [],
    areas: [],
    tasks: [],
    reports: [],
  };
}
