// Vitest global setup of a server project (after the kit's, which names the run): HR's template is
// migrated here once, outside every test file's hook timeout.
import { templateSetup } from '@jinji/test-kit/app-template';
import { hrTestTemplate } from './template';

export default templateSetup(hrTestTemplate);
