// npm run jinji -- training:<command> runs these with HR; this entry runs them for training alone.
import { trainingApp } from './app';

await trainingApp.runCli();
