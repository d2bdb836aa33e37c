import { partySearchNames, searchTextOf } from '@accord/server/src/modules/agreements/agreement.repository.js';

/** The `search_text` columns (and a task's stored "5 rõ") hold exactly what the app stores: its own functions compose them. */
export { organisationSearchText } from '@accord/server/src/modules/organisations/organisation.repository.js';
export { taskClarityValues, taskSearchText } from '@accord/server/src/modules/tasks/task.repository.js';

/** An agreement's, with its parties and their organisations as the app composes them. */
export function agreementSearchText(
  a: { title: string; reference: string | null; signedPlace: string | null },
  parties: readonly {
    nameAtSigning: string;
    signatoryName: string | null;
    org: { nameVi: string; shortName: string | null; nameEn: string | null };
  }[],
): string {
  return searchTextOf(
    a,
    partySearchNames(
      parties,
      parties.map((p) => p.org),
    ),
  );
}
