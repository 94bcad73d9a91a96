import type { ReactNode } from 'react';
import { Bytes } from '@/components/ui/bytes';
import type { UploadSummary } from '@/lib/upload-stats';

/** The manifest's totals as label/value pairs. */
export function UploadFigures({ summary }: { summary: UploadSummary }) {
  const rows: [string, ReactNode][] = [
    ['Uploaded (new since the previous backup)', <Bytes key="u" value={summary.uploadedBytes} />],
    ['Stored compressed', <Bytes key="c" value={summary.compressedBytes} />],
    [
      'Compression',
      summary.compressionRatio === undefined
        ? 'nothing uploaded'
        : `${Math.round(summary.compressionRatio * 100)}% of the size`,
    ],
    ['Chunks uploaded', summary.uploadedChunks.toLocaleString()],
    ['…of which the datastore already had', summary.serverDuplicates.toLocaleString()],
    ['New chunks in the datastore', summary.newChunks.toLocaleString()],
  ];
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-neutral-700 dark:text-neutral-300">{label}</dt>
          <dd className="text-right tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
