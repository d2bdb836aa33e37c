import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { RequireAuth } from './require-auth';

// Every page is its own chunk, so the first load carries only the shell.
const SignInPage = lazy(() => import('../features/auth/components/sign-in-page').then((m) => ({ default: m.SignInPage })));
const AgreementsPage = lazy(() => import('../features/agreements/components/agreements-page').then((m) => ({ default: m.AgreementsPage })));
const CreateAgreementPage = lazy(() =>
  import('../features/agreements/components/create-agreement-page').then((m) => ({ default: m.CreateAgreementPage })),
);
const EditAgreementPage = lazy(() =>
  import('../features/agreements/components/edit-agreement-page').then((m) => ({ default: m.EditAgreementPage })),
);
const AgreementPage = lazy(() => import('./routes/agreement-page').then((m) => ({ default: m.AgreementPage })));
const OrganisationsPage = lazy(() =>
  import('../features/organisations/components/organisations-page').then((m) => ({ default: m.OrganisationsPage })),
);
const UnitTasksPage = lazy(() => import('../features/tasks/components/unit-tasks-page').then((m) => ({ default: m.UnitTasksPage })));
const SearchPage = lazy(() => import('../features/search/components/search-page').then((m) => ({ default: m.SearchPage })));
const NotFoundPage = lazy(() => import('./routes/not-found-page').then((m) => ({ default: m.NotFoundPage })));

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/agreements" replace /> },
      { path: 'agreements', element: <AgreementsPage /> },
      { path: 'agreements/new', element: <CreateAgreementPage /> },
      { path: 'agreements/:id', element: <AgreementPage /> },
      { path: 'agreements/:id/edit', element: <EditAgreementPage /> },
      { path: 'tasks', element: <UnitTasksPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
