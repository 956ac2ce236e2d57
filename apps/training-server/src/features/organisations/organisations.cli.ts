// `organisation:create`: 契約組織 are created by the operator, never over HTTP. Run again with the same
// 組織コード, it resets the named users' passwords.
import { parseArgs } from 'node:util';
import { ZSystemRole } from '@jinji/contracts/training/access';
import { type CliCommand, UsageError } from '@jinji/server-kit/cli';
import type { TrainingDb } from '../../db/database';
import { type SeedUser, upsertOrganisation } from './organisations.service';

function seedUserOf(spec: string, password: string): SeedUser {
  const [loginId, role, displayName, email] = spec.split(':');
  const systemRole = ZSystemRole.safeParse(role);
  if (!loginId || !displayName || !systemRole.success) throw new UsageError(`--user ${spec}`);
  return { loginId, systemRole: systemRole.data, displayName, password, email: email || null };
}

export const organisationCreateCommand: CliCommand<TrainingDb> = {
  usage: `--code <組織コード> --name <組織名> --password <パスワード>
    --user <ログインID>:<general|approver|admin>:<氏名>[:<メール>] …
    （同じ組織コードで再実行すると、指定した利用者のパスワードを再設定します）`,
  run: async (db, args) => {
    const { values } = parseArgs({
      args,
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
  },
};
