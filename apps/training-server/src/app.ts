// Training on the kit, in one declaration: its database, config, commands, auth kit and its features'
// routes in order. trainingApp.build() is the app (tests), served() one of a process's apps (`npm start`),
// serveAlone() and runCli() its own entries (server.ts, cli.ts).
import { defineKitApp } from '@jinji/server-kit/kit-app';
import { trainingAuth } from './access';
import { loadTrainingConfig } from './config';
import { trainingDatabase } from './db/database';
import { mailOutbox } from './db/schema/index';
import { applicationRoutes } from './features/applications/applications.routes';
import { trainingAuthRoutes } from './features/auth/auth.routes';
import { resolveTrainingSession } from './features/auth/auth.service';
import { courseRoutes } from './features/courses/courses.routes';
import { organisationCreateCommand } from './features/organisations/organisations.cli';
import { scimFeatureRoutes, scimSecuritySchemes } from './features/scim/scim.routes';
import { resolveScimToken } from './features/scim/scim.service';
import { trainingUserRoutes } from './features/users/users.routes';

export const trainingApp = defineKitApp({
  name: 'jinji training',
  jobsSchema: 'pgboss_training',
  mailOutbox,
  database: trainingDatabase,
  loadConfig: loadTrainingConfig,
  cli: {
    title: '使い方（研修申込システム）:',
    migrated: '研修申込システムのマイグレーションを適用しました',
    commands: { 'organisation:create': organisationCreateCommand },
  },
  openapi: {
    title: '研修申込システム API',
    version: '0.1.0',
    description: 'jinji 研修申込システム HTTP API',
    securitySchemes: scimSecuritySchemes,
  },
  webName: 'training',
  auth: ({ db, config }) => ({
    kit: trainingAuth,
    resolveSession: (token) => resolveTrainingSession(db, config, token),
    resolveService: (token) => resolveScimToken(db, token),
  }),
  routes: [trainingAuthRoutes, scimFeatureRoutes, trainingUserRoutes, courseRoutes, applicationRoutes],
});
