// /api/v1/courses: 公開講座 search and detail (courses.view), the admin's writes (courses.manage); and
// /api/link/v1/catalog, HR's read of the catalog by cursor.
import { ZCatalogQuery, ZCatalogResponse } from '@jinji/contracts/link/catalog';
import { can } from '@jinji/contracts/training/access';
import {
  ZCourseDetail,
  ZCourseIdParams,
  ZCourseInput,
  ZCourseSearchQuery,
  ZCourseSearchResponse,
  ZCourseSession,
  ZSessionIdParams,
  ZSessionInput,
} from '@jinji/contracts/training/courses';
import type { MailWorker } from '@jinji/mail/worker';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, trainingAuth } from '../../access';
import type { TrainingConfig } from '../../config';
import type { TrainingDb } from '../../db/database';
import { serviceRoute } from '../scim/service-route';
import * as service from './courses.service';

const tags = ['courses'];

export const courseRoutes: FastifyPluginAsyncZod<{
  db: TrainingDb;
  mail: MailWorker;
  config: Pick<TrainingConfig, 'scim' | 'publicUrl'>;
}> = async (app, { db, mail, config }) => {
  const { publicUrl } = config;
  const view = { config: can('courses.view') };
  const manage = { config: can('courses.manage') };

  app.get(
    '/api/v1/courses',
    {
      ...view,
      schema: {
        tags,
        summary: '公開講座の検索',
        querystring: ZCourseSearchQuery,
        response: { 200: ZCourseSearchResponse },
      },
    },
    async (req) => service.searchCourses(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/courses/:courseId',
    { ...view, schema: { tags, summary: '講座詳細', params: ZCourseIdParams, response: { 200: ZCourseDetail } } },
    async (req) => service.getCourse(db, requireActor(req), req.params.courseId),
  );

  app.post(
    '/api/v1/courses',
    { ...manage, schema: { tags, summary: '講座の登録', body: ZCourseInput, response: { 201: ZCourseDetail } } },
    async (req, reply) => reply.code(201).send(await service.createCourse(db, requireActor(req), req.body)),
  );

  app.put(
    '/api/v1/courses/:courseId',
    {
      ...manage,
      schema: {
        tags,
        summary: '講座の変更',
        params: ZCourseIdParams,
        body: ZCourseInput,
        response: { 200: ZCourseDetail },
      },
    },
    async (req) => service.updateCourse(db, requireActor(req), req.params.courseId, req.body),
  );

  app.delete(
    '/api/v1/courses/:courseId',
    { ...manage, schema: { tags, summary: '講座の削除', params: ZCourseIdParams } },
    async (req, reply) => {
      await service.deleteCourse(db, requireActor(req), req.params.courseId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/courses/:courseId/sessions',
    {
      ...manage,
      schema: {
        tags,
        summary: '開催日程の登録',
        params: ZCourseIdParams,
        body: ZSessionInput,
        response: { 201: ZCourseSession },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createSession(db, requireActor(req), req.params.courseId, req.body)),
  );

  app.put(
    '/api/v1/courses/:courseId/sessions/:sessionId',
    {
      ...manage,
      schema: {
        tags,
        summary: '開催日程の変更',
        params: ZSessionIdParams,
        body: ZSessionInput,
        response: { 200: ZCourseSession },
      },
    },
    async (req) =>
      service.updateSession(
        { db, mail, publicUrl },
        requireActor(req),
        req.params.courseId,
        req.params.sessionId,
        req.body,
      ),
  );

  app.delete(
    '/api/v1/courses/:courseId/sessions/:sessionId',
    { ...manage, schema: { tags, summary: '開催日程の削除', params: ZSessionIdParams } },
    async (req, reply) => {
      await service.deleteSession(db, requireActor(req), req.params.courseId, req.params.sessionId);
      return reply.code(204).send();
    },
  );

  // HR reads it with the organisation's bearer token (the SCIM token, decision 016), not a session
  app.get(
    '/api/link/v1/catalog',
    {
      config: serviceRoute(config),
      schema: {
        tags: ['link'],
        summary: '講座カタログの変更分（HR連携）',
        querystring: ZCatalogQuery,
        response: { 200: ZCatalogResponse },
      },
    },
    async (req) => service.listCatalogChanges(db, trainingAuth.serviceOf(req), req.query),
  );
};
