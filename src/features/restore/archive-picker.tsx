import { useId } from 'react';
import { useSearchParams } from 'react-router';
import type { SnapshotFile } from '@/api/schemas/content';

/** The snapshot's file archives (a host backup may hold several); the choice lives in the URL. */
export function ArchivePicker({ archives, current }: { archives: readonly SnapshotFile[]; current: string }) {
  const id = useId();
  const [, setParams] = useSearchParams();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium">
        Archive
      </label>
      <select
        id={id}
        value={current}
        onChange={(e) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set('archive', e.target.value);
            next.delete('path');
            return next;
          })
        }
        className="rounded-md border border-neutral-300 bg-white px-2 py-1 font-mono text-xs dark:border-neutral-600 dark:bg-neutral-800"
      >
        {archives.map((a) => (
          <option key={a.filename} value={a.filename}>
            {a.filename}
          </option>
        ))}
      </select>
    </div>
  );
}
