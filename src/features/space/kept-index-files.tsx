import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { forgetAllIndexFiles, keptIndexBytes } from '@/api/space/index-cache';
import { formatBytes } from '@/lib/format-bytes';

/**
 * How much of the browser's storage the kept index files take, and a button that drops them all (every server, user
 * and datastore): the next count downloads them again. Shown once an account has finished.
 */
export function KeptIndexFiles() {
  const [kept, setKept] = useState<Awaited<ReturnType<typeof keptIndexBytes>> | null>(null);
  const [forgotten, setForgotten] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void keptIndexBytes().then((k) => {
      if (live) setKept(k);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!kept) return null;
  const forget = async () => {
    setBusy(true);
    try {
      await forgetAllIndexFiles();
      setKept(await keptIndexBytes());
      setForgotten(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <p role="status" aria-label="Index files kept in this browser">
        {forgotten
          ? 'This browser keeps no index files now: the next count downloads them all.'
          : !kept.available
            ? 'This browser keeps no index files (its storage is off or refused here): each count downloads them all.'
            : kept.bytes === 0
              ? 'This browser keeps no index files yet.'
              : `This browser keeps ${formatBytes(kept.bytes)} of index files for the next count (at most ${formatBytes(kept.limit)}).`}
      </p>
      {kept.bytes > 0 ? (
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => void forget()}>
          Forget kept index files
        </Button>
      ) : null}
    </div>
  );
}
