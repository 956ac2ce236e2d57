import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** set by global-setup.ts: HR's data directory, migrated once for the run */
export const HR_DATA_DIR_TEMPLATE_ENV = 'JINJI_E2E_HR_DATA_DIR';

/** set by global-setup.ts: training's data directory, migrated once for the run */
export const TRAINING_DATA_DIR_TEMPLATE_ENV = 'JINJI_E2E_TRAINING_DATA_DIR';
