import { z } from 'zod';
import { bytesSchema, countSchema, epochSchema } from './common';
import { labelOf, listOf } from './tolerant';

/**
 * GarbageCollectionStatus: counters of the last completed GC. `upid` is null (not omitted) when
 * GC never ran; `cache-stats` exists since PBS 4.
 */
export const gcStatusSchema = z.object({
  upid: z.string().nullable(),
  'index-file-count': countSchema,
  'index-data-bytes': bytesSchema,
  'disk-bytes': bytesSchema,
  'disk-chunks': countSchema,
  'removed-bytes': bytesSchema,
  'removed-chunks': countSchema,
  'pending-bytes': bytesSchema,
  'pending-chunks': countSchema,
  'removed-bad': countSchema,
  'still-bad': countSchema,
  'cache-stats': z.object({ hits: countSchema, misses: countSchema }).optional(),
});
export type GcStatus = z.infer<typeof gcStatusSchema>;

/** GET /admin/datastore/{store}/gc and the items of GET /admin/gc: the status flattened plus job fields. */
export const gcJobStatusSchema = gcStatusSchema.extend({
  store: z.string(),
  schedule: z.string().optional(),
  'next-run': epochSchema.optional(),
  'last-run-state': z.string().optional(),
  'last-run-endtime': epochSchema.optional(),
  duration: z.number().int().optional(),
});
export const gcJobListSchema = listOf(gcJobStatusSchema, 'gc-jobs', labelOf('store'));
export type GcJobStatus = z.infer<typeof gcJobStatusSchema>;
