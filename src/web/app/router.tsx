import type { ComponentType, JSX } from 'react';
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
  type RouteComponent,
} from '@tanstack/react-router';
import { RootLayout } from './RootLayout.js';
import { NotFoundPage, RouteErrorPage, RoutePending } from './components/RouteStates.js';

const rootRoute = createRootRoute({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

/**
 * Every page is its own chunk: the first load carries the shell only. The explicit types keep
 * the router's type from depending on the pages' inferred types, which use the router's type
 * (typed links): TypeScript would otherwise give up on the cycle and type every Link loosely.
 */
const page = (importer: () => Promise<{ default: ComponentType }>): RouteComponent => lazyRouteComponent(importer);

function GoHome(): JSX.Element {
  return <Navigate to="/" replace />;
}
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: page(() => import('../modules/home/pages/HomePage.js')),
});

const organizationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizations',
  component: page(() => import('../modules/organizations/pages/OrganizationsPage.js')),
});
const organizationNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizations/new',
  component: page(() => import('../modules/organizations/pages/OrganizationFormPage.js')),
});
const organizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizations/$id',
  component: page(() => import('../modules/organizations/pages/OrganizationPage.js')),
});
const organizationEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizations/$id/edit',
  component: page(() => import('../modules/organizations/pages/OrganizationFormPage.js')),
});

const peopleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people',
  component: page(() => import('../modules/people/pages/PeoplePage.js')),
});
const personNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people/new',
  component: page(() => import('../modules/people/pages/PersonFormPage.js')),
});
const personRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people/$id',
  component: page(() => import('../modules/people/pages/PersonPage.js')),
});
const personEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people/$id/edit',
  component: page(() => import('../modules/people/pages/PersonFormPage.js')),
});

const visitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/visits',
  component: page(() => import('../modules/visits/pages/VisitsPage.js')),
});
const visitNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/visits/new',
  component: page(() => import('../modules/visits/pages/VisitFormPage.js')),
});
const visitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/visits/$id',
  component: page(() => import('../modules/visits/pages/VisitPage.js')),
});
const visitEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/visits/$id/edit',
  component: page(() => import('../modules/visits/pages/VisitFormPage.js')),
});
const giftsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gifts',
  component: page(() => import('../modules/visits/pages/GiftsPage.js')),
});
const calendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calendar',
  component: page(() => import('../modules/calendar/pages/CalendarPage.js')),
});
/** A visit programme shared with guests: no account, no navigation (RootLayout shows it bare). */
const publicProgrammeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/p/$token',
  component: page(() => import('../modules/visits/pages/PublicProgrammePage.js')),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  component: page(() => import('../modules/imports/pages/ImportPage.js')),
});
const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users',
  component: page(() => import('../modules/users/pages/UsersPage.js')),
});
const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  component: page(() => import('../modules/audit/pages/AuditPage.js')),
});
const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: page(() => import('../modules/account/pages/AccountPage.js')),
});
/** Also shown signed out (RootLayout lets this path through without a session). */
const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accessibility',
  component: page(() => import('../modules/accessibility/pages/AccessibilityPage.js')),
});
/** Signed out, RootLayout shows the login form on any path; signed in, these lead home. */
const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: GoHome });
const setupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/setup', component: GoHome });

const routeTree = rootRoute.addChildren([
  homeRoute,
  organizationsRoute,
  organizationNewRoute,
  organizationRoute,
  organizationEditRoute,
  peopleRoute,
  personNewRoute,
  personRoute,
  personEditRoute,
  visitsRoute,
  visitNewRoute,
  visitRoute,
  visitEditRoute,
  giftsRoute,
  calendarRoute,
  publicProgrammeRoute,
  importRoute,
  usersRoute,
  auditRoute,
  accountRoute,
  accessibilityRoute,
  loginRoute,
  setupRoute,
]);

export const router = createRouter({
  routeTree,
  defaultPendingComponent: RoutePending,
  defaultPendingMs: 300,
  defaultErrorComponent: RouteErrorPage,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
