import { appDrizzleConfig } from '@jinji/db/drizzle-config';

export default appDrizzleConfig('apps/training-server', ['training']);
