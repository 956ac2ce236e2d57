import { z } from 'zod';

/** GET /api/health: as before the split (scripts and tests wait on it): the database answered. */
export const ZHealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
});
export type THealthResponse = z.infer<typeof ZHealthResponse>;

/** GET /api/health/live: the process runs and serves HTTP; it asks nothing of the database. */
export const ZLivenessResponse = z.object({ status: z.literal('ok') });
export type TLivenessResponse = z.infer<typeof ZLivenessResponse>;

export const READINESS_CHECKS = ['database', 'migrations', 'jobs'] as const;

/** One check of readiness: its outcome and how long it took; no message, host, secret or personal value. */
export const ZReadinessCheck = z.object({
  name: z.enum(READINESS_CHECKS),
  status: z.enum(['ok', 'failed', 'timeout']),
  ms: z.number().int().nonnegative(),
});
export type TReadinessCheck = z.infer<typeof ZReadinessCheck>;

/**
 * GET /api/health/ready: 200 when every check passed, 503 otherwise (a load balancer sends no traffic):
 * the database answers within the timeout, it holds every migration of this build, the job worker runs.
 */
export const ZReadinessResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['pglite', 'postgres']),
  checks: z.array(ZReadinessCheck),
});
export type TReadinessResponse = z.infer<typeof ZReadinessResponse>;
