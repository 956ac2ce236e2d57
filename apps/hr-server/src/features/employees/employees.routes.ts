import { ZEmployeeListQuery, ZEmployeeListResponse } from '@jinji/contracts/employees';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { listEmployees } from './employees.service';

export const employeeRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/employees',
    {
      config: { access: { kind: 'permission', permission: 'employees.view' } },
      schema: {
        tags: ['employees'],
        summary: '従業員一覧',
        querystring: ZEmployeeListQuery,
        response: { 200: ZEmployeeListResponse },
      },
    },
    async (request) => listEmployees(db, requireAuth(request), request.query),
  );
};
