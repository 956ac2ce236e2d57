// HR alone: boot, the app and its job queue, and the kit's listen and graceful close — nothing else.
import { serveAlone } from '@jinji/server-kit/run-apps';
import { servedHr } from './app';
import { loadConfig } from './config';
import { hrDatabase } from './db/client';

await serveAlone(loadConfig(), hrDatabase, servedHr);
