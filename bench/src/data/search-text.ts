import { foldForSearch } from '@accord/domain';
import { searchTextOf } from '@accord/server/src/modules/agreements/agreement.repository.js';

/**
 * The `search_text` columns hold exactly what the app would store. The agreement's comes from
 * the app's own function; the organisation's and the task's mirror functions the app keeps
 * private (organisation.repository.ts `searchText`, plan.repository.ts `taskSearchText`):
 * keep them in step, or better, export those and import them here.
 */

export function organisationSearchText(o: { nameVi: string; nameEn: string | null; shortName: string | null; code: string | null }): string {
  return foldForSearch([o.nameVi, o.nameEn ?? '', o.shortName ?? '', o.code ?? ''].join(' '));
}

export function taskSearchText(t: {
  code: string | null;
  title: string;
  description: string | null;
  responsiblePerson: string | null;
  expectedProduct: string | null;
}): string {
  return foldForSearch([t.code ?? '', t.title, t.description ?? '', t.responsiblePerson ?? '', t.expectedProduct ?? ''].join(' '));
}

/**
 * As agreement.service.ts `partySearchNames` composes them: each party's name as signed and
 * signatory, then each organisation's names (full, short, English).
 */
export function agreementSearchText(
  a: { title: string; reference: string | null; signedPlace: string | null },
  parties: readonly { nameAtSigning: string; signatoryName: string | null; org: { nameVi: string; shortName: string | null; nameEn: string | null } }[],
): string {
  const names = [
    ...parties.flatMap((p) => [p.nameAtSigning, p.signatoryName ?? '']),
    ...parties.flatMap((p) => [p.org.nameVi, p.org.shortName ?? '', p.org.nameEn ?? '']),
  ];
  return searchTextOf(a, names);
}
