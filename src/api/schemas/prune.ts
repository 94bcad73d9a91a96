import { z } from 'zod';
import { epochSchema } from './common';

const keep = z.number().int().positive().optional();

/** keep-last … keep-yearly (pbs-api-types KeepOptions): all optional integers ≥ 1. */
export const keepOptionsSchema = z.object({
  'keep-last': keep,
  'keep-hourly': keep,
  'keep-daily': keep,
  'keep-weekly': keep,
  'keep-monthly': keep,
  'keep-yearly': keep,
});

/**
 * A prune job of /config/prune (PruneJobConfig). `schedule` is required by PBS; `disable` is written
 * only when true; `ns` is absent for the root namespace.
 */
export const pruneJobConfigSchema = keepOptionsSchema.extend({
  id: z.string(),
  store: z.string(),
  schedule: z.string(),
  disable: z.boolean().optional(),
  comment: z.string().optional(),
  ns: z.string().optional(),
  'max-depth': z.number().int().min(0).optional(),
});
export type PruneJobConfig = z.infer<typeof pruneJobConfigSchema>;

/** GET /admin/prune items: the config plus JobScheduleStatus (`next-run` absent while disabled). */
export const pruneJobStatusSchema = pruneJobConfigSchema.extend({
  'next-run': epochSchema.optional(),
  'last-run-state': z.string().optional(),
  'last-run-upid': z.string().optional(),
  'last-run-endtime': epochSchema.optional(),
});
export const pruneJobStatusListSchema = z.array(pruneJobStatusSchema);
export type PruneJobStatus = z.infer<typeof pruneJobStatusSchema>;
