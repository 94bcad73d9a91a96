import { z } from 'zod';
import { bytesSchema, countSchema, epochSchema } from './common';
import { gcStatusSchema } from './gc';
import { labelOf, listOf, openEnum } from './tolerant';

export const mountStatusSchema = openEnum(['mounted', 'notmounted', 'nonremovable']);
export type MountStatus = z.infer<typeof mountStatusSchema>;
export const backendTypeSchema = openEnum(['filesystem', 's3']);
export type BackendType = z.infer<typeof backendTypeSchema>;

/** GET /admin/datastore: `comment` is null when unset (or when only a namespace below is visible). */
export const datastoreListItemSchema = z.object({
  store: z.string(),
  comment: z.string().nullable(),
  maintenance: z.string().optional(),
  'mount-status': mountStatusSchema.optional(),
  'backend-type': backendTypeSchema.optional(),
});
export const datastoreListSchema = listOf(datastoreListItemSchema, 'datastores', labelOf('store'));
export type DatastoreListItem = z.infer<typeof datastoreListItemSchema>;

const typeCountsSchema = z.object({ groups: countSchema, snapshots: countSchema });

/** GET /admin/datastore/{store}/status; `counts` and `gc-status` only with verbose=1. */
export const datastoreStatusSchema = z.object({
  total: bytesSchema,
  used: bytesSchema,
  avail: bytesSchema,
  counts: z
    .object({
      ct: typeCountsSchema.optional(),
      host: typeCountsSchema.optional(),
      vm: typeCountsSchema.optional(),
      other: typeCountsSchema.optional(),
    })
    .optional(),
  'gc-status': gcStatusSchema.optional(),
  'backend-type': backendTypeSchema.optional(),
  's3-statistics': z
    .object({
      downloaded: bytesSchema,
      uploaded: bytesSchema,
      get: countSchema,
      post: countSchema,
      put: countSchema,
      head: countSchema,
      delete: countSchema,
    })
    .optional(),
});
export type DatastoreStatus = z.infer<typeof datastoreStatusSchema>;

/**
 * GET /status/datastore-usage items. Stores visible only through a namespace, or whose lookup
 * failed (`error`), come with `store` alone; `estimated-full-date` is absent with too few points.
 */
export const datastoreUsageItemSchema = z.object({
  store: z.string(),
  total: bytesSchema.optional(),
  used: bytesSchema.optional(),
  avail: bytesSchema.optional(),
  history: z.array(z.number().nullable()).optional(),
  'history-start': epochSchema.optional(),
  'history-delta': z.number().int().positive().optional(),
  'estimated-full-date': epochSchema.optional(),
  error: z.string().optional(),
  'gc-status': gcStatusSchema.optional(),
  'mount-status': mountStatusSchema.optional(),
  'backend-type': backendTypeSchema.optional(),
});
export const datastoreUsageSchema = listOf(datastoreUsageItemSchema, 'datastore-usage', labelOf('store'));
export type DatastoreUsageItem = z.infer<typeof datastoreUsageItemSchema>;

/** One slot of GET /admin/datastore/{store}/rrd; keys without data are omitted, io_ticks never on ZFS. */
export const datastoreRrdRowSchema = z.object({
  time: epochSchema,
  total: z.number().optional(),
  used: z.number().optional(),
  available: z.number().optional(),
  read_ios: z.number().optional(),
  write_ios: z.number().optional(),
  read_bytes: z.number().optional(),
  write_bytes: z.number().optional(),
  io_ticks: z.number().optional(),
});
export const datastoreRrdSchema = z.array(datastoreRrdRowSchema);
export type DatastoreRrdRow = z.infer<typeof datastoreRrdRowSchema>;

/** GET /admin/datastore/{store}/active-operations. */
export const activeOperationsSchema = z.object({ read: countSchema, write: countSchema });
export type ActiveOperations = z.infer<typeof activeOperationsSchema>;
