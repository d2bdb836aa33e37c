import type { QueryClient } from '@tanstack/react-query';
import { agreementQuery } from '../../features/agreements/api/get-agreement';
import { prefetchPlanTree } from '../../features/plan/api/get-plan';

/**
 * What the agreement page shows first, asked for as soon as the address is known: while the
 * page's code and strings load, not after them (the agreement, and on the plan tab the plan's
 * outline and its first rows). Not after the session either: a user who is not signed in is sent
 * to sign in whatever these answer, and what fails here the page asks for again when it is drawn.
 */
export async function prefetchAgreementPage(queryClient: QueryClient, id: string, url: URL): Promise<void> {
  const query = url.searchParams;
  // As the page reads its address: the plan tab unless another is asked for, the tree unless another view is.
  const isPlan = query.get('tab') !== 'history' && query.get('tab') !== 'reporting';
  // With an open task (?task=…) its area loads as far as the task: asked for by the page, which knows where it is.
  const isTree =
    query.get('view') !== 'list' && query.get('view') !== 'timeline' && query.get('clarity') !== 'failing' && !query.has('task');
  await Promise.all([
    queryClient.prefetchQuery(agreementQuery(id)),
    isPlan ? prefetchPlanTree(queryClient, id, { firstRows: isTree }) : undefined,
  ]);
}
