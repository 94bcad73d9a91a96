/*
 * Deduplication factor as PBS shows it: logical bytes referenced by all indexes divided by the
 * bytes the chunks take on disk, from the last GC run (so only as fresh as that run).
 */

export interface DedupInput {
  'index-data-bytes': number;
  'disk-bytes': number;
}

/** `index-data-bytes / disk-bytes`; 1 when GC never ran (no gc-status) or nothing is on disk. */
export function dedupFactor(gcStatus: DedupInput | null | undefined): number {
  if (!gcStatus || !(gcStatus['disk-bytes'] > 0)) return 1;
  return gcStatus['index-data-bytes'] / gcStatus['disk-bytes'];
}

/** Two decimals, as PBS prints it: `3.45`. */
export function formatDedupFactor(factor: number): string {
  return factor.toFixed(2);
}
