import { appDrizzleConfig } from '@jinji/db/drizzle-config';

export default appDrizzleConfig('apps/hr-server');
