import { z } from 'zod';
import { bytesSchema, epochSchema } from './common';

/**
 * PBS's pxar entry types in catalog listings: d dir, f file, l symlink, h hardlink, b/c block and
 * char device, p fifo, s socket; `v` is the virtual top level of a catalog (the archives).
 */
export const catalogEntryTypeSchema = z.string();

/**
 * GET /admin/datastore/{store}/catalog items. `filepath` is base64 of the full path; `size` and
 * `mtime` come with files only (PBS leaves them out, not null, elsewhere).
 */
export const catalogEntrySchema = z.object({
  filepath: z.string(),
  text: z.string(),
  type: catalogEntryTypeSchema,
  leaf: z.boolean(),
  size: bytesSchema.nullish(),
  mtime: epochSchema.nullish(),
});
export const catalogListSchema = z.array(catalogEntrySchema);
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
