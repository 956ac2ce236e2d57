// Code-based route tree. Guards run in beforeLoad against the cached me/setup queries, so a
// screen never renders for someone who may not see it.
import type { TMeResponse } from '@jinji/contracts/auth';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { ComingSoonPage } from '../components/ui/coming-soon-page';
import { type TPageTitleKey, usePageTitle } from '../components/ui/use-page-title';
import { LoginPage } from '../features/auth/components/login-page';
import { AdminHomePage } from '../features/dashboard/components/admin-home-page';
import { EmployeeListPage } from '../features/employees/components/employee-list-page';
import { MyPage } from '../features/my-story/components/my-page';
import { PasswordChangePage } from '../features/password/components/password-change-page';
import { PasswordPolicyPage } from '../features/password/components/password-policy-page';
import { SetupPage } from '../features/setup/components/setup-page';
import { ApiError } from '../lib/api-client';
import { isAdmin, meQueryKey, meQueryOptions, setupStatusQueryOptions } from '../lib/session';
import { AdminLayout } from './admin-layout';
import type { TResources } from './locales/ja';
import { MyLayout } from './my-layout';
import { PublicLayout } from './public-layout';

// Any API call may find the session gone or the password expired: send the user where they can act.
function onApiError(error: Error) {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'UNAUTHENTICATED') {
    queryClient.setQueryData(meQueryKey, null);
    void router.navigate({ to: '/login' });
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    void router.navigate({ to: '/password' });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: { retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2 },
  },
});

type TRouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<TRouterContext>()({
  component: Outlet,
  notFoundComponent: () => (
    <PublicLayout>
      <ComingSoonPage title="404" />
    </PublicLayout>
  ),
});

const getMe = (ctx: TRouterContext) => ctx.queryClient.ensureQueryData(meQueryOptions);
const needsSetup = async (ctx: TRouterContext) =>
  (await ctx.queryClient.ensureQueryData(setupStatusQueryOptions)).needsSetup;

/** Signed in, and the password is not due: otherwise go where the user has to go first. */
async function requireMe(ctx: TRouterContext): Promise<TMeResponse> {
  const me = await getMe(ctx);
  if (!me) throw redirect({ to: '/login' });
  if (me.mustChangePassword) throw redirect({ to: '/password' });
  return me;
}

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    if (await needsSetup(context)) throw redirect({ to: '/setup' });
    const me = await requireMe(context);
    throw redirect({ to: isAdmin(me) ? '/admin' : '/my' });
  },
});

function Titled({ title, children }: { title: TPageTitleKey; children: React.ReactNode }) {
  usePageTitle(title);
  return children;
}

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    if (!(await needsSetup(context))) throw redirect({ to: '/login' });
  },
  component: () => (
    <PublicLayout>
      <Titled title="setup.title">
        <SetupPage />
      </Titled>
    </PublicLayout>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { tenantCode?: string } =>
    typeof search.tenantCode === 'string' ? { tenantCode: search.tenantCode } : {},
  beforeLoad: async ({ context }) => {
    if (await needsSetup(context)) throw redirect({ to: '/setup' });
    if (await getMe(context)) throw redirect({ to: '/' });
  },
  component: function LoginRoute() {
    const { tenantCode } = loginRoute.useSearch();
    return (
      <PublicLayout>
        <Titled title="login.title">
          <LoginPage tenantCode={tenantCode} />
        </Titled>
      </PublicLayout>
    );
  },
});

const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password',
  beforeLoad: async ({ context }) => {
    if (!(await getMe(context))) throw redirect({ to: '/login' });
  },
  component: () => (
    <PublicLayout>
      <Titled title="password.title">
        <PasswordChangePage />
      </Titled>
    </PublicLayout>
  ),
});

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  beforeLoad: async ({ context }) => {
    if (!isAdmin(await requireMe(context))) throw redirect({ to: '/my' });
  },
  component: AdminLayout,
});

type TNavKey = keyof TResources['nav'];

function adminPage<TPath extends string>(path: TPath, title: TNavKey, Page?: () => React.ReactNode) {
  return createRoute({
    getParentRoute: () => adminRoute,
    path,
    component: function AdminPage() {
      const label = usePageTitle(`nav.${title}`);
      return Page ? <Page /> : <ComingSoonPage title={label} backTo="/admin" />;
    },
  });
}

const adminChildren = [
  adminPage('/', 'home', AdminHomePage),
  adminPage('employees', 'employeeList', EmployeeListPage),
  adminPage('employees/new', 'employeeNew'),
  adminPage('employees/import', 'employeeImport'),
  adminPage('employees/groups', 'employeeGroups'),
  adminPage('masters', 'masters'),
  adminPage('system/password-policy', 'passwordPolicy', PasswordPolicyPage),
  adminPage('system/codes', 'codeSettings'),
  adminPage('system/access-control', 'accessControl'),
  adminPage('training/courses', 'trainingCourses'),
  adminPage('training/applications', 'trainingApplications'),
  adminPage('training/attendees', 'trainingAttendees'),
  adminPage('records', 'recordList'),
  adminPage('records/tasks', 'recordTasks'),
] as const;

const myRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/my',
  beforeLoad: async ({ context }) => {
    await requireMe(context);
  },
  component: MyLayout,
});

const myIndexRoute = createRoute({
  getParentRoute: () => myRoute,
  path: '/',
  component: function MyIndex() {
    usePageTitle('my.title');
    return <MyPage />;
  },
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  setupRoute,
  loginRoute,
  passwordRoute,
  adminRoute.addChildren(adminChildren),
  myRoute.addChildren([myIndexRoute]),
]);

export const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
