import { z } from 'zod';
import { countSchema } from './common';
import { labelOf, listOf } from './tolerant';
import { jobScheduleStatusSchema } from './verify';

const keep = z.number().int().positive().optional();

/**
 * A prune job as /config/prune stores it. `disable` is left out while false; `schedule` is required
 * by PBS but kept optional here so one odd row cannot hide the whole jobs page.
 */
export const pruneJobConfigSchema = z.object({
  id: z.string(),
  store: z.string(),
  schedule: z.string().optional(),
  disable: z.boolean().optional(),
  comment: z.string().optional(),
  ns: z.string().optional(),
  'max-depth': countSchema.optional(),
  'keep-last': keep,
  'keep-hourly': keep,
  'keep-daily': keep,
  'keep-weekly': keep,
  'keep-monthly': keep,
  'keep-yearly': keep,
});
export type PruneJobConfig = z.infer<typeof pruneJobConfigSchema>;

/** GET /admin/prune items: the config with JobScheduleStatus flattened in (no `next-run` while disabled). */
export const pruneJobStatusSchema = pruneJobConfigSchema.extend(jobScheduleStatusSchema.shape);
export const pruneJobStatusListSchema = listOf(pruneJobStatusSchema, 'prune-jobs', labelOf('id'));
export type PruneJobStatus = z.infer<typeof pruneJobStatusSchema>;

/**
 * A sync job as /config/sync stores it. Rate limits are HumanByte strings (`10MiB`); PBS 3.3+/4 adds
 * push direction and the flags below, older servers leave them out.
 */
export const syncJobConfigSchema = z.object({
  id: z.string(),
  store: z.string(),
  ns: z.string().optional(),
  owner: z.string().optional(),
  remote: z.string().optional(),
  'remote-store': z.string(),
  'remote-ns': z.string().optional(),
  'remove-vanished': z.boolean().optional(),
  'max-depth': countSchema.optional(),
  comment: z.string().optional(),
  schedule: z.string().optional(),
  'group-filter': z.array(z.string()).optional(),
  'rate-in': z.string().optional(),
  'burst-in': z.string().optional(),
  'rate-out': z.string().optional(),
  'burst-out': z.string().optional(),
  'transfer-last': z.number().int().positive().optional(),
  'sync-direction': z.string().optional(),
  'resync-corrupt': z.boolean().optional(),
  'encrypted-only': z.boolean().optional(),
  'verified-only': z.boolean().optional(),
  'run-on-mount': z.boolean().optional(),
  'unmount-on-done': z.boolean().optional(),
  'worker-threads': z.number().int().optional(),
});
export type SyncJobConfig = z.infer<typeof syncJobConfigSchema>;

/** GET /admin/sync items. */
export const syncJobStatusSchema = syncJobConfigSchema.extend(jobScheduleStatusSchema.shape);
export const syncJobStatusListSchema = listOf(syncJobStatusSchema, 'sync-jobs', labelOf('id'));
export type SyncJobStatus = z.infer<typeof syncJobStatusSchema>;
