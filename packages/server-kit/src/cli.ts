// An app's command line (npm run jinji -- <command>): `--debug` anywhere shows stack traces; operators
// otherwise read a message, not a trace. An AppError prints its message and fields (exit 1), a wrong
// command line the usage (exit 2). Both apps' CLIs and the composition root's run through here.
import { AppError } from './app-error';
import type { Booted } from './boot';

/** Thrown for a command line the CLI cannot use: the message, then the usage, exit code 2. */
export class UsageError extends Error {}

export function reportCliError(error: unknown, opts: { isDebug: boolean; usage: string }): number {
  if (error instanceof AppError) {
    console.error(`エラー: ${error.message}`);
    for (const f of error.fields ?? []) console.error(`  ${f.path}: ${f.message}`);
    return 1;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    console.error(`エラー: コマンドの指定が正しくありません（${(error as Error).message}）`);
    console.error(opts.usage);
    return 2;
  }
  console.error(`エラー: ${error instanceof Error ? error.message : String(error)}`);
  if (opts.isDebug && error instanceof Error && error.stack) console.error(error.stack);
  else console.error('（詳しい情報は --debug を付けて実行すると表示されます）');
  return 1;
}

/** Parses argv, runs `main(command, rest)` and sets process.exitCode from what it threw. */
export async function runCli(usage: string, main: (command: string | undefined, rest: string[]) => Promise<void>) {
  const argv = process.argv.slice(2);
  const isDebug = argv.includes('--debug');
  const [command, ...rest] = argv.filter((a) => a !== '--debug');
  try {
    await main(command, rest);
  } catch (error) {
    process.exitCode = reportCliError(error, { isDebug, usage });
  }
}

/** One command of an app's CLI: its usage (first line without the command's name; more lines indented) and its run. */
export type CliCommand<Db> = { usage: string; run: (db: Db, args: string[]) => Promise<void> };
export type CliCommands<Db> = Record<string, CliCommand<Db>>;

/** The usage text of a command table; `prefix` names the commands as another CLI runs them (`training:`). */
export function usageOf<Db>(title: string, commands: CliCommands<Db>, prefix = ''): string {
  const lines = Object.entries(commands).map(([name, c]) => {
    const [first, ...more] = c.usage.split('\n');
    const pad = ' '.repeat(prefix.length + name.length + 3);
    return [`  ${prefix}${name}${first ? ` ${first}` : ''}`, ...more.map((l) => `${pad}${l.trimStart()}`)].join('\n');
  });
  return [title, ...lines].filter((l) => l !== '').join('\n');
}

/** Runs `command` from the table; an unknown one is a UsageError (the usage is printed, exit 2). */
export async function runCommand<Db>(commands: CliCommands<Db>, db: Db, command: string | undefined, rest: string[]) {
  const found = command !== undefined && Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!found) throw new UsageError(command ?? '(なし)');
  await found.run(db, rest);
}

/** The `migrate` command of an app's table: the boot has applied the migrations; it says so. */
export const migrateCommand = <Db extends { kind: string }>(done: string): CliCommand<Db> => ({
  usage: '',
  run: async (db) => console.log(`${done} (${db.kind})`),
});

/** An app's own CLI entry (its cli.ts): the usage of its table, then the command on its booted database. */
export const runAppCli = <Db>(title: string, commands: CliCommands<Db>, boot: () => Promise<Booted<Db>>) =>
  runCli(usageOf(title, commands), async (command, rest) => {
    const { db, close } = await boot();
    await runCommand(commands, db, command, rest).finally(close);
  });
