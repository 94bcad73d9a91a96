import { z } from 'zod';
import { backupTypeSchema, bytesSchema, countSchema, epochSchema, listedBackupTypeSchema } from './common';
import { labelOf, listOf, openEnum } from './tolerant';

/** GET /admin/datastore/{store}/namespace; the root (and the `parent` itself) is listed as `ns: ""`. */
export const namespaceItemSchema = z.object({
  ns: z.string(),
  comment: z.string().optional(),
});
export const namespaceListSchema = listOf(namespaceItemSchema, 'namespaces', labelOf('ns'));
export type NamespaceItem = z.infer<typeof namespaceItemSchema>;

/** GET /admin/datastore/{store}/groups. Unlike snapshots, `files` is a list of file names. */
export const groupItemSchema = z.object({
  'backup-type': listedBackupTypeSchema,
  'backup-id': z.string(),
  'last-backup': epochSchema,
  'backup-count': countSchema,
  files: z.array(z.string()),
  owner: z.string().optional(),
  comment: z.string().optional(),
});
export const groupListSchema = listOf(groupItemSchema, 'groups', labelOf('backup-type', 'backup-id'));
export type GroupItem = z.infer<typeof groupItemSchema>;

export const cryptModeSchema = openEnum(['none', 'encrypt', 'sign-only']);
export type CryptMode = z.infer<typeof cryptModeSchema>;

/** A snapshot's file; extra files such as client.log.blob come without size and crypt-mode. */
export const snapshotFileSchema = z.object({
  filename: z.string(),
  size: bytesSchema.optional(),
  'crypt-mode': cryptModeSchema.optional(),
});
export const snapshotFilesSchema = z.array(snapshotFileSchema);
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

export const verifyStateSchema = openEnum(['ok', 'failed']);
export type VerifyState = z.infer<typeof verifyStateSchema>;

/**
 * GET /admin/datastore/{store}/snapshots items. `size` is absent for unfinished snapshots,
 * `verification` for unverified ones. PBS always writes `files`, `protected` and the verification
 * `upid`; a real (trimmed) PBS 4.2 sample lacks them, so they are optional here.
 */
export const snapshotItemSchema = z.object({
  'backup-type': listedBackupTypeSchema,
  'backup-id': z.string(),
  'backup-time': epochSchema,
  files: z.array(snapshotFileSchema).optional(),
  size: bytesSchema.optional(),
  owner: z.string().optional(),
  comment: z.string().optional(),
  verification: z.object({ state: verifyStateSchema, upid: z.string().optional() }).optional(),
  protected: z.boolean().optional(),
  fingerprint: z.string().optional(),
});
export const snapshotListSchema = listOf(snapshotItemSchema, 'snapshots', labelOf('backup-type', 'backup-id'));
export type SnapshotItem = z.infer<typeof snapshotItemSchema>;

/** POST /admin/datastore/{store}/prune (dry-run or use-task=0): oldest first; `ns` only off the root. */
export const pruneItemSchema = z.object({
  'backup-type': backupTypeSchema,
  'backup-id': z.string(),
  'backup-time': epochSchema,
  keep: z.boolean(),
  // PBS 3.2 does not send it; 4.x does.
  protected: z.boolean().optional(),
  ns: z.string().optional(),
});
export const pruneResultSchema = z.array(pruneItemSchema);
export type PruneItem = z.infer<typeof pruneItemSchema>;
