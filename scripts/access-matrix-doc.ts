import { renderAccessMatrixDoc } from '../packages/contracts/src/hr/access-matrix-doc';

process.stdout.write(renderAccessMatrixDoc());
