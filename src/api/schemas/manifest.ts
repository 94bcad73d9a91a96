import { z } from 'zod';
import { bytesSchema, countSchema, epochSchema, listedBackupTypeSchema } from './common';
import { cryptModeSchema, verifyStateSchema } from './content';

/** `unprotected.chunk_upload_stats`: what the backup uploaded, summed over its indexes (pbs-formats.md §5, §6.2). */
export const chunkUploadStatsSchema = z.object({
  count: countSchema,
  size: bytesSchema,
  compressed_size: bytesSchema,
  duplicates: countSchema,
});
export type ChunkUploadStats = z.infer<typeof chunkUploadStatsSchema>;

export const manifestFileSchema = z.object({
  filename: z.string(),
  'crypt-mode': cryptModeSchema.optional(),
  csum: z.string().optional(),
  size: bytesSchema.optional(),
});

/**
 * index.json.blob as `download-decoded` returns it: the JSON itself, no `{data}` envelope. `unprotected` may
 * hold keys PBS adds later; they are kept.
 */
export const manifestSchema = z.object({
  'backup-type': listedBackupTypeSchema,
  'backup-id': z.string(),
  'backup-time': epochSchema,
  files: z.array(manifestFileSchema),
  signature: z.string().nullable().optional(),
  unprotected: z
    .looseObject({
      'key-fingerprint': z.string().optional(),
      chunk_upload_stats: chunkUploadStatsSchema.optional(),
      verify_state: z.object({ state: verifyStateSchema, upid: z.string().optional() }).optional(),
      notes: z.string().optional(),
    })
    .optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;
