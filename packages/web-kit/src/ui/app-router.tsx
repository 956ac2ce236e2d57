// The route tree of an app with a flat menu: /login (the app's page in the public frame), and behind the
// session guard the signed-in frame with one route per menu entry — the entry's page, or 準備中 until its
// issue — and the app's further pages (details, forms, deep links). The frame and each page are chunks of
// their own, so /login downloads none of them. A signed-out visitor of any page goes to
// /login?redirect=<that page> and comes back to it after login (same-origin paths only: return-path.ts).
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
import type { CustomTypeOptions } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TTexts } from '../i18n';
import { useDocumentTitleText } from '../page-title';
import { createQueryClient } from '../query-client';
import { safeReturnPath } from '../return-path';
import { meQueryKey, type sessionQueryOptions } from '../session';
import type { AppNavItem } from './app-shell';
import { ComingSoonPage } from './coming-soon-page';
import { ForbiddenPage } from './forbidden-page';
import { LanguageToggle } from './language-toggle';
import { LoadingIndicator } from './loading-indicator';
import { PublicShell } from './public-shell';

const SignedInShell = lazyRouteComponent(() => import('./app-shell'), 'SignedInShell');
const PasswordSetPage = lazyRouteComponent(() => import('./password-set-page'), 'PasswordSetPage');

/** A menu label: a key of the app's `nav` texts (i18next's resources as the app declares them), not `main`. */
export type NavLabel = CustomTypeOptions extends { resources: { translation: { nav: infer N } } }
  ? Exclude<keyof N, 'main'> & string
  : string;

/**
 * What one feature adds to the app: its texts, and to the signed-in frame its menu entries (in order; the
 * app's features in the app's order make the menu) and its pages beyond the menu. `TPermission` is the app's
 * permission key. A feature declares its screens `as const satisfies AppScreens<TPermission, string>`: their
 * labels are checked against the app's `nav` texts where the app passes them (its own texts' type is made
 * from the features', so checking them in the feature would be circular).
 */
export type AppScreens<TPermission extends string = string, TLabel extends string = NavLabel> = {
  /** the feature's texts (the app's i18n merges them) */
  texts?: TTexts;
  nav?: readonly (AppNavItem & { label: TLabel; page?: RouteComponent; permission?: TPermission })[];
  pages?: readonly { path: `/${string}`; title: string; page: RouteComponent; permission?: TPermission }[];
};

export type AppRouterOptions<TMe> = {
  color: DefaultMantineColor;
  /** the app's me query (sessionQueryOptions<TMe>()) and who the header shows */
  me: ReturnType<typeof sessionQueryOptions<TMe>>;
  userName(me: TMe): string;
  tenantName(me: TMe): string;
  /** the app's login page; its title is the app's `login.title` text */
  loginPage: RouteComponent;
  /**
   * The menu, in order; `/` goes to its first entry the user may open. An entry (or a page) with a
   * `permission` is shown only when `allows(me, permission)`; its URL opened directly shows 「この画面を表示す
   * る権限がありません」 instead (the server refuses its API calls on its own).
   */
  nav?: readonly (AppNavItem & { page?: RouteComponent; permission?: string })[];
  /** the features' screens: their menu entries after `nav`, their pages after `pages` */
  features?: readonly AppScreens[];
  allows?(me: TMe, permission: string): boolean;
  /**
   * The public page of a one-time password link, `/password/set/$token` (decision 012): the app's text
   * keys of its tenant code and login ID, and the login page's search key for the code.
   */
  passwordLink?: { codeLabelKey: string; loginIdLabelKey: string; codeSearchKey: string };
  /** signed-in pages beyond the menu (`/courses/$courseId`); `title` is a text key, `params` read by the page */
  pages?: readonly { path: `/${string}`; title: string; page: RouteComponent; permission?: string }[];
};

/**
 * The login page's search: `?redirect=` (where to go after login, only when it is a path of this site) and
 * the other plain strings, e.g. the 組織コード of a 【ログイン情報送付】 link.
 */
export const loginSearch = (search: Record<string, unknown>): { redirect?: string } & Record<string, string> => {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(search))
    if (key !== 'redirect' && typeof value === 'string') kept[key] = value;
  const redirect = safeReturnPath(search.redirect);
  return redirect ? { ...kept, redirect } : kept;
};

export function createAppRouter<TMe>(options: AppRouterOptions<TMe>) {
  const features = options.features ?? [];
  const opts = {
    ...options,
    nav: [...(options.nav ?? []), ...features.flatMap((f) => f.nav ?? [])],
    pages: [...(options.pages ?? []), ...features.flatMap((f) => f.pages ?? [])],
  };
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
  const mayOpen = (me: TMe | null | undefined, permission: string | undefined) =>
    !permission || (me != null && (opts.allows?.(me, permission) ?? false));
  const navOf = (me: TMe | null | undefined) => opts.nav.filter((item) => mayOpen(me, item.permission));
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
    validateSearch: loginSearch,
    beforeLoad: async ({ context, search }) => {
      if (await getMe(context)) throw redirect({ href: search.redirect ?? '/' });
    },
    component: function LoginRoute() {
      const { t } = useTranslation();
      useDocumentTitleText(text(t, 'login.title'));
      return publicFrame(<LoginPage />);
    },
  });

  const passwordLink = opts.passwordLink;
  const passwordSetRoute =
    passwordLink &&
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/password/set/$token',
      component: function PasswordSetRoute() {
        const { t } = useTranslation();
        const { token } = passwordSetRoute!.useParams() as { token: string };
        useDocumentTitleText(text(t, 'kit.passwordLinkTitle'));
        return publicFrame(
          <PasswordSetPage
            token={token}
            codeLabel={text(t, passwordLink.codeLabelKey)}
            loginIdLabel={text(t, passwordLink.loginIdLabelKey)}
            codeSearchKey={passwordLink.codeSearchKey}
          />,
        );
      },
    });

  const signedInRoute = createRoute({
    getParentRoute: () => rootRoute,
    id: 'signed-in',
    beforeLoad: async ({ context, location }) => {
      if (await getMe(context)) return;
      const back = safeReturnPath(location.href);
      throw redirect({ ...to('/login'), search: (back && back !== '/' ? { redirect: back } : {}) as never });
    },
    component: function SignedIn() {
      const me = useQuery(opts.me).data;
      const names = me ? { userName: opts.userName(me), tenantName: opts.tenantName(me) } : {};
      return <SignedInShell color={opts.color} nav={navOf(me)} {...names} />;
    },
  });

  const indexRoute = createRoute({
    getParentRoute: () => signedInRoute,
    path: '/',
    beforeLoad: async ({ context }) => {
      throw redirect(to(navOf(await getMe(context))[0]?.to ?? '/login'));
    },
  });

  const navRoute = ({ label, to: path, page: Page, permission }: (typeof opts.nav)[number]): AnyRoute =>
    createRoute({
      getParentRoute: () => signedInRoute,
      path,
      component: function NavRoute() {
        const { t } = useTranslation();
        const title = text(t, `nav.${label}`);
        useDocumentTitleText(title);
        // a URL the user's permissions do not include: 権限がありません, not a screen of 403s
        if (!mayOpen(useQuery(opts.me).data, permission)) return <ForbiddenPage title={title} />;
        return Page ? <Page /> : <ComingSoonPage title={title} />;
      },
    });

  const pageRoute = ({ path, title, page: Page, permission }: (typeof opts.pages)[number]): AnyRoute =>
    createRoute({
      getParentRoute: () => signedInRoute,
      path,
      component: function PageRoute() {
        const { t } = useTranslation();
        useDocumentTitleText(text(t, title));
        if (!mayOpen(useQuery(opts.me).data, permission)) return <ForbiddenPage title={text(t, title)} />;
        return <Page />;
      },
    });

  const routeTree = rootRoute.addChildren([
    loginRoute,
    ...(passwordSetRoute ? [passwordSetRoute] : []),
    signedInRoute.addChildren([indexRoute, ...opts.nav.map(navRoute), ...opts.pages.map(pageRoute)]),
  ]);
  const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
  return { router, queryClient };
}
