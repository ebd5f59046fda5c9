import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LanguageProvider } from '#app/web/i18n/language-context.tsx';
import { SiteLayout } from '#app/web/layout/site-layout.tsx';
import '#app/web/styles/portal.css';

// Each page is its own chunk, so the home page downloads only the code it shows.
const HomePage = lazy(() => import('#app/web/portal/home-page.tsx'));
const TripListPage = lazy(() => import('#app/web/portal/trip-list-page.tsx'));
const TripPage = lazy(() => import('#app/web/portal/trip-page.tsx'));
const PartnerListPage = lazy(() => import('#app/web/portal/partner-list-page.tsx'));
const PartnerPage = lazy(() => import('#app/web/portal/partner-page.tsx'));
const BudgetsPage = lazy(() => import('#app/web/portal/budgets-page.tsx'));
const OpenDataPage = lazy(() => import('#app/web/portal/open-data-page.tsx'));
const NotFoundPage = lazy(() => import('#app/web/portal/not-found-page.tsx'));
// The back office (staff sign-in, forms, workflow) is its own chunk, so the public pages never download it.
const BackOfficeApp = lazy(() => import('#app/web/back-office/back-office-app.tsx'));

const router = createBrowserRouter([
  {
    path: 'admin/*',
    element: (
      <Suspense fallback={null}>
        <BackOfficeApp />
      </Suspense>
    ),
  },
  {
    element: <SiteLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'trips', element: <TripListPage /> },
      { path: 'trips/:id', element: <TripPage /> },
      { path: 'partners', element: <PartnerListPage /> },
      { path: 'partners/:id', element: <PartnerPage /> },
      { path: 'budgets', element: <BudgetsPage /> },
      { path: 'open-data', element: <OpenDataPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <RouterProvider router={router} />
    </LanguageProvider>
  </StrictMode>,
);
