// Training alone (a PostgreSQL deployment of its own): the kit's boot, the app, listen.
import { trainingApp } from './app';

await trainingApp.serveAlone();
