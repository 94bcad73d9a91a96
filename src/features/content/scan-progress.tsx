import { Button } from '@/components/ui/button';

interface ScanProgressProps {
  /** namespaces below whose groups are still loading (search text) */
  pendingNamespaces: number;
  /** the snapshot filters' background search; null when no snapshot filter is set */
  scan: {
    done: number;
    total: number;
    running: boolean;
    cancelled: boolean;
    cancel: () => void;
    resume: () => void;
  } | null;
}

/** How far the search across namespaces and snapshot lists has come, with a way to stop it. */
export function ScanProgress({ pendingNamespaces, scan }: ScanProgressProps) {
  let text = '';
  if (pendingNamespaces > 0)
    text = `Loading the groups of ${pendingNamespaces} more namespace${pendingNamespaces === 1 ? '' : 's'}…`;
  else if (scan?.running) text = `Searching ${scan.done} of ${scan.total} groups…`;
  else if (scan?.cancelled) text = `Search stopped after ${scan.done} of ${scan.total} groups; the rest are not shown.`;
  return (
    <div className="flex min-h-7 flex-wrap items-center gap-2 text-xs text-neutral-700 dark:text-neutral-300">
      <span role="status">{text}</span>
      {pendingNamespaces === 0 && scan?.running ? (
        <>
          <progress max={scan.total} value={scan.done} className="h-1.5 w-32" aria-label="Search progress" />
          <Button size="sm" variant="ghost" onClick={scan.cancel}>
            Stop searching
          </Button>
        </>
      ) : null}
      {scan?.cancelled ? (
        <Button size="sm" variant="ghost" onClick={scan.resume}>
          Go on searching
        </Button>
      ) : null}
    </div>
  );
}
