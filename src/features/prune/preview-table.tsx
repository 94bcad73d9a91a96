import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format-time';
import { reasonText, type PreviewRow } from '@/lib/prune-preview';

/** How many rows a preview draws; a namespace of thousands of snapshots is summed up, not listed. */
export const PREVIEW_ROW_LIMIT = 300;

interface PreviewTableProps {
  rows: readonly PreviewRow[];
  /** the zone the backup times are shown in (the server's: its days and weeks decide) */
  zone: string;
  /** whether a server dry run is part of this preview */
  withServer: boolean;
  serverPending?: boolean;
}

function ServerCell({ row, pending }: { row: PreviewRow; pending: boolean }) {
  if (row.server === undefined)
    return <span className="text-neutral-600 italic dark:text-neutral-400">{pending ? 'asking…' : 'not listed'}</span>;
  return <Badge tone={row.server ? 'ok' : 'error'}>{row.server ? 'keep' : 'remove'}</Badge>;
}

/** Snapshot by snapshot: what the local rules decide and why, and what the server's dry run says. */
export function PreviewTable({ rows, zone, withServer, serverPending = false }: PreviewTableProps) {
  const shown = rows.slice(0, PREVIEW_ROW_LIMIT);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">Prune preview, snapshot by snapshot</caption>
        <thead className="text-neutral-600 dark:text-neutral-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Group
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Backup time ({zone})
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Local rules
            </th>
            {withServer ? (
              <th scope="col" className="py-1 pr-3 font-medium">
                Server dry run
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr
              key={`${r.group}/${r.time}`}
              data-testid="prune-preview-row"
              className={
                r.disagree
                  ? 'border-t border-amber-400 bg-amber-50 dark:bg-amber-950/40'
                  : 'border-t border-neutral-200 dark:border-neutral-700'
              }
            >
              <td className="py-1 pr-3 font-mono">{r.group}</td>
              <td className="py-1 pr-3">{formatDateTime(r.time, { timeZone: zone })}</td>
              <td className="py-1 pr-3">
                <Badge tone={r.keep ? 'ok' : 'error'}>{r.keep ? 'keep' : 'remove'}</Badge>{' '}
                <span>{reasonText(r.reason)}</span>
              </td>
              {withServer ? (
                <td className="py-1 pr-3">
                  <ServerCell row={r} pending={serverPending} />
                  {r.disagree && r.server !== undefined ? (
                    <strong className="ml-1 text-amber-900 dark:text-amber-200">differs</strong>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length ? (
        <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          Showing the first {shown.length} of {rows.length} snapshots.
        </p>
      ) : null}
    </div>
  );
}
