import { Link } from 'react-router';
import { Bytes } from '@/components/ui/bytes';
import type { BackupLogStats } from '@/lib/upload-stats';

const cell = 'px-2 py-1 text-right tabular-nums';
const unknown = '—';

/** Per-archive lines of the backup task log: size, uploaded, reused chunks, compression. */
export function ArchiveStatsTable({ upid, stats }: { upid: string; stats: BackupLogStats }) {
  return (
    <div className="space-y-1">
      {/* no scroll container: the cells wrap, so it fits a phone and needs no sideways scrolling */}
      <div>
        <table className="w-full text-xs">
          <caption className="sr-only">Per archive, from the backup task log</caption>
          <thead className="text-left text-xs text-neutral-700 dark:text-neutral-300">
            <tr>
              <th className="px-2 py-1 font-medium">Archive</th>
              <th className="px-2 py-1 text-right font-medium">Size</th>
              <th className="px-2 py-1 text-right font-medium">Uploaded</th>
              <th className="px-2 py-1 text-right font-medium">Reused chunks</th>
              <th className="px-2 py-1 text-right font-medium">Compression</th>
            </tr>
          </thead>
          <tbody>
            {stats.archives.map((a) => (
              <tr key={a.archive} className="border-t border-neutral-200 dark:border-neutral-700">
                <td className="px-2 py-1 font-mono break-all">{a.archive}</td>
                <td className={cell}>
                  <Bytes value={a.size} />
                </td>
                <td className={cell}>
                  {a.uploadedBytes === undefined ? (
                    unknown
                  ) : (
                    <>
                      <Bytes value={a.uploadedBytes} /> ({a.uploadedPercent}%)
                    </>
                  )}
                </td>
                <td className={cell}>
                  {a.clientDuplicates === undefined
                    ? a.uploadedBytes === undefined
                      ? unknown
                      : '0'
                    : `${(a.clientDuplicates + (a.serverDuplicates ?? 0)).toLocaleString()} of ${a.chunkCount.toLocaleString()} (${a.duplicatePercent}%)`}
                </td>
                <td className={cell}>{a.compressionPercent === undefined ? unknown : `${a.compressionPercent}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Link
        to={`/tasks/${encodeURIComponent(upid)}`}
        className="text-xs text-accent-700 underline dark:text-accent-300"
      >
        Backup task log
      </Link>
    </div>
  );
}
