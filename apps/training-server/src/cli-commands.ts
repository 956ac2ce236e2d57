// Training's CLI commands: its own entry (cli.ts: `migrate`, `organisation:create`) and the composition
// root's (scripts/jinji.ts, as `training:<command>`). 契約組織 are created by the operator, never over HTTP.
import { parseArgs } from 'node:util';
import { ZSystemRole } from '@jinji/contracts/training/access';
import { UsageError } from '@jinji/server-kit/cli';
import type { TrainingDb } from './db/database';
import { type SeedUser, upsertOrganisation } from './features/organisations/organisations.service';

export const TRAINING_USAGE = `使い方（研修申込システム）:
  migrate
  organisation:create --code <組織コード> --name <組織名> --password <パスワード>
                      --user <ログインID>:<general|approver|admin>:<氏名>[:<メール>] …
                      （同じ組織コードで再実行すると、指定した利用者のパスワードを再設定します）`;

function seedUserOf(spec: string, password: string): SeedUser {
  const [loginId, role, displayName, email] = spec.split(':');
  const systemRole = ZSystemRole.safeParse(role);
  if (!loginId || !displayName || !systemRole.success) throw new UsageError(`--user ${spec}`);
  return { loginId, systemRole: systemRole.data, displayName, password, email: email || null };
}

export async function runTrainingCommand(db: TrainingDb, command: string | undefined, rest: string[]) {
  switch (command) {
    case 'migrate':
      console.log(`研修申込システムのマイグレーションを適用しました (${db.kind})`);
      return;
    case 'organisation:create': {
      const { values } = parseArgs({
        args: rest,
        options: {
          code: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          user: { type: 'string', multiple: true, default: [] },
        },
      });
      if (!values.code || !values.name || !values.password) throw new UsageError('--code, --name, --password');
      const users = values.user.map((u) => seedUserOf(u, values.password!));
      const { created } = await upsertOrganisation(db, { code: values.code, name: values.name }, users, 'cli');
      console.log(
        `${created ? '契約組織を作成しました' : '契約組織は既にあります'}: ${values.code}（利用者 ${users.length}名）`,
      );
      return;
    }
    default:
      throw new UsageError(command ?? '(なし)');
  }
}
