import {
  agreementCreateInput,
  agreementUpdateInput,
  defaultStatusRules,
  hasBothSides,
  type AgreementDetail,
  type Organisation,
  type ReportCadence,
} from '@accord/domain';
import type { TFunction } from 'i18next';
import { fieldErrorsFromZod, type FieldErrors } from '../../../lib/field-errors';
import type { AgreementCreateBody } from '../api/create-agreement';
import type { AgreementUpdateBody } from '../api/update-agreement';

/** What the form holds while the user types: plain strings, ISO dates or null. */
export interface PartyDraft {
  key: string;
  organisationId: string | null;
  label: string;
  signatoryName: string;
  signatoryTitle: string;
}

export interface AgreementDraft {
  title: string;
  kind: 'agreement' | 'mou';
  reference: string;
  summary: string;
  signedOn: string | null;
  signedPlace: string;
  periodStart: string | null;
  periodEnd: string | null;
  predecessorId: string | null;
  legalBases: string[];
  sourceUrls: string[];
  visibility: 'parties' | 'public';
  checksAuthority: boolean;
  /** The rules a task's status is worked out by (at risk within N days, N points behind) and how often units report. */
  atRiskDays: number;
  progressMargin: number;
  reportCadence: ReportCadence;
  parties: PartyDraft[];
}

let partyKey = 0;
export function newPartyDraft(label: string): PartyDraft {
  partyKey += 1;
  return { key: `party-${partyKey}`, organisationId: null, label, signatoryName: '', signatoryTitle: '' };
}

/** "Bên A", "Bên B", … in the interface language. */
export function partyLabel(index: number, t: TFunction<'agreements'>): string {
  return t('agreementForm.partyLabel', { letter: String.fromCharCode(65 + index) });
}

export function emptyDraft(t: TFunction<'agreements'>): AgreementDraft {
  return {
    title: '',
    kind: 'agreement',
    reference: '',
    summary: '',
    signedOn: null,
    signedPlace: '',
    periodStart: null,
    periodEnd: null,
    predecessorId: null,
    legalBases: [],
    sourceUrls: [],
    visibility: 'parties',
    checksAuthority: false,
    atRiskDays: defaultStatusRules.atRiskDays,
    progressMargin: defaultStatusRules.progressMargin,
    reportCadence: 'monthly',
    parties: [newPartyDraft(partyLabel(0, t)), newPartyDraft(partyLabel(1, t))],
  };
}

export function draftFromAgreement(a: AgreementDetail): AgreementDraft {
  return {
    title: a.title,
    kind: a.kind,
    reference: a.reference ?? '',
    summary: a.summary ?? '',
    signedOn: a.signedOn,
    signedPlace: a.signedPlace ?? '',
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    predecessorId: a.predecessor?.id ?? null,
    legalBases: [...a.legalBases],
    sourceUrls: [...a.sourceUrls],
    visibility: a.visibility,
    checksAuthority: a.checksAuthority,
    atRiskDays: a.atRiskDays,
    progressMargin: a.progressMargin,
    reportCadence: a.reportCadence,
    parties: a.parties.map((p) => ({
      ...newPartyDraft(p.label ?? ''),
      organisationId: p.organisationId,
      signatoryName: p.signatoryName ?? '',
      signatoryTitle: p.signatoryTitle ?? '',
    })),
  };
}

const nonEmpty = (lines: string[]) => lines.map((l) => l.trim()).filter((l) => l !== '');

function partiesBody(draft: AgreementDraft) {
  return draft.parties.map((p) => ({
    organisationId: p.organisationId ?? '',
    label: p.label,
    signatoryName: p.signatoryName,
    signatoryTitle: p.signatoryTitle,
  }));
}

export function toCreateBody(draft: AgreementDraft): AgreementCreateBody {
  const { parties: _p, legalBases, sourceUrls, ...rest } = draft;
  return { ...rest, legalBases: nonEmpty(legalBases), sourceUrls: nonEmpty(sourceUrls), parties: partiesBody(draft) };
}

/** The edit as a PATCH; parties only when they changed, so names as signed stay as they were. */
export function toUpdateBody(draft: AgreementDraft, initial: AgreementDraft): AgreementUpdateBody {
  const { parties: _p, legalBases, sourceUrls, ...rest } = draft;
  const body: AgreementUpdateBody = { ...rest, legalBases: nonEmpty(legalBases), sourceUrls: nonEmpty(sourceUrls) };
  const strip = (d: AgreementDraft) => JSON.stringify(partiesBody(d));
  if (strip(draft) !== strip(initial)) body.parties = partiesBody(draft);
  return body;
}

/** The domain schema's checks, plus "one government and one enterprise party" that needs the organisations. */
export function validateDraft(
  draft: AgreementDraft,
  organisations: ReadonlyMap<string, Organisation>,
  t: TFunction<'agreements'>,
  mode: 'create' | 'update',
): FieldErrors {
  const body = toCreateBody(draft);
  const parsed = mode === 'create' ? agreementCreateInput.safeParse(body) : agreementUpdateInput.safeParse(body);
  const errors = parsed.success ? {} : fieldErrorsFromZod(parsed.error, t);
  draft.parties.forEach((p, i) => {
    if (!p.organisationId) errors[`parties.${i}.organisationId`] = t('fieldErrors.required');
  });
  const known = draft.parties.flatMap((p) => {
    const org = p.organisationId ? organisations.get(p.organisationId) : undefined;
    return org ? [{ side: org.side }] : [];
  });
  // The same rule the server applies, from the domain.
  if (!errors.parties && !hasBothSides(known)) errors.parties = t('fieldErrors.partiesSides');
  return errors;
}
