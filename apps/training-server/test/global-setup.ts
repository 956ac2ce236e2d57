// Vitest global setup (after the kit's): training's template migrated once, outside any hook timeout.
import { templateSetup } from '@jinji/test-kit/app-template';
import { trainingTestTemplate } from './template';

export default templateSetup(trainingTestTemplate);
