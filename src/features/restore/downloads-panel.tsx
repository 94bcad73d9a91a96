import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { formatBytes } from '@/lib/format-bytes';
import type { DownloadJob, Downloads } from './use-downloads';

function progressText(j: DownloadJob): string {
  const done = formatBytes(j.bytes);
  if (j.state === 'done') return `Saved, ${done}`;
  if (j.state === 'cancelled') return `Cancelled after ${done}`;
  if (j.state === 'failed') return `Failed after ${done}`;
  return j.total ? `${done} of ${formatBytes(j.total)}` : `${done} so far`;
}

/** What is being downloaded, with progress in bytes and a way to stop it. */
export function DownloadsPanel({ downloads }: { downloads: Downloads }) {
  const { jobs, pending } = downloads;
  return (
    <>
      {jobs.length > 0 ? (
        <section
          aria-label="Downloads"
          className="space-y-2 rounded-md border border-neutral-200 p-3 dark:border-neutral-700"
        >
          <h2 className="text-sm font-semibold">Downloads</h2>
          <ul className="space-y-2">
            {jobs.map((j) => (
              <li key={j.id} aria-label={j.name} className="space-y-1 text-sm">
                <div className="flex items-center gap-2">
                  <span className="min-w-0 flex-1 truncate font-mono text-xs">{j.name}</span>
                  <span role="status" className="text-xs tabular-nums">
                    {progressText(j)}
                  </span>
                  {j.state === 'running' ? (
                    <Button size="sm" onClick={() => downloads.cancel(j.id)}>
                      Cancel
                    </Button>
                  ) : (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove ${j.name} from the list`}
                      onClick={() => downloads.dismiss(j.id)}
                    >
                      <X aria-hidden className="size-3.5" />
                    </Button>
                  )}
                </div>
                {j.state === 'running' ? (
                  <progress
                    className="h-1.5 w-full"
                    aria-label={`Progress of ${j.name}`}
                    value={j.total ? Math.min(j.bytes, j.total) : undefined}
                    max={j.total || undefined}
                  />
                ) : null}
                {j.error ? <p className="text-xs text-red-800 dark:text-red-300">{j.error}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Dialog
        title="Download a large file into memory?"
        isOpen={pending !== null}
        onOpenChange={(open) => !open && downloads.dropPending()}
      >
        <p className="text-sm">
          {pending?.name} is {formatBytes(pending?.total ?? 0)}. This browser cannot write a download straight to disk,
          so the whole file is held in memory until it is complete, which may fail or slow the computer down. Browsers
          based on Chromium save it directly.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => downloads.dropPending()}>Cancel</Button>
          <Button variant="primary" onClick={() => downloads.confirmPending()}>
            Download anyway
          </Button>
        </div>
      </Dialog>
    </>
  );
}
