import { ZHealthResponse } from '@jinji/contracts/common/health';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';

export const healthRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and database kind', response: { 200: ZHealthResponse } } },
    async () => {
      await db.executeSql('select 1');
      return { status: 'ok' as const, database: db.kind };
    },
  );
};
