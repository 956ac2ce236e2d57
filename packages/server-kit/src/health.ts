import { ZHealthResponse } from '@jinji/contracts/common/health';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** What health needs of a database: its kind, and a round trip. */
export type HealthDatabase = { kind: 'pglite' | 'postgres'; executeSql(text: string): Promise<unknown> };

// Liveness for load balancers and the server test: answers only when the database answers.
export const healthRoutes: FastifyPluginAsyncZod<{ db: HealthDatabase }> = async (app, { db }) => {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and database kind', response: { 200: ZHealthResponse } } },
    async () => {
      await db.executeSql('select 1');
      return { status: 'ok' as const, database: db.kind };
    },
  );
};
