// HR's boot for every entry point (server.ts, cli.ts): the kit's boot with HR's database and migrations.

import { bootApp } from '@jinji/server-kit/boot';
import type { Config } from './config';
import { hrDatabase } from './db/client';

export function bootHr(config: Pick<Config, 'databaseUrl' | 'dataDir'>) {
  return bootApp(config, hrDatabase);
}
