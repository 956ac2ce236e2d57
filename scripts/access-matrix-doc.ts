import { renderAccessMatrixDoc } from '../packages/contracts/src/access-matrix-doc';

process.stdout.write(renderAccessMatrixDoc());
