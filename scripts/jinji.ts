// npm run jinji -- <command>: HR's commands, or training's as `training:<command>`, over the process's one
// engine — `demo` also creates the training system's demo 契約組織 and its 管理者, and prints both logins.
import { randomBytes } from 'node:crypto';
import { runCli, runCommand, usageOf } from '@jinji/server-kit/cli';
import { runHrCommand, USAGE } from '../apps/hr-server/src/cli-commands';
import { loadConfig } from '../apps/hr-server/src/config';
import { trainingApp } from '../apps/training-server/src/app';
import { seedTrainingDemo, TRAINING_DEMO } from '../apps/training-server/src/features/organisations/demo';
import { BACKUP_USAGE, runBackupCommand } from './backup';
import { bootBoth } from './compose';

const TRAINING = 'training:';

await runCli(`${USAGE}\n${BACKUP_USAGE}\n${usageOf('', trainingApp.commands, TRAINING)}`, async (command, rest) => {
  // before the boot: a running server holds the embedded data directory, and a restore needs it empty
  if (command === 'backup' || command === 'restore') return runBackupCommand(loadConfig(), command, rest);
  const both = await bootBoth();
  try {
    if (command?.startsWith(TRAINING))
      return await runCommand(trainingApp.commands, both.training, command.slice(TRAINING.length), rest);
    if (command === 'demo') console.log(`人事管理 (HR): http://localhost:${both.hrConfig.port}`);
    await runHrCommand(both.hr, command, rest);
    if (command === 'demo' && !process.exitCode) {
      const password = `Demo-${randomBytes(9).toString('base64url')}`;
      const { created, courses } = await seedTrainingDemo(both.training, password);
      console.log(`研修申込システム (training): http://localhost:${both.trainingConfig.port}`);
      console.log(created ? 'デモ組織を作成しました' : 'デモ組織は既にあります（パスワードを再設定しました）');
      console.log(`  組織コード: ${TRAINING_DEMO.organizationCode}\n  ログインID: ${TRAINING_DEMO.loginId}`);
      console.log(`  パスワード: ${password}`);
      console.log(`  公開講座: ${courses}件（講座コードで更新）`);
    }
  } finally {
    await both.close();
  }
});
