import type { AgreementStatus, AreaTheme, Obligor, OrganisationKind, Role } from '@accord/domain';

/**
 * Demo data is written by key, not by id: every organisation has a stable key
 * (e.g. 'gov:31' for a province by its post-2025 code, 'vnpt', 'vnpt:daklak'), and the
 * loader turns keys into ids. Provinces (34 current, 63 historical) come from
 * shared/reference/provinces.json and get the keys 'gov:<code>' (post-2025) and
 * 'gov-old:<code>' (pre-2025, for those that merged).
 */
export interface DemoOrganisation {
  key: string;
  parentKey: string | null;
  kind: OrganisationKind;
  nameVi: string;
  nameEn?: string;
  shortName?: string;
  validFrom?: string;
  validTo?: string;
  successorKey?: string;
}

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  organisationKey: string;
}

/** What a demo task's sources say happened to it. */
export type DemoTaskOutcome = 'not_started' | 'in_progress' | 'completed' | 'paused' | 'cancelled';

export interface DemoTask {
  code?: string;
  title: string;
  description?: string;
  obligor: Obligor;
  leadUnitKey?: string;
  coordinatingUnitKeys?: string[];
  responsiblePerson?: string;
  startDate?: string;
  dueDate?: string;
  expectedProduct?: string;
  /** Who decides on it (checked when the agreement asks). */
  decidedBy?: string;
  /** What has happened to it so far, as the seed's sources tell; the loader turns it into facts (progress, state, dates). */
  status: DemoTaskOutcome;
  /** Why it is paused or cancelled. */
  stateReason?: string;
  /** Its progress, when the sources say; otherwise the loader picks one near what its dates expect. */
  progress?: number;
  /** A product in progress already delivered: waiting for the other party, or rejected by it (with a reason). */
  delivery?: 'waiting' | 'rejected';
  subtasks?: DemoTask[];
}

export interface DemoArea {
  theme: AreaTheme | null;
  title: string;
  description?: string;
  tasks: DemoTask[];
}

export interface DemoAgreement {
  key: string;
  title: string;
  reference?: string;
  summary?: string;
  signedOn?: string;
  signedPlace?: string;
  periodStart?: string;
  periodEnd?: string;
  predecessorKey?: string;
  parentKey?: string;
  legalBases: string[];
  sourceUrls: string[];
  parties: { organisationKey: string; label: string; signatoryName?: string; signatoryTitle?: string }[];
  /** The status it reaches, through the valid transitions. */
  status: AgreementStatus;
  /** The sixth "rõ": its tasks must name who decides. */
  checksAuthority?: boolean;
}

/**
 * Everything the demo holds about one agreement, written in one file under agreements/, one
 * section per capability. A capability that brings demo data (progress updates, KPIs, meetings)
 * adds its section here, to each agreement file and to the loader in demo.ts.
 */
export interface DemoAgreementData {
  /** The agreement as signed, with its parties. */
  agreement: DemoAgreement;
  /** The joint plan: cooperation areas in order, each with its task tree. */
  plan: DemoArea[];
  /** The plan's approval by both sides, and its revision, as the sources tell. */
  approval?: DemoApproval;
}

/** A plan approved by both sides on the days given, and revised once (due dates moved, a task added). */
export interface DemoApproval {
  /** Why the tasks that fail the "5 rõ" check were let through: each is waived with it. */
  waiverReason: string;
  first: { submittedOn: string; approvedOn: string; note: string };
  revision?: {
    submittedOn: string;
    approvedOn: string;
    note: string;
    dueDates: { title: string; dueDate: string }[];
    add: { parentTitle: string; task: DemoTask };
  };
}
