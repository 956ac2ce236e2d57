// npm run jinji -- <command> for HR alone. Same database selection as `npm start`.
import { runCli } from '@jinji/server-kit/cli';
import { bootHr } from './boot';
import { runHrCommand, USAGE } from './cli-commands';
import { loadConfig } from './config';

await runCli(USAGE, async (command, rest) => {
  const { db, close } = await bootHr(loadConfig());
  try {
    await runHrCommand(db, command, rest);
  } finally {
    await close();
  }
});
