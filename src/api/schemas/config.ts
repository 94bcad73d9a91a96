import { z } from 'zod';
import { openEnum } from './tolerant';

const keep = z.number().int().positive().optional();

/**
 * GET /config/datastore (list, with `digest`) and /config/datastore/{name}. Property strings
 * (`tuning`, `maintenance-mode`, `notify`, `backend`) stay strings.
 */
export const datastoreConfigSchema = z.object({
  name: z.string(),
  path: z.string(),
  comment: z.string().optional(),
  'gc-schedule': z.string().optional(),
  'prune-schedule': z.string().optional(),
  'keep-last': keep,
  'keep-hourly': keep,
  'keep-daily': keep,
  'keep-weekly': keep,
  'keep-monthly': keep,
  'keep-yearly': keep,
  'verify-new': z.boolean().optional(),
  'notify-user': z.string().optional(),
  notify: z.string().optional(),
  'notification-mode': openEnum(['legacy-sendmail', 'notification-system']).optional(),
  tuning: z.string().optional(),
  'maintenance-mode': z.string().optional(),
  'backing-device': z.string().optional(),
  backend: z.string().optional(),
});
export const datastoreConfigListSchema = z.array(datastoreConfigSchema);
export type DatastoreConfig = z.infer<typeof datastoreConfigSchema>;

/** A verification job as stored in /config/verify. */
export const verifyJobConfigSchema = z.object({
  id: z.string(),
  store: z.string(),
  ns: z.string().optional(),
  'max-depth': z.number().int().min(0).optional(),
  'ignore-verified': z.boolean().optional(),
  'outdated-after': z.number().int().optional(),
  schedule: z.string().optional(),
  comment: z.string().optional(),
  'read-threads': z.number().int().optional(),
  'verify-threads': z.number().int().optional(),
});
export const verifyJobConfigListSchema = z.array(verifyJobConfigSchema);
export type VerifyJobConfig = z.infer<typeof verifyJobConfigSchema>;
