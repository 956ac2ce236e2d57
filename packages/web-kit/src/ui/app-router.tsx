// The route tree of an app with a flat menu: /login (the app's page in the public frame), and behind the
// session guard the signed-in frame with one route per menu entry — the entry's page, or 準備中 until its
// issue, and the app's pages outside the menu. The frame and each page are chunks of their own, so /login
// downloads none of them.
import type { DefaultMantineColor } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import {
  type AnyRoute,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  redirect,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitleText } from '../page-title';
import { createQueryClient } from '../query-client';
import { meQueryKey, type sessionQueryOptions } from '../session';
import type { AppNavItem } from './app-shell';
import { ComingSoonPage } from './coming-soon-page';
import { LanguageToggle } from './language-toggle';
import { LoadingIndicator } from './loading-indicator';
import { PublicShell } from './public-shell';

const SignedInShell = lazyRouteComponent(() => import('./app-shell'), 'SignedInShell');

export type AppRouterOptions<TMe> = {
  color: DefaultMantineColor;
  /** the app's me query (sessionQueryOptions<TMe>()) and who the header shows */
  me: ReturnType<typeof sessionQueryOptions<TMe>>;
  userName(me: TMe): string;
  tenantName(me: TMe): string;
  /** the app's login page; its title is the app's `login.title` text */
  loginPage: RouteComponent;
  /** the menu, in order; `/` goes to its first entry */
  nav: readonly (AppNavItem & { page?: RouteComponent })[];
  /** signed-in pages outside the menu (a form opened from a link), each with its title's text key */
  pages?: readonly { path: `/${string}`; title: string; page: RouteComponent }[];
};

export function createAppRouter<TMe>(opts: AppRouterOptions<TMe>) {
  // loosely typed: the kit's routes are not in the app's registered route tree
  const to = (path: string) => ({ to: path as never });
  const text = (t: unknown, key: string) => (t as (key: string) => string)(key);

  // A request that finds the session gone sends the user back to the login page.
  const queryClient: QueryClient = createQueryClient((error) => {
    if (error.code === 'UNAUTHENTICATED') {
      queryClient.setQueryData(meQueryKey, null);
      void router.navigate(to('/login'));
    }
  });
  const getMe = (ctx: { queryClient: QueryClient }) => ctx.queryClient.ensureQueryData(opts.me);
  const publicFrame = (children: React.ReactNode) => (
    <PublicShell color={opts.color} headerRight={<LanguageToggle />}>
      {children}
    </PublicShell>
  );

  const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
    component: Outlet,
    pendingComponent: LoadingIndicator,
    notFoundComponent: () => publicFrame(<ComingSoonPage title="404" />),
  });

  const LoginPage = opts.loginPage;
  const loginRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/login',
    beforeLoad: async ({ context }) => {
      if (await getMe(context)) throw redirect(to('/'));
    },
    component: function LoginRoute() {
      const { t } = useTranslation();
      useDocumentTitleText(text(t, 'login.title'));
      return publicFrame(<LoginPage />);
    },
  });

  const signedInRoute = createRoute({
    getParentRoute: () => rootRoute,
    id: 'signed-in',
    beforeLoad: async ({ context }) => {
      if (!(await getMe(context))) throw redirect(to('/login'));
    },
    component: function SignedIn() {
      const me = useQuery(opts.me).data;
      const names = me ? { userName: opts.userName(me), tenantName: opts.tenantName(me) } : {};
      return <SignedInShell color={opts.color} nav={opts.nav} {...names} />;
    },
  });

  const indexRoute = createRoute({
    getParentRoute: () => signedInRoute,
    path: '/',
    beforeLoad: () => {
      throw redirect(to(opts.nav[0]?.to ?? '/login'));
    },
  });

  const navRoute = ({ label, to: path, page: Page }: AppRouterOptions<TMe>['nav'][number]): AnyRoute =>
    createRoute({
      getParentRoute: () => signedInRoute,
      path,
      component: function NavRoute() {
        const { t } = useTranslation();
        const title = text(t, `nav.${label}`);
        useDocumentTitleText(title);
        return Page ? <Page /> : <ComingSoonPage title={title} />;
      },
    });

  const pageRoute = ({ path, title, page: Page }: NonNullable<AppRouterOptions<TMe>['pages']>[number]): AnyRoute =>
    createRoute({
      getParentRoute: () => signedInRoute,
      path,
      component: function PageRoute() {
        const { t } = useTranslation();
        useDocumentTitleText(text(t, title));
        return <Page />;
      },
    });

  const routeTree = rootRoute.addChildren([
    loginRoute,
    signedInRoute.addChildren([indexRoute, ...(opts.pages ?? []).map(pageRoute), ...opts.nav.map(navRoute)]),
  ]);
  const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
  return { router, queryClient };
}
