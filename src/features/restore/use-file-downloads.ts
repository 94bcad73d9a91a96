import { useQueryClient } from '@tanstack/react-query';
import { predictLength } from 'client-zip';
import { useMemo } from 'react';
import { downloadName, selectionName, type DirectoryFormat } from '@/lib/download-name';
import { bodyOf, downloadPxar, restoreQueries, type ArchiveRef } from './api';
import { toFileEntry, type FileEntry } from './entry';
import { collectZipItems, zipStream, type ListDir, type OpenFile, type ZipItem } from './selection-zip';
import type { Downloads } from './use-downloads';

/** The exact size of the zip client-zip will write for these items. */
function zipLength(items: readonly ZipItem[]): number {
  return Number(
    predictLength(items.map((i) => (i.dir ? { name: `${i.name}/` } : { name: i.name, size: i.size ?? 0 }))),
  );
}

/** Starts the downloads of the archive's files: one file, a folder packed by PBS, or a selection zipped here. */
export function useFileDownloads(archive: ArchiveRef, downloads: Downloads) {
  const client = useQueryClient();
  const { type, id } = archive;
  const { start } = downloads;
  return useMemo(() => {
    const listDir: ListDir = async (path) =>
      (await client.fetchQuery(restoreQueries.catalog(archive, path))).map(toFileEntry);
    const openFile: OpenFile = async (path, signal) => bodyOf(await downloadPxar(archive, path, { signal }));
    return {
      file: (e: FileEntry) =>
        start({ name: downloadName(type, id, e.name), total: e.size, open: (signal) => openFile(e.path, signal) }),
      folder: (path: string, name: string, format: DirectoryFormat) =>
        start({
          name: downloadName(type, id, name, format),
          open: async (signal) => bodyOf(await downloadPxar(archive, path, { signal, tar: format === 'tar.zst' })),
        }),
      selection: (entries: readonly FileEntry[], dirName: string) =>
        start({
          name: selectionName(type, id, dirName),
          total: entries.reduce((sum, e) => sum + (e.type === 'd' ? 0 : (e.size ?? 0)), 0),
          open: async (signal, setTotal) => {
            const { items } = await collectZipItems(entries, listDir, signal);
            const sizesKnown = items.every((i) => i.dir || i.size !== undefined);
            if (sizesKnown) setTotal(zipLength(items));
            return zipStream(items, openFile, signal);
          },
        }),
    };
  }, [archive, client, start, type, id]);
}
