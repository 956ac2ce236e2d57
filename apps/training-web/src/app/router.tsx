// Code-based route tree: /login, and behind the session guard the menu's pages (準備中 until their issue).
import { useDocumentTitleText } from '@jinji/web-kit/page-title';
import { createQueryClient } from '@jinji/web-kit/query-client';
import { meQueryKey } from '@jinji/web-kit/session';
import { ComingSoonPage } from '@jinji/web-kit/ui/coming-soon-page';
import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { LoadingIndicator } from '@jinji/web-kit/ui/loading-indicator';
import { PublicShell } from '@jinji/web-kit/ui/public-shell';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQueryOptions } from '../features/auth/api/auth';
import { NAV, type TNavKey } from './nav';

const LoginPage = lazyRouteComponent(() => import('../features/auth/components/login-page'), 'LoginPage');
const MainLayout = lazyRouteComponent(() => import('./main-layout'), 'MainLayout');

// A request that finds the session gone sends the user back to the login page.
export const queryClient = createQueryClient((error) => {
  if (error.code === 'UNAUTHENTICATED') {
    queryClient.setQueryData(meQueryKey, null);
    void router.navigate({ to: '/login' });
  }
});

type TRouterContext = { queryClient: QueryClient };
const getMe = (ctx: TRouterContext) => ctx.queryClient.ensureQueryData(meQueryOptions);

const rootRoute = createRootRouteWithContext<TRouterContext>()({
  component: Outlet,
  pendingComponent: LoadingIndicator,
  notFoundComponent: () => (
    <PublicShell color="teal" headerRight={<LanguageToggle />}>
      <ComingSoonPage title="404" />
    </PublicShell>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  beforeLoad: async ({ context }) => {
    if (await getMe(context)) throw redirect({ to: '/' });
  },
  component: function LoginRoute() {
    const { t } = useTranslation();
    useDocumentTitleText(t('login.title'));
    return (
      <PublicShell color="teal" headerRight={<LanguageToggle />}>
        <LoginPage />
      </PublicShell>
    );
  },
});

const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context }) => {
    if (!(await getMe(context))) throw redirect({ to: '/login' });
  },
  component: MainLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: NAV[0].to });
  },
});

const comingSoonRoute = <TPath extends (typeof NAV)[number]['to']>(label: TNavKey, path: TPath) =>
  createRoute({
    getParentRoute: () => signedInRoute,
    path,
    component: function ComingSoonRoute() {
      const { t } = useTranslation();
      const title = t(`nav.${label}`);
      useDocumentTitleText(title);
      return <ComingSoonPage title={title} />;
    },
  });

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([indexRoute, ...NAV.map((item) => comingSoonRoute(item.label, item.to))]),
]);

export const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
