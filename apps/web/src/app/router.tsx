import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PageLoader } from '../components/ui/page-loader';
import i18n, { type FeatureNamespace } from '../i18n';
import { queryClient } from '../lib/query-client';
import { AppLayout } from './layout/app-layout';
import { RequireAuth } from './require-auth';
import { prefetchAgreementPage } from './routes/agreement-prefetch';
import { RouteErrorPage } from './routes/route-error-page';

/**
 * A page as its own chunk, fetched together with the translations of the features it shows (in
 * the current language), so the first load carries only the shell and a page waits for one round
 * of requests, not for its code and then its strings. `preload` starts both before the page is
 * drawn (from a route's loader, with the page's data).
 */
function lazyPage(namespaces: readonly FeatureNamespace[], load: () => Promise<ComponentType>) {
  let loading: Promise<{ default: ComponentType }> | null = null;
  const start = () => (loading ??= Promise.all([load(), i18n.loadNamespaces([...namespaces])]).then(([Page]) => ({ default: Page })));
  return Object.assign(lazy(start), { preload: () => void start() });
}

const SignInPage = lazyPage(['auth'], () => import('../features/auth/components/sign-in-page').then((m) => m.SignInPage));
const AgreementsPage = lazyPage(['agreements'], () =>
  import('../features/agreements/components/agreements-page').then((m) => m.AgreementsPage),
);
const CreateAgreementPage = lazyPage(['agreements'], () =>
  import('../features/agreements/components/create-agreement-page').then((m) => m.CreateAgreementPage),
);
const EditAgreementPage = lazyPage(['agreements'], () =>
  import('../features/agreements/components/edit-agreement-page').then((m) => m.EditAgreementPage),
);
// The agreement page puts four features together (see agreement-page.tsx).
const AgreementPage = lazyPage(['agreements', 'plan', 'tasks', 'history'], () =>
  import('./routes/agreement-page').then((m) => m.AgreementPage),
);
const OrganisationsPage = lazyPage(['organisations'], () =>
  import('../features/organisations/components/organisations-page').then((m) => m.OrganisationsPage),
);
const UnitTasksPage = lazyPage(['tasks'], () => import('../features/tasks/components/unit-tasks-page').then((m) => m.UnitTasksPage));
const AcceptancePage = lazyPage(['tasks'], () => import('../features/tasks/components/acceptance-page').then((m) => m.AcceptancePage));
const SearchPage = lazyPage(['search'], () => import('../features/search/components/search-page').then((m) => m.SearchPage));
const AccountPage = lazyPage(['account'], () => import('../features/account/components/account-page').then((m) => m.AccountPage));
const SecurityEventsPage = lazyPage(['account'], () =>
  import('../features/account/components/security-events-page').then((m) => m.SecurityEventsPage),
);
const NotFoundPage = lazyPage([], () => import('./routes/not-found-page').then((m) => m.NotFoundPage));

// A page that fails shows RouteErrorPage: inside the layout for the app's pages, on its own for
// sign-in and for the layout itself.
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <Navigate to="/agreements" replace /> },
          { path: 'agreements', element: <AgreementsPage /> },
          { path: 'agreements/new', element: <CreateAgreementPage /> },
          {
            path: 'agreements/:id',
            element: <AgreementPage />,
            hydrateFallbackElement: <PageLoader />,
            // The page's code, its strings and its first data, all at once; the navigation does not wait for them.
            loader: ({ params, request }) => {
              AgreementPage.preload();
              if (params.id) void prefetchAgreementPage(queryClient, params.id, new URL(request.url));
              return null;
            },
            // Not again for a change of tab, view or open task: the page itself keeps its data current.
            shouldRevalidate: ({ currentParams, nextParams }) => currentParams.id !== nextParams.id,
          },
          { path: 'agreements/:id/edit', element: <EditAgreementPage /> },
          { path: 'tasks', element: <UnitTasksPage /> },
          { path: 'acceptance', element: <AcceptancePage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'organisations', element: <OrganisationsPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'security', element: <SecurityEventsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
