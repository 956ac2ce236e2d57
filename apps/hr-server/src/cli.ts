// npm run jinji -- <command> for HR alone. Same database selection as `npm start`.
import { bootHr } from './boot';
import { reportError, runHrCommand } from './cli-commands';
import { loadConfig } from './config';

const argv = process.argv.slice(2);
const isDebug = argv.includes('--debug');
const [command, ...rest] = argv.filter((a) => a !== '--debug');

try {
  const { db, close } = await bootHr(loadConfig());
  try {
    await runHrCommand(db, command, rest);
  } finally {
    await close();
  }
} catch (error) {
  process.exitCode = reportError(error, { isDebug });
}
