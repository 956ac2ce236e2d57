// HR's CLI commands (npm run jinji -- <command>), as functions: HR's own entry (cli.ts) and the
// composition root's (scripts/jinji.ts, which adds training's) run them over a booted database.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { systemActor } from '@jinji/auth/actor';
import { ZCreateTenantRequest } from '@jinji/contracts/hr/setup';
import { todayInJapan } from '@jinji/ja/text';
import { NO_MAIL_WORKER } from '@jinji/mail/worker';
import type { Database, Tx } from './db/client';
import { createAccount } from './features/auth/auth.service';
import { writeNewEmployees } from './features/employees/employee-writes';
import { remindDueTasks } from './features/records/records.service';
import { applyDueRequests } from './features/requests/requests.service';
import { seedDemo } from './features/tenants/demo';
import { createTenant } from './features/tenants/tenants.service';

export const USAGE = `使い方: npm run jinji -- <command>
  migrate
  tenant:create --code <企業コード> --name <企業名> --admin-login <ログインID> --admin-password <パスワード> --admin-email <メール>
  account:create --tenant <企業コード> --login <ログインID> --password <パスワード> --name <氏名> [--email <メール>]
                 [--employee-number <社員番号> --kana <かな> [--birth-date yyyy-mm-dd] [--startup]]
                 （--employee-number: その従業員を登録してアカウントを紐づける。--startup: 従業員スタートアップ対象）
  requests:apply [--date yyyy-mm-dd]
                 （承認済み・適用待ちの届出のうち適用日が指定日（既定: 今日）までのものを従業員情報へ反映）
  records:remind [--date yyyy-mm-dd]
                 （対応期限が指定日（既定: 今日）の翌日の期限付きタスクの担当者へリマインドメールを送る。送信済みは送らない）
  demo [--employees <件数>]`;

/** account:create --employee-number: the employee the account belongs to (「姓 名」 split at the space). */
async function writeEmployeeForAccount(
  tx: Tx,
  tenantId: string,
  e: {
    employeeNumber: string;
    name: string;
    kana: string;
    birthDate: string;
    email: string | null;
    isStartupTarget: boolean;
  },
): Promise<string> {
  const [lastName = '', firstName = ''] = e.name.split(/[\s　]+/);
  const [lastNameKana = '', firstNameKana = ''] = e.kana.split(/[\s　]+/);
  const basic = {
    lastName,
    firstName: firstName || lastName,
    lastNameKana,
    firstNameKana: firstNameKana || lastNameKana,
    birthDate: e.birthDate,
    gender: '回答しない',
    hireDate: todayInJapan(),
    email: e.email,
    systemUseStartDate: todayInJapan(),
    isStartupTarget: e.isStartupTarget,
  };
  const actor = systemActor(tenantId, 'cli', { roles: [] });
  const [id] = await writeNewEmployees(tx, actor, [
    { basic, employeeNumber: e.employeeNumber, loginId: null, audit: { ...basic, employeeNumber: e.employeeNumber } },
  ]);
  return id!;
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
          'employee-number': { type: 'string' },
          kana: { type: 'string' },
          'birth-date': { type: 'string', default: '1990-04-01' },
          startup: { type: 'boolean', default: false },
        },
      });
      if (!values.tenant || !values.login || !values.password || !values.name) {
        console.error(USAGE);
        process.exitCode = 2;
        break;
      }
      const employee = values['employee-number'];
      await createAccount(
        db,
        {
          tenantCode: values.tenant,
          loginId: values.login,
          password: values.password,
          displayName: values.name,
          email: values.email ?? null,
        },
        employee
          ? (tx, tenantId) =>
              writeEmployeeForAccount(tx, tenantId, {
                employeeNumber: employee,
                name: values.name!,
                kana: values.kana ?? values.name!,
                birthDate: values['birth-date'],
                email: values.email ?? null,
                isStartupTarget: values.startup,
              })
          : undefined,
      );
      console.log(`アカウント「${values.name}」(ログインID ${values.login}) を作成しました`);
      break;
    }
    case 'requests:apply': {
      // the daily job by hand: a day the server missed, or (journeys) a day still to come
      const { values } = parseArgs({ args: rest, options: { date: { type: 'string' } } });
      if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
        console.error('--date は yyyy-mm-dd で指定してください');
        process.exitCode = 2;
        break;
      }
      const result = await applyDueRequests({ db, mail: NO_MAIL_WORKER }, values.date);
      console.log(`届出を従業員情報に反映しました: ${result.applied}件（反映できなかったもの ${result.failed}件）`);
      break;
    }
    case 'records:remind': {
      // the daily reminder by hand: a day the server missed, or (journeys) a day still to come
      const { values } = parseArgs({ args: rest, options: { date: { type: 'string' } } });
      if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
        console.error('--date は yyyy-mm-dd で指定してください');
        process.exitCode = 2;
        break;
      }
      const result = await remindDueTasks({ db, mail: NO_MAIL_WORKER }, values.date);
      console.log(`期限付きタスクのリマインドメールを作成しました: ${result.sent}件`);
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
