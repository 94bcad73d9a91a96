import { z } from 'zod';
import { epochSchema } from './common';
import { verifyJobConfigSchema } from './config';
import { labelOf, listOf } from './tolerant';

/** JobScheduleStatus: every key is absent until it applies (`last-run-state` also while running). */
export const jobScheduleStatusSchema = z.object({
  'next-run': epochSchema.optional(),
  'last-run-state': z.string().optional(),
  'last-run-upid': z.string().optional(),
  'last-run-endtime': epochSchema.optional(),
});
export type JobScheduleStatus = z.infer<typeof jobScheduleStatusSchema>;

/** GET /admin/verify items: the job config with its schedule status flattened in. */
export const verifyJobStatusSchema = verifyJobConfigSchema.extend(jobScheduleStatusSchema.shape);
export const verifyJobStatusListSchema = listOf(verifyJobStatusSchema, 'verify-jobs', labelOf('id'));
export type VerifyJobStatus = z.infer<typeof verifyJobStatusSchema>;
