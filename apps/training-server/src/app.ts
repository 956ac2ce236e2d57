// Training on the kit: its database, its auth kit and its features' routes in order. buildTrainingApp()
// is the app (tests); servedTraining() one of a process's apps (server.ts, `npm start`).
import { defineKitApp } from '@jinji/server-kit/kit-app';
import type { TrainingConfig } from './config';
import { type TrainingDb, trainingDatabase } from './db/database';
import { mailOutbox } from './db/schema/index';
import { applicationRoutes } from './features/applications/applications.routes';
import { trainingAuthRoutes } from './features/auth/auth.routes';
import { resolveTrainingSession } from './features/auth/auth.service';
import { courseRoutes } from './features/courses/courses.routes';
import { scimFeatureRoutes } from './features/scim/scim.routes';
import { resolveScimToken } from './features/scim/scim.service';
import { trainingUserRoutes } from './features/users/users.routes';
import { trainingAuth } from './plugins/auth';

export const { build: buildTrainingApp, served: servedTraining } = defineKitApp({
  name: 'jinji training',
  jobsSchema: 'pgboss_training',
  mailOutbox,
  database: trainingDatabase,
  openapi: {
    title: '研修申込システム API',
    version: '0.1.0',
    description: 'jinji 研修申込システム HTTP API',
    securitySchemes: {
      scimBearer: { type: 'http', scheme: 'bearer', description: '連携設定で発行した SCIM トークン' },
    },
  },
  webName: 'training',
  auth: ({ db, config }: { db: TrainingDb; config: TrainingConfig }) => ({
    kit: trainingAuth,
    resolveSession: (token) => resolveTrainingSession(db, config, token),
    resolveService: (token) => resolveScimToken(db, token),
  }),
  routes: [trainingAuthRoutes, scimFeatureRoutes, trainingUserRoutes, courseRoutes, applicationRoutes],
});
