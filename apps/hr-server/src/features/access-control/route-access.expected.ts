// The intended access of every /api/v1 route, written independently of the route files. The matrix
// test fails when a registered route is missing here or declares something else.
import { MASTER_KIND_INFO, MASTER_KINDS } from '@jinji/contracts/hr/masters';

const masters = Object.fromEntries(
  MASTER_KINDS.flatMap((kind) => {
    const p = MASTER_KIND_INFO[kind].permission;
    const base = `/api/v1/masters/${kind}`;
    return [
      [`GET ${base}`, p],
      [`POST ${base}`, p],
      [`PUT ${base}/:id`, p],
      [`DELETE ${base}/:id`, p],
      [`POST ${base}/reorder`, p],
      [`GET ${base}/export`, p],
      [`POST ${base}/import`, p],
    ];
  }),
);

export const EXPECTED_ROUTE_ACCESS: Record<string, string> = {
  'GET /api/v1/setup/status': 'public',
  'POST /api/v1/setup': 'public',
  'GET /api/v1/auth/csrf': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'session',
  'GET /api/v1/auth/me': 'session',
  'GET /api/v1/auth/session': 'public',
  'POST /api/v1/auth/password': 'session',
  'GET /api/v1/password-policy': 'session',
  'PUT /api/v1/password-policy': 'system.password_policy',
  'GET /api/v1/code-settings': 'system.code_settings',
  'PUT /api/v1/code-settings': 'system.code_settings',
  'GET /api/v1/access/matrix': 'system.access_control',
  'GET /api/v1/access/roles/:role/members': 'system.access_control',
  'PUT /api/v1/access/roles/:role/members': 'system.access_control',
  'GET /api/v1/access/accounts': 'system.access_control',
  'POST /api/v1/access/accounts/:userId/unlock': 'system.access_control',
  'GET /api/v1/employees': 'employees.view',
  'GET /api/v1/employees/export': 'employees.view',
  'GET /api/v1/employees/export/cp932-check': 'employees.view',
  'GET /api/v1/employees/form-options': 'employees.view',
  'POST /api/v1/employees': 'employees.edit',
  'GET /api/v1/employees/:id': 'employees.view',
  'PUT /api/v1/employees/:id/basic': 'employees.edit',
  'PUT /api/v1/employees/:id/contacts': 'employees.edit',
  'PUT /api/v1/employees/:id/career': 'employees.edit',
  'PUT /api/v1/employees/:id/sensitive': 'employees.sensitive',
  'POST /api/v1/employees/:id/assignments': 'employees.edit',
  'POST /api/v1/employees/:id/contracts': 'employees.edit',
  'PUT /api/v1/employees/:id/assignments/:historyId': 'employees.edit',
  'DELETE /api/v1/employees/:id/assignments/:historyId': 'employees.edit',
  'PUT /api/v1/employees/:id/contracts/:historyId': 'employees.edit',
  'DELETE /api/v1/employees/:id/contracts/:historyId': 'employees.edit',
  'GET /api/v1/employees/:id/attendance': 'employees.view',
  'GET /api/v1/audit-logs': 'system.audit_log',
  'GET /api/v1/audit-logs/export': 'system.audit_log',
  'GET /api/v1/mails': 'system.mail_log',
  'GET /api/v1/mails/:id': 'system.mail_log',
  'POST /api/v1/mails/:id/retry': 'system.mail_log',
  'POST /api/v1/mails/test': 'system.mail_log',
  'GET /api/v1/imports/template': 'employees.import',
  'GET /api/v1/imports/columns': 'employees.import',
  'GET /api/v1/imports/export': 'employees.import',
  'GET /api/v1/imports/export/cp932-check': 'employees.import',
  'POST /api/v1/imports': 'employees.import',
  'GET /api/v1/imports': 'employees.import',
  'GET /api/v1/imports/:id': 'employees.import',
  'GET /api/v1/imports/:id/errors.json': 'employees.import',
  'GET /api/v1/imports/:id/errors': 'employees.import',
  'GET /api/v1/masters': 'masters.view',
  ...masters,
};
