// HR alone: boot, the app and its job queue, and the kit's listen and graceful close — nothing else.
import { runApps } from '@jinji/server-kit/run-apps';
import { servedHr } from './app';
import { bootHr } from './boot';
import { loadConfig } from './config';

const config = loadConfig();
await runApps({ boot: () => bootHr(config), apps: (db) => [servedHr(config, db)] });
