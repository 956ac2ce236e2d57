// Code-based route tree. Guards run in beforeLoad against the cached me/setup queries, so a
// screen never renders for someone who may not see it.
import type { Permission } from '@jinji/contracts/hr/access';
import type { TMeResponse } from '@jinji/contracts/hr/auth';
import {
  ADMIN_ROLES,
  IMPORT_KINDS,
  MASTER_KIND_INFO,
  MASTER_KINDS,
  type TAdminRole,
  type TImportKind,
  type TMasterKind,
} from '@jinji/contracts/hr/enums';
import { useDocumentTitleText } from '@jinji/web-kit/page-title';
import { createQueryClient } from '@jinji/web-kit/query-client';
import { meQueryKey } from '@jinji/web-kit/session';
import { ComingSoonPage } from '@jinji/web-kit/ui/coming-soon-page';
import { ForbiddenPage } from '@jinji/web-kit/ui/forbidden-page';
import { Skeleton } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEmployeeSearch } from '../features/employees/api/employee-search';
import type { TEmployeeTab } from '../features/employees/components/employee-detail-page';
import { myProfileQueryOptions } from '../features/my-story/api/my-profile';
import { hasPermission, isAdmin, meQueryOptions, setupStatusQueryOptions, useMe } from '../lib/session';
import type { TResources } from './i18n';
import { PublicLayout } from './public-layout';
import { type TPageTitleKey, usePageTitle } from './use-page-title';

// Each screen is its own chunk, fetched when its route is entered (or hovered: defaultPreload), so
// /login downloads neither the admin console nor My STORY.
const AccessMatrixPage = lazyRouteComponent(
  () => import('../features/access/components/access-matrix-page'),
  'AccessMatrixPage',
);
const RoleMembersPage = lazyRouteComponent(
  () => import('../features/access/components/role-members-page'),
  'RoleMembersPage',
);
const AuditLogPage = lazyRouteComponent(
  () => import('../features/audit-logs/components/audit-log-page'),
  'AuditLogPage',
);
const MailLogPage = lazyRouteComponent(() => import('../features/mails/components/mail-log-page'), 'MailLogPage');
const LoginPage = lazyRouteComponent(() => import('../features/auth/components/login-page'), 'LoginPage');
const ForgotPasswordPage = lazyRouteComponent(
  () => import('../features/auth/components/forgot-password-page'),
  'ForgotPasswordPage',
);
const PasswordSetPage = lazyRouteComponent(() => import('@jinji/web-kit/ui/password-set-page'), 'PasswordSetPage');
const CodeSettingsPage = lazyRouteComponent(
  () => import('../features/code-settings/components/code-settings-page'),
  'CodeSettingsPage',
);
const AdminHomePage = lazyRouteComponent(
  () => import('../features/dashboard/components/admin-home-page'),
  'AdminHomePage',
);
const EmployeeDetailPage = lazyRouteComponent(
  () => import('../features/employees/components/employee-detail-page'),
  'EmployeeDetailPage',
);
const EmployeeListPage = lazyRouteComponent(
  () => import('../features/employees/components/employee-list-page'),
  'EmployeeListPage',
);
const EmployeeNewPage = lazyRouteComponent(
  () => import('../features/employees/components/employee-new-page'),
  'EmployeeNewPage',
);
const ImportPage = lazyRouteComponent(() => import('../features/imports/components/import-page'), 'ImportPage');
const ImportRulesPage = lazyRouteComponent(
  () => import('../features/imports/components/import-rules-page'),
  'ImportRulesPage',
);
const MasterPage = lazyRouteComponent(() => import('../features/masters/components/master-page'), 'MasterPage');
const MastersIndexPage = lazyRouteComponent(
  () => import('../features/masters/components/masters-index-page'),
  'MastersIndexPage',
);
const MyPage = lazyRouteComponent(() => import('../features/my-story/components/my-page'), 'MyPage');
const StartupPage = lazyRouteComponent(() => import('../features/my-story/components/startup-page'), 'StartupPage');
const PasswordChangePage = lazyRouteComponent(
  () => import('../features/password/components/password-change-page'),
  'PasswordChangePage',
);
const PasswordPolicyPage = lazyRouteComponent(
  () => import('../features/password/components/password-policy-page'),
  'PasswordPolicyPage',
);
const MyRequestsPage = lazyRouteComponent(
  () => import('../features/requests/components/my-requests-page'),
  'MyRequestsPage',
);
const RequestNewPage = lazyRouteComponent(
  () => import('../features/requests/components/request-new-page'),
  'RequestNewPage',
);
const RequestDetailPage = lazyRouteComponent(
  () => import('../features/requests/components/request-detail-page'),
  'RequestDetailPage',
);
const ApprovalsPage = lazyRouteComponent(
  () => import('../features/requests/components/approvals-page'),
  'ApprovalsPage',
);
const RequestTypesPage = lazyRouteComponent(
  () => import('../features/requests/components/request-types-page'),
  'RequestTypesPage',
);
const RecordListPage = lazyRouteComponent(
  () => import('../features/records/components/record-list-page'),
  'RecordListPage',
);
const RecordTasksPage = lazyRouteComponent(
  () => import('../features/records/components/record-tasks-page'),
  'RecordTasksPage',
);
// the 応対記録 tab of 従業員情報（詳細）: its own chunk, fetched when the tab opens
const EmployeeRecordsTab = lazy(() =>
  import('../features/records/components/employee-records-tab').then((m) => ({ default: m.EmployeeRecordsTab })),
);
const ProfileSettingsPage = lazyRouteComponent(
  () => import('../features/profile-sheet/components/profile-settings-page'),
  'ProfileSettingsPage',
);
const ProfileSheetButton = lazy(() =>
  import('../features/profile-sheet/components/profile-sheet-button').then((m) => ({ default: m.ProfileSheetButton })),
);
const SetupPage = lazyRouteComponent(() => import('../features/setup/components/setup-page'), 'SetupPage');
const AdminLayout = lazyRouteComponent(() => import('./admin-layout'), 'AdminLayout');
const MyLayout = lazyRouteComponent(() => import('./my-layout'), 'MyLayout');

// Any API call may find the session gone or the password expired: send the user where they can act.
export const queryClient = createQueryClient((error) => {
  if (error.code === 'UNAUTHENTICATED') {
    queryClient.setQueryData(meQueryKey, null);
    void router.navigate({ to: '/login' });
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    void router.navigate({ to: '/password' });
  }
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

/** ?tenantCode=… of the login URL a mail gives: the form starts with the 企業コード filled in. */
const tenantCodeSearch = (search: Record<string, unknown>): { tenantCode?: string } =>
  typeof search.tenantCode === 'string' ? { tenantCode: search.tenantCode } : {};

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: tenantCodeSearch,
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

// The one-time link's page and パスワードを忘れた方: public, whether signed in or not (a link opened in a
// browser where someone else is signed in still sets the link's account).
const passwordForgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password/forgot',
  validateSearch: tenantCodeSearch,
  component: function PasswordForgotRoute() {
    const { tenantCode } = passwordForgotRoute.useSearch();
    return (
      <PublicLayout>
        <Titled title="forgot.title">
          <ForgotPasswordPage tenantCode={tenantCode} />
        </Titled>
      </PublicLayout>
    );
  },
});

const passwordSetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password/set/$token',
  component: function PasswordSetRoute() {
    const { token } = passwordSetRoute.useParams();
    const { t } = useTranslation();
    return (
      <PublicLayout>
        <Titled title="passwordLink.title">
          <PasswordSetPage
            token={token}
            codeLabel={t('login.tenantCode')}
            loginIdLabel={t('login.loginId')}
            codeSearchKey="tenantCode"
            forgot={{ to: '/password/forgot', label: t('forgot.link') }}
          />
        </Titled>
      </PublicLayout>
    );
  },
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

/**
 * The screen only for those whose roles allow it (me.permissions, the server's matrix); others get
 * 「この画面を表示する権限がありません」 instead (a direct URL, an old bookmark). The API refuses them too.
 */
function Permitted({
  permission,
  title,
  children,
}: {
  permission: Permission | undefined;
  title: string;
  children: React.ReactNode;
}) {
  const me = useMe();
  if (permission && !hasPermission(me, permission)) return <ForbiddenPage title={title} backTo="/admin" />;
  return children;
}

function adminPage<TPath extends string>(
  path: TPath,
  title: TNavKey,
  permission?: Permission,
  Page?: React.ComponentType,
) {
  return createRoute({
    getParentRoute: () => adminRoute,
    path,
    component: function AdminPage() {
      const label = usePageTitle(`nav.${title}`);
      return (
        <Permitted permission={permission} title={label}>
          {Page ? <Page /> : <ComingSoonPage title={label} backTo="/admin" />}
        </Permitted>
      );
    },
  });
}

const isMasterKind = (kind: string): kind is TMasterKind => (MASTER_KINDS as readonly string[]).includes(kind);
const isAdminRole = (role: string): role is TAdminRole => (ADMIN_ROLES as readonly string[]).includes(role);

const masterRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'masters/$kind',
  beforeLoad: ({ params }) => {
    if (!isMasterKind(params.kind)) throw notFound();
  },
  component: function MasterRoute() {
    const { kind } = masterRoute.useParams();
    const { t } = useTranslation();
    const label = isMasterKind(kind) ? t(`masters.kinds.${kind}`) : '';
    useDocumentTitleText(label);
    if (!isMasterKind(kind)) return null;
    return (
      <Permitted permission={MASTER_KIND_INFO[kind].permission} title={label}>
        {/* key: a new kind starts with fresh search, page and filters */}
        <MasterPage key={kind} kind={kind} />
      </Permitted>
    );
  },
});

const roleMembersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'system/access/$role',
  beforeLoad: ({ params }) => {
    if (!isAdminRole(params.role)) throw notFound();
  },
  component: function RoleMembersRoute() {
    const { role } = roleMembersRoute.useParams();
    const { t } = useTranslation();
    const label = isAdminRole(role) ? t('access.membersTitle', { label: t(`access.roles.${role}`) }) : '';
    useDocumentTitleText(label);
    if (!isAdminRole(role)) return null;
    return (
      <Permitted permission="system.access_control" title={label}>
        <RoleMembersPage key={role} role={role} />
      </Permitted>
    );
  },
});

// 従業員一覧 keeps its filters, sort and page in the URL: back, reload and links keep them.
const employeeListRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'employees',
  validateSearch: parseEmployeeSearch,
  component: function EmployeeListRoute() {
    const label = usePageTitle('nav.employeeList');
    const search = employeeListRoute.useSearch();
    const navigate = employeeListRoute.useNavigate();
    return (
      <Permitted permission="employees.view" title={label}>
        <EmployeeListPage search={search} onChange={(next) => void navigate({ search: next })} />
      </Permitted>
    );
  },
});

const employeeDetailRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'employees/$id',
  component: function EmployeeDetailRoute() {
    const { id } = employeeDetailRoute.useParams();
    const { t } = useTranslation();
    const me = useMe();
    const tabs: TEmployeeTab[] = hasPermission(me, 'records.manage')
      ? [
          {
            value: 'records',
            label: t('records.tabRecords'),
            render: (e) => (
              <Suspense fallback={<Skeleton h={240} />}>
                <EmployeeRecordsTab
                  employee={{
                    employeeId: e.id,
                    employeeNumber: e.employeeNumber,
                    name: `${e.basic.lastName} ${e.basic.firstName}`,
                  }}
                />
              </Suspense>
            ),
          },
        ]
      : [];
    return (
      <Permitted permission="employees.view" title={t('employeeDetail.title')}>
        {/* key: another employee starts with every card out of edit mode */}
        <EmployeeDetailPage
          key={id}
          id={id}
          tabs={tabs}
          actions={(e) => (
            <Suspense fallback={null}>
              <ProfileSheetButton employeeId={e.id} />
            </Suspense>
          )}
        />
      </Permitted>
    );
  },
});

// 一括登録・更新 keeps 取込の種類 and the job it shows (just uploaded, or picked in 取込履歴) in the URL:
// reload keeps polling it. 入力規則 keeps the kind too.
type TImportSearch = { kind?: TImportKind; job?: string };
const isImportKind = (v: unknown): v is TImportKind => (IMPORT_KINDS as readonly unknown[]).includes(v);
const parseImportSearch = (search: Record<string, unknown>): TImportSearch => ({
  ...(isImportKind(search.kind) ? { kind: search.kind } : {}),
  ...(typeof search.job === 'string' && search.job ? { job: search.job } : {}),
});

const employeeImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'employees/import',
  validateSearch: parseImportSearch,
  component: function EmployeeImportRoute() {
    const label = usePageTitle('nav.employeeImport');
    const { kind = 'employees_new', job } = employeeImportRoute.useSearch();
    const navigate = employeeImportRoute.useNavigate();
    return (
      <Permitted permission="employees.import" title={label}>
        <ImportPage
          kind={kind}
          jobId={job}
          onKindChange={(next) => void navigate({ search: (prev) => ({ ...prev, kind: next }), replace: true })}
          onJobChange={(id) => void navigate({ search: (prev) => ({ ...prev, job: id }) })}
        />
      </Permitted>
    );
  },
});

const employeeImportRulesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'employees/import/rules',
  validateSearch: (search: Record<string, unknown>): Pick<TImportSearch, 'kind'> =>
    isImportKind(search.kind) ? { kind: search.kind } : {},
  component: function EmployeeImportRulesRoute() {
    const label = usePageTitle('nav.employeeImportRules');
    const { kind = 'employees_new' } = employeeImportRulesRoute.useSearch();
    const navigate = employeeImportRulesRoute.useNavigate();
    return (
      <Permitted permission="employees.import" title={label}>
        <ImportRulesPage
          kind={kind}
          onKindChange={(next) => void navigate({ search: { kind: next }, replace: true })}
        />
      </Permitted>
    );
  },
});

// 届出一覧: ?waiting=true opens it on 「自分の承認待ちのみ」 (the notice's link)
const parseWaiting = (search: Record<string, unknown>): { waiting?: boolean } =>
  search.waiting === true || search.waiting === 'true' ? { waiting: true } : {};

const adminRequestsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'requests',
  validateSearch: parseWaiting,
  component: function AdminRequestsRoute() {
    usePageTitle('nav.requestList');
    const { waiting } = adminRequestsRoute.useSearch();
    return <ApprovalsPage key={String(waiting)} detailTo="/admin/requests/$id" isWaitingOnly={waiting === true} />;
  },
});

const adminRequestRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'requests/$id',
  component: function AdminRequestRoute() {
    usePageTitle('nav.requestList');
    const { id } = adminRequestRoute.useParams();
    return <RequestDetailPage key={id} side="approver" id={id} backTo="/admin/requests" />;
  },
});

const adminChildren = [
  adminPage('/', 'home', undefined, AdminHomePage),
  employeeListRoute,
  adminPage('employees/new', 'employeeNew', 'employees.edit', EmployeeNewPage),
  employeeImportRoute,
  employeeImportRulesRoute,
  adminPage('employees/groups', 'employeeGroups', 'employees.edit'),
  employeeDetailRoute,
  adminPage('masters', 'masters', 'masters.view', MastersIndexPage),
  masterRoute,
  adminPage('system/password-policy', 'passwordPolicy', 'system.password_policy', PasswordPolicyPage),
  adminPage('system/code-settings', 'codeSettings', 'system.code_settings', CodeSettingsPage),
  adminPage('system/access', 'accessControl', 'system.access_control', AccessMatrixPage),
  roleMembersRoute,
  adminPage('system/audit-logs', 'auditLogs', 'system.audit_log', AuditLogPage),
  adminPage('system/mails', 'mailLog', 'system.mail_log', MailLogPage),
  adminRequestsRoute,
  adminPage('requests/types', 'requestTypes', 'requests.manage', RequestTypesPage),
  adminRequestRoute,
  adminPage('training/courses', 'trainingCourses', 'training.view'),
  adminPage('training/applications', 'trainingApplications', 'training.view'),
  adminPage('training/attendees', 'trainingAttendees', 'training.view'),
  adminPage('employees/profile-settings', 'profileSettings', 'employees.view', ProfileSettingsPage),
  adminPage('records', 'recordList', 'records.manage', RecordListPage),
  adminPage('records/tasks', 'recordTasks', 'records.manage', RecordTasksPage),
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
  // 従業員スタートアップ対象 (flag 1): led to the wizard first (R-SELF-1); the page needs the profile anyway
  beforeLoad: async ({ context }) => {
    const profile = await context.queryClient.ensureQueryData(myProfileQueryOptions).catch(() => null);
    if (profile?.isStartupPending) throw redirect({ to: '/my/startup' });
  },
  component: function MyIndex() {
    usePageTitle('my.title');
    return <MyPage />;
  },
});

const myStartupRoute = createRoute({
  getParentRoute: () => myRoute,
  path: 'startup',
  component: function MyStartup() {
    usePageTitle('startup.title');
    return <StartupPage />;
  },
});

const myRequestsRoute = createRoute({
  getParentRoute: () => myRoute,
  path: 'requests',
  component: function MyRequests() {
    usePageTitle('requests.myTitle');
    return <MyRequestsPage />;
  },
});

const myRequestNewRoute = createRoute({
  getParentRoute: () => myRoute,
  path: 'requests/new',
  component: function MyRequestNew() {
    usePageTitle('requests.newTitle');
    return <RequestNewPage />;
  },
});

const myRequestRoute = createRoute({
  getParentRoute: () => myRoute,
  path: 'requests/$id',
  component: function MyRequest() {
    usePageTitle('requests.detailTitle');
    const { id } = myRequestRoute.useParams();
    return <RequestDetailPage key={id} side="mine" id={id} backTo="/my/requests" />;
  },
});

// a 上長 without an admin role approves from My STORY
const myApprovalsRoute = createRoute({
  getParentRoute: () => myRoute,
  path: 'approvals',
  validateSearch: parseWaiting,
  component: function MyApprovals() {
    usePageTitle('requests.approvalsTitle');
    const { waiting } = myApprovalsRoute.useSearch();
    return <ApprovalsPage key={String(waiting)} detailTo="/my/approvals/$id" isWaitingOnly={waiting === true} />;
  },
});

const myApprovalRoute = createRoute({
  getParentRoute: () => myRoute,
  path: 'approvals/$id',
  component: function MyApproval() {
    usePageTitle('requests.detailTitle');
    const { id } = myApprovalRoute.useParams();
    return <RequestDetailPage key={id} side="approver" id={id} backTo="/my/approvals" />;
  },
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  setupRoute,
  loginRoute,
  passwordRoute,
  passwordForgotRoute,
  passwordSetRoute,
  adminRoute.addChildren(adminChildren),
  myRoute.addChildren([
    myIndexRoute,
    myStartupRoute,
    myRequestsRoute,
    myRequestNewRoute,
    myRequestRoute,
    myApprovalsRoute,
    myApprovalRoute,
  ]),
]);

export const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
