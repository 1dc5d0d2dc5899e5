import { Suspense, lazy, useMemo, type JSX } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SessionProvider, sessionValue } from '../lib/session.js';
import { useAuth } from './auth.js';
import { PublicLayout } from './PublicLayout.js';
import { Shell } from './Shell.js';
import { RoutePending } from './components/RouteStates.js';
import { errorMessage } from './components/ErrorAlert.js';

const LoginPage = lazy(() => import('../modules/auth/pages/LoginPage.js'));
const SetupPage = lazy(() => import('../modules/auth/pages/SetupPage.js'));

/** Pages a visitor may read without an account. */
const PUBLIC_PATHS = new Set(['/accessibility']);

function FullPageLoader(): JSX.Element {
  const { t } = useTranslation();
  return (
    <Center h="100dvh">
      <Loader aria-label={t('app:loading')} />
    </Center>
  );
}

/**
 * The root of every route: signed in, the shell around the page; signed out, the login form on
 * whatever address was asked for (so a deep link still works after signing in), except the
 * public pages.
 */
export function RootLayout(): JSX.Element {
  const { t } = useTranslation();
  const auth = useAuth();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const { state } = auth;
  const session = state.status === 'signedIn' ? state.session : null;
  const value = useMemo(
    () => (session ? sessionValue(session.user, session.office, auth.refresh, auth.signOut) : null),
    [session, auth.refresh, auth.signOut],
  );

  if (state.status === 'loading') return <FullPageLoader />;

  // A programme shared with guests stands alone: no shell, no sign-in, whoever opens it.
  if (pathname.startsWith('/p/')) {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <Outlet />
      </Suspense>
    );
  }

  if (value) {
    return (
      <SessionProvider value={value}>
        <Shell>
          <Suspense fallback={<RoutePending />}>
            <Outlet />
          </Suspense>
        </Shell>
      </SessionProvider>
    );
  }

  if (PUBLIC_PATHS.has(pathname)) {
    return (
      <PublicLayout>
        <Suspense fallback={<RoutePending />}>
          <Outlet />
        </Suspense>
      </PublicLayout>
    );
  }

  if (state.status === 'error') {
    return (
      <Center h="100dvh" p="md">
        <Stack maw={480}>
          <Alert color="red" role="alert" title={t('app:errors.bootTitle')}>
            {errorMessage(state.error, t)}
          </Alert>
          <div>
            <Button onClick={auth.retry}>{t('app:actions.retry')}</Button>
          </div>
        </Stack>
      </Center>
    );
  }

  return (
    <Suspense fallback={<FullPageLoader />}>{state.status === 'setup' ? <SetupPage /> : <LoginPage />}</Suspense>
  );
}
