// HR's CLI commands (npm run jinji -- <command>), as functions: HR's own entry (cli.ts) and the
// composition root's (scripts/jinji.ts, which adds training's) run them over a booted database.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ZCreateTenantRequest } from '@jinji/contracts/hr/setup';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database } from './db/client';
import { createAccount } from './features/auth/auth.service';
import { seedDemo } from './features/tenants/demo';
import { createTenant } from './features/tenants/tenants.service';

export const USAGE = `使い方: npm run jinji -- <command>
  migrate
  tenant:create --code <企業コード> --name <企業名> --admin-login <ログインID> --admin-password <パスワード> --admin-email <メール>
  account:create --tenant <企業コード> --login <ログインID> --password <パスワード> --name <氏名> [--email <メール>]
  demo [--employees <件数>]`;

/** Thrown for a command line the CLI cannot use: the message, then USAGE, exit code 2. */
export class UsageError extends Error {}

// Operators read the message, not a stack trace; `--debug` (anywhere) shows the stack too.
export function reportError(error: unknown, opts: { isDebug: boolean }): number {
  if (error instanceof AppError) {
    console.error(`エラー: ${error.message}`);
    for (const f of error.fields ?? []) console.error(`  ${f.path}: ${f.message}`);
    return 1;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    console.error(`エラー: コマンドの指定が正しくありません（${(error as Error).message}）`);
    console.error(USAGE);
    return 2;
  }
  console.error(`エラー: ${error instanceof Error ? error.message : String(error)}`);
  if (opts.isDebug && error instanceof Error && error.stack) console.error(error.stack);
  else console.error('（詳しい情報は --debug を付けて実行すると表示されます）');
  return 1;
}

/** Runs one HR command on `db`; sets process.exitCode 2 for a wrong command line. */
export async function runHrCommand(db: Database, command: string | undefined, rest: string[]): Promise<void> {
  switch (command) {
    case 'migrate':
      console.log(`マイグレーションを適用しました (${db.kind})`);
      break;
    case 'tenant:create': {
      const { values } = parseArgs({
        args: rest,
        options: {
          code: { type: 'string' },
          name: { type: 'string' },
          'admin-login': { type: 'string' },
          'admin-password': { type: 'string' },
          'admin-email': { type: 'string' },
        },
      });
      const input = ZCreateTenantRequest.safeParse({
        tenantCode: values.code,
        tenantName: values.name,
        adminLoginId: values['admin-login'],
        adminPassword: values['admin-password'],
        adminEmail: values['admin-email'],
      });
      if (!input.success) {
        for (const issue of input.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
        process.exitCode = 2;
        break;
      }
      await createTenant(db, input.data, { firstRun: false });
      console.log(`テナント「${input.data.tenantName}」(企業コード ${input.data.tenantCode}) を作成しました`);
      break;
    }
    case 'account:create': {
      const { values } = parseArgs({
        args: rest,
        options: {
          tenant: { type: 'string' },
          login: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
          email: { type: 'string' },
        },
      });
      if (!values.tenant || !values.login || !values.password || !values.name) {
        console.error(USAGE);
        process.exitCode = 2;
        break;
      }
      await createAccount(db, {
        tenantCode: values.tenant,
        loginId: values.login,
        password: values.password,
        displayName: values.name,
        email: values.email ?? null,
      });
      console.log(`アカウント「${values.name}」(ログインID ${values.login}) を作成しました`);
      break;
    }
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { employees: { type: 'string', default: '20' } } });
      const password = `Demo-${randomBytes(9).toString('base64url')}`;
      const result = await seedDemo(db, { password, employees: Number(values.employees) });
      console.log(
        result.created ? 'デモテナントを作成しました' : 'デモテナントは既にあります（パスワードを再設定しました）',
      );
      console.log(
        `  企業コード: demo\n  ログインID: admin\n  パスワード: ${password}\n  従業員: ${result.employees}名`,
      );
      break;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}
