import { useMutation } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { parseUpid } from '@/api/upid';
import { fetchWholeLog } from './api';

/** `task-<node>-<type>-<start, UTC>.txt`, after PBS's own download name; no `:` for the sake of Windows. */
export function logFileName(upid: string): string {
  const parsed = parseUpid(upid);
  if (!parsed) return 'task.txt';
  const start = new Date(parsed.starttime * 1000).toISOString().replace('.000Z', 'Z').replaceAll(':', '-');
  return `task-${parsed.node}-${parsed.type}-${start}.txt`;
}

/** The whole log as a .txt, built in the browser from the API (so it works in the static demo too). */
export function DownloadLogButton({ upid }: { upid: string }) {
  const download = useMutation({
    mutationFn: () => fetchWholeLog(upid),
    onSuccess: (text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = logFileName(upid);
      document.body.append(a);
      a.click();
      a.remove();
      // The click has handed the blob to the download; it needs no URL afterwards.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
  });
  return (
    <>
      <Button size="sm" onClick={() => download.mutate()} disabled={download.isPending}>
        <Download aria-hidden className="size-3.5" />
        Download log
      </Button>
      {download.error ? (
        <span role="alert" className="text-xs text-red-800 dark:text-red-300">
          Cannot download the log: {download.error.message}
        </span>
      ) : null}
    </>
  );
}
